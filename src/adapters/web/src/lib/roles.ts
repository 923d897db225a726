import { congressAuditEndpoint } from '../../../../contract/audit.ts';
import type { CongressKind } from '../../../../contract/congress.ts';
import { minutesEndpoint, outcomesEndpoint } from '../../../../contract/decisions.ts';
import {
  delegatesEndpoint,
  issueCredentialsEndpoint,
  previewDelegateImportEndpoint,
} from '../../../../contract/delegates.ts';
import { congressNewsEndpoint } from '../../../../contract/news.ts';
import type { Role } from '../../../../contract/roles.ts';
import type { SessionInfo } from '../../../../contract/session.ts';
import { meetingTopicsEndpoint } from '../../../../contract/topics.ts';

// Who sees what: roles come per congress from GET /api/session (rolesByCongress, with '*' for
// roles held in every congress). Pure, so the navigation rules are tested without a browser.

export type { Role, SessionInfo };

/** The roles the session holds in a congress ('public' always). */
export function rolesFor(session: SessionInfo | null, congressId: string | undefined): Set<Role> {
  const roles = new Set<Role>(['public']);
  if (!session || session.kind === 'public') return roles;
  if (session.kind === 'delegate') {
    if (congressId === undefined || congressId === session.congressId) roles.add('delegate');
    return roles;
  }
  const byCongress = session.rolesByCongress ?? {};
  for (const role of byCongress['*'] ?? []) roles.add(role);
  if (congressId) for (const role of byCongress[congressId] ?? []) roles.add(role);
  return roles;
}

export function hasAny(roles: ReadonlySet<Role>, wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.has(role));
}

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

/** The console's menu: which roles see each section, and in which consoles (all when omitted). */
export interface ConsoleSection {
  readonly key: string;
  readonly roles: readonly Role[];
  readonly kinds?: readonly CongressKind[];
}

/** A plenary session or a standing committee meeting: the committee's meetings between congresses. */
const MEETINGS: readonly CongressKind[] = ['plenary', 'standing-committee'];
/** Where delegates are elected or vote by ballot: a congress and a plenary. */
const ELECTING: readonly CongressKind[] = ['congress', 'plenary'];

export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  { key: 'overview', roles: ['admin', 'presiding', 'teller', 'scrutineer', 'check-in'] },
  // A meeting's record [M6]: its agenda of topics, what it concluded and decided, its minutes.
  { key: 'agenda', roles: meetingTopicsEndpoint.allow, kinds: MEETINGS },
  { key: 'outcomes', roles: outcomesEndpoint.allow, kinds: MEETINGS },
  { key: 'minutes', roles: minutesEndpoint.allow, kinds: MEETINGS },
  // Sections that are one endpoint's page show to those who may call it.
  { key: 'delegates', roles: delegatesEndpoint.allow },
  // A meeting's roster comes from the term's register: nothing to import.
  { key: 'import', roles: previewDelegateImportEndpoint.allow, kinds: ['congress'] },
  { key: 'credentials', roles: issueCredentialsEndpoint.allow, kinds: ELECTING },
  { key: 'sittings', roles: ['admin', 'presiding'], kinds: ELECTING },
  // At a meeting the overview's roll call records who is present and who is on leave.
  { key: 'attendance', roles: ['admin', 'check-in', 'presiding'], kinds: ['congress'] },
  { key: 'elections', roles: ['admin', 'presiding', 'scrutineer', 'teller'], kinds: ELECTING },
  { key: 'paper', roles: ['teller', 'scrutineer'], kinds: ELECTING },
  { key: 'documents', roles: ['admin', 'presiding', 'scrutineer', 'teller'], kinds: ELECTING },
  { key: 'news', roles: congressNewsEndpoint.allow },
  { key: 'audit', roles: congressAuditEndpoint.allow },
  { key: 'organisations', roles: ['admin'] },
];

/** The sections the roles open in a console of this kind (every kind's while it is not known yet). */
export function consoleSectionsFor(roles: ReadonlySet<Role>, kind?: CongressKind): ConsoleSection[] {
  return CONSOLE_SECTIONS.filter(
    (section) =>
      hasAny(roles, section.roles) && (kind === undefined || !section.kinds || section.kinds.includes(kind)),
  );
}

/** The name the header shows for the session: the account's display name, the delegate's name. */
export function sessionName(session: SessionInfo | null): string {
  if (!session || session.kind === 'public') return '';
  return session.kind === 'delegate' ? session.name : session.displayName || session.username;
}

/** Roles the session holds in every congress (an installation's administrators). */
export function rolesInEveryCongress(session: SessionInfo | null): readonly Role[] {
  return session?.kind === 'account' ? (session.rolesByCongress['*'] ?? []) : [];
}
