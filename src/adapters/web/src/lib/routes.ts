// The application's routes: pure path matching and building, no DOM (the router hook in
// router.tsx applies them to window.location). One table serves both directions.

export type RouteName =
  | 'home'
  | 'login'
  | 'checkin'
  | 'screen'
  | 'publicList'
  | 'publicCongress'
  | 'consoleOverview'
  | 'consoleDelegates'
  | 'consoleImport'
  | 'consoleCredentials'
  | 'consoleSection'
  | 'teller'
  | 'scrutineer'
  | 'scan'
  | 'presiding'
  | 'vote'
  | 'term';

export interface RouteMatch {
  readonly name: RouteName | 'notFound';
  readonly params: Readonly<Record<string, string>>;
}

/** Most specific first: the first pattern that matches wins. */
export const ROUTES: ReadonlyArray<{ readonly name: RouteName; readonly pattern: string }> = [
  { name: 'home', pattern: '/' },
  { name: 'login', pattern: '/login' },
  { name: 'publicList', pattern: '/public' },
  { name: 'publicCongress', pattern: '/public/c/:congressId' },
  { name: 'checkin', pattern: '/c/:congressId/checkin' },
  { name: 'screen', pattern: '/c/:congressId/screen' },
  { name: 'teller', pattern: '/c/:congressId/teller' },
  { name: 'scrutineer', pattern: '/c/:congressId/scrutineer' },
  { name: 'scan', pattern: '/c/:congressId/scan' },
  { name: 'presiding', pattern: '/c/:congressId/presiding' },
  { name: 'vote', pattern: '/c/:congressId/vote' },
  { name: 'consoleOverview', pattern: '/c/:congressId/console' },
  { name: 'consoleDelegates', pattern: '/c/:congressId/console/delegates' },
  { name: 'consoleImport', pattern: '/c/:congressId/console/delegates/import' },
  { name: 'consoleCredentials', pattern: '/c/:congressId/console/credentials' },
  { name: 'consoleSection', pattern: '/c/:congressId/console/:section' },
  // The committee's year, not tied to one meeting: register, meetings, topics, follow-up, units.
  { name: 'term', pattern: '/t/:termId/:section' },
];

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Matches one pattern ('/c/:congressId/screen') against a pathname; the params, or null. */
export function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = segments(pattern);
  const have = segments(pathname);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(h);
      } catch {
        return null;
      }
      if (value === '') return null;
      params[w.slice(1)] = value;
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

/** The route of a pathname (a trailing slash and the query string do not matter). */
export function matchRoute(pathname: string): RouteMatch {
  const path = pathname.split(/[?#]/)[0] ?? '/';
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, path);
    if (params) return { name: route.name, params };
  }
  return { name: 'notFound', params: {} };
}

/** The path of a route with its params (and an optional query), encoded. */
export function pathFor(
  name: RouteName,
  params: Readonly<Record<string, string>> = {},
  query: Readonly<Record<string, string | number | undefined>> = {},
): string {
  const route = ROUTES.find((r) => r.name === name);
  if (!route) throw new Error(`no route ${name}`);
  const path =
    '/' +
    segments(route.pattern)
      .map((s) => {
        if (!s.startsWith(':')) return s;
        const value = params[s.slice(1)];
        if (value === undefined || value === '') throw new Error(`route ${name} needs ${s.slice(1)}`);
        return encodeURIComponent(value);
      })
      .join('/');
  const search = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

/** Only same-site paths are followed after login (never //evil.example or https://…). */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
