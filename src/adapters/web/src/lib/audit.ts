import type { AuditLabel } from '../../../../contract/audit.ts';

// Reading audit entries in the console, without React: what kind of thing an action or a subject
// is about (its prefix: news.publish → news, round:<id> → round), the action filter's choices
// grouped by kind, and the name of a subject.

export const AUDIT_KINDS = [
  'account',
  'adoption-vote',
  'agenda',
  'attendance',
  'ballot',
  'body',
  'congress',
  'delegate',
  'delegation',
  'demo',
  'election',
  'method',
  'news',
  'news-template',
  'organisation',
  'paper',
  'plenary',
  'round',
  'sitting',
  'term',
  'term-position',
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Prefixes that name the same kind as another (the demo seed writes some in the plural). */
const ALIASES: Readonly<Record<string, AuditKind>> = {
  'agenda-item': 'agenda',
  bodies: 'body',
  delegates: 'delegate',
  sittings: 'sitting',
  'election-method': 'method',
  'election-officers': 'election',
};

function kindOfPrefix(prefix: string): AuditKind | null {
  if ((AUDIT_KINDS as readonly string[]).includes(prefix)) return prefix as AuditKind;
  return ALIASES[prefix] ?? null;
}

/** news.template.save → news-template; round.open → round; an unknown prefix → null. */
export function actionKind(action: string): AuditKind | null {
  if (action.startsWith('news.template.')) return 'news-template';
  return kindOfPrefix(action.split('.')[0]!);
}

/** round:<id> → round; congress:<id>/presidium → body; an unknown prefix → null. */
export function subjectKind(subject: string): AuditKind | null {
  const prefix = subject.split(':')[0]!;
  if (prefix === 'congress' && subject.includes('/')) return 'body';
  return kindOfPrefix(prefix);
}

export interface ActionGroup {
  /** The prefix that selects the whole group (news), or the action itself when alone. */
  readonly prefix: string;
  readonly kind: AuditKind | null;
  readonly actions: readonly string[];
}

/** The actions grouped by their first part, in the order given (the server sorts them). */
export function actionGroups(actions: readonly string[]): ActionGroup[] {
  const byPrefix = new Map<string, string[]>();
  for (const action of actions) {
    const prefix = action.split('.')[0]!;
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), action]);
  }
  return [...byPrefix].map(([prefix, members]) => ({
    prefix,
    kind: actionKind(members[0]!),
    actions: members,
  }));
}

/** The label of a reference, or of the congress a body subject belongs to (congress:<id>/presidium). */
export function labelOf(
  labels: Readonly<Record<string, AuditLabel>>,
  reference: string,
): AuditLabel | undefined {
  return labels[reference] ?? labels[reference.split('/')[0]!];
}
