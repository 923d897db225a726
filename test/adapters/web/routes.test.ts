import { describe, expect, it } from 'vitest';
import {
  matchPattern,
  matchRoute,
  pathFor,
  ROUTES,
  safeNext,
} from '../../../src/adapters/web/src/lib/routes.ts';

describe('the router', () => {
  it.each([
    ['/', 'home', {}],
    ['/login', 'login', {}],
    ['/public', 'publicList', {}],
    ['/public/', 'publicList', {}],
    ['/public/c/abc', 'publicCongress', { congressId: 'abc' }],
    ['/c/abc/checkin', 'checkin', { congressId: 'abc' }],
    ['/c/abc/checkin?desk=2', 'checkin', { congressId: 'abc' }],
    ['/c/abc/screen', 'screen', { congressId: 'abc' }],
    ['/c/abc/console', 'consoleOverview', { congressId: 'abc' }],
    ['/c/abc/console/delegates', 'consoleDelegates', { congressId: 'abc' }],
    ['/c/abc/console/delegates/import', 'consoleImport', { congressId: 'abc' }],
    ['/c/abc/console/credentials', 'consoleCredentials', { congressId: 'abc' }],
    ['/c/abc/console/elections', 'consoleSection', { congressId: 'abc', section: 'elections' }],
    ['/t/t8/register', 'term', { termId: 't8', section: 'register' }],
    ['/t/t8/follow-up', 'term', { termId: 't8', section: 'follow-up' }],
  ])('matches %s', (path, name, params) => {
    expect(matchRoute(path)).toEqual({ name, params });
  });

  it.each([
    '/c',
    '/c/abc',
    '/c/abc/nothing',
    '/public/c',
    '/c/abc/console/delegates/import/more',
    '/api/session',
    '/t/t8',
  ])('does not match %s', (path) => {
    expect(matchRoute(path).name).toBe('notFound');
  });

  it('decodes parameters and refuses malformed encodings', () => {
    expect(matchPattern('/c/:congressId/screen', '/c/a%20b/screen')).toEqual({ congressId: 'a b' });
    expect(matchPattern('/c/:congressId/screen', '/c/%E0%A4%A/screen')).toBeNull();
  });

  it('builds every route back to a path that matches it', () => {
    for (const route of ROUTES) {
      const params = { congressId: 'X y/z', section: 'elections', termId: 'T 8/1' };
      const path = pathFor(route.name, params);
      const match = matchRoute(path);
      expect(match.name, path).toBe(route.name);
      for (const key of Object.keys(match.params))
        expect(match.params[key]).toBe(params[key as keyof typeof params]);
    }
  });

  it('adds a query string of the given values', () => {
    expect(pathFor('checkin', { congressId: 'c1' }, { desk: 3, sitting: undefined })).toBe(
      '/c/c1/checkin?desk=3',
    );
    expect(() => pathFor('checkin')).toThrow();
  });

  it('only follows same-site paths after login', () => {
    expect(safeNext('/c/x/checkin?desk=1')).toBe('/c/x/checkin?desk=1');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
