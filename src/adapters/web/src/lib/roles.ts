// Who sees what: roles come per congress from GET /api/session (rolesByCongress, with '*' for
// roles held in every congress). Pure, so the navigation rules are tested without a browser.

export type Role = 'admin' | 'check-in' | 'teller' | 'scrutineer' | 'presiding' | 'delegate' | 'public';

export interface SessionInfo {
  readonly kind: 'public' | 'account' | 'delegate';
  readonly username?: string;
  readonly displayName?: string;
  readonly name?: string;
  readonly congressId?: string;
  readonly delegateId?: string;
  readonly csrfToken?: string;
  readonly roles: readonly string[];
  readonly rolesByCongress?: Readonly<Record<string, readonly string[]>>;
}

/** The roles the session holds in a congress ('public' always). */
export function rolesFor(session: SessionInfo | null, congressId: string | undefined): Set<Role> {
  const roles = new Set<Role>(['public']);
  if (!session || session.kind === 'public') return roles;
  if (session.kind === 'delegate') {
    if (congressId === undefined || congressId === session.congressId) roles.add('delegate');
    return roles;
  }
  const byCongress = session.rolesByCongress ?? {};
  for (const role of byCongress['*'] ?? []) roles.add(role as Role);
  if (congressId) for (const role of byCongress[congressId] ?? []) roles.add(role as Role);
  return roles;
}

export function hasAny(roles: ReadonlySet<Role>, wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.has(role));
}

/** Who may list a congress's elections (GET …/elections); others learn of them from the stream. */
export const LIST_ELECTIONS: readonly Role[] = [
  'admin',
  'presiding',
  'scrutineer',
  'teller',
  'check-in',
  'delegate',
];

/** The places a role works in; the home page shows those the user may open. */
export type EntryPoint =
  | 'checkin'
  | 'console'
  | 'teller'
  | 'scrutineer'
  | 'presiding'
  | 'vote'
  | 'screen'
  | 'public';

export const ENTRY_ROLES: Readonly<Record<EntryPoint, readonly Role[]>> = {
  checkin: ['check-in', 'admin'],
  console: ['admin', 'presiding', 'teller', 'scrutineer'],
  teller: ['teller'],
  scrutineer: ['scrutineer'],
  presiding: ['presiding'],
  vote: ['delegate'],
  screen: ['public'],
  public: ['public'],
};

export function entryPointsFor(roles: ReadonlySet<Role>): EntryPoint[] {
  return (Object.keys(ENTRY_ROLES) as EntryPoint[]).filter((entry) => hasAny(roles, ENTRY_ROLES[entry]));
}

/** The console's menu: which roles see each section. */
export interface ConsoleSection {
  readonly key: string;
  readonly roles: readonly Role[];
}

export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  { key: 'overview', roles: ['admin', 'presiding', 'teller', 'scrutineer', 'check-in'] },
  { key: 'delegates', roles: ['admin', 'presiding', 'teller', 'scrutineer', 'check-in'] },
  { key: 'import', roles: ['admin'] },
  { key: 'credentials', roles: ['admin'] },
  { key: 'sittings', roles: ['admin', 'presiding'] },
  { key: 'attendance', roles: ['admin', 'check-in', 'presiding'] },
  { key: 'elections', roles: ['admin', 'presiding', 'scrutineer', 'teller'] },
  { key: 'paper', roles: ['teller', 'scrutineer'] },
  { key: 'documents', roles: ['admin', 'presiding', 'scrutineer', 'teller'] },
  { key: 'news', roles: ['admin'] },
  { key: 'audit', roles: ['admin', 'scrutineer'] },
  { key: 'organisations', roles: ['admin'] },
];

export function consoleSectionsFor(roles: ReadonlySet<Role>): ConsoleSection[] {
  return CONSOLE_SECTIONS.filter((section) => hasAny(roles, section.roles));
}
