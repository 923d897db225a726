import { sortNames } from '../names/index.ts';
import { formatNumber } from '../text/press-numbers.ts';
import { STROKE_ORDER_NOTE, VOTE_ORDER_NOTE } from './labels.ts';
import type { Block, FlowDocument } from './model.ts';
import { byDelegationAndStrokes, unorderedNameWarnings } from './ordering.ts';
import { annotatedName, namesPerRow, pressName } from './press-names.ts';

export interface ListedDelegate {
  readonly name: string;
  readonly gender: string | null;
  readonly ethnicity: string | null;
  /** Index into `delegations`; null for a delegate outside every delegation. */
  readonly delegation: number | null;
}

export interface DelegateListInput {
  readonly congressTitle: string;
  /** The delegations' names in the congress's order. */
  readonly delegations: readonly string[];
  readonly delegates: readonly ListedDelegate[];
  readonly annotate: boolean;
}

/**
 * The delegate list (代表名单): by delegation in the congress's order, in surname-stroke order
 * within each [T7], names padded and annotated as the press prints them, with each delegation's
 * count and the total. Delegates in no delegation close the list under 其他.
 */
export function buildDelegateList(input: DelegateListInput): FlowDocument {
  const ordered = byDelegationAndStrokes(
    input.delegates.map((d) => ({ ...d, delegationRank: d.delegation })),
  );
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `${input.congressTitle}代表名单` },
    { kind: 'note', text: STROKE_ORDER_NOTE },
    { kind: 'note', text: `共${formatNumber(ordered.length)}名` },
  ];
  const groups: Array<{ title: string; names: string[] }> = [];
  for (const delegate of ordered) {
    const title = delegate.delegation === null ? '其他' : (input.delegations[delegate.delegation] ?? '其他');
    const name = pressName(input.annotate ? annotatedName(delegate.name, delegate) : delegate.name);
    const last = groups.at(-1);
    if (last && last.title === title) last.names.push(name);
    else groups.push({ title, names: [name] });
  }
  for (const group of groups) {
    blocks.push({
      kind: 'heading',
      level: 3,
      text: `${group.title}（${formatNumber(group.names.length)}名）`,
    });
    blocks.push({ kind: 'name-grid', names: group.names, columns: namesPerRow(group.names) });
  }
  return {
    kind: 'flow',
    title: `${input.congressTitle}代表名单`,
    subject: '代表名单',
    warnings: unorderedNameWarnings(input.delegates.map((d) => d.name)),
    runningHeader: input.congressTitle,
    runningFooter: '代表名单',
    blocks,
  };
}

export interface ListedPerson {
  readonly name: string;
  readonly gender: string | null;
  readonly ethnicity: string | null;
}

export interface MemberListInput {
  /** The meeting: 中国共产党示范市第十三届委员会第一次全体会议. */
  readonly meetingTitle: string;
  /** The members, who vote: printed in surname-stroke order [T7]. */
  readonly members: readonly ListedPerson[];
  /** The alternates, who attend without a vote (列席) [Q4] [M1]: in the succession order given [T6]. */
  readonly alternates: readonly ListedPerson[];
  readonly annotate: boolean;
}

/**
 * The member list of a committee's plenary session (委员名单): the members (委员) in surname-stroke
 * order [T7], then the alternates who attend without a vote (候补委员，列席) in the order of their
 * votes [T6], each with its count — a plenary has no delegations.
 */
export function buildMemberList(input: MemberListInput): FlowDocument {
  const title = `${input.meetingTitle}委员名单`;
  const shown = (person: ListedPerson) =>
    pressName(input.annotate ? annotatedName(person.name, person) : person.name);
  const members = sortNames(input.members, (m) => m.name, { unknown: 'last' }).map(shown);
  const alternates = input.alternates.map(shown);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'note',
      text: `委员${formatNumber(members.length)}名${alternates.length ? `，候补委员${formatNumber(alternates.length)}名` : ''}`,
    },
    { kind: 'heading', level: 3, text: `委员（${formatNumber(members.length)}名）` },
    { kind: 'note', text: STROKE_ORDER_NOTE },
    { kind: 'name-grid', names: members, columns: namesPerRow(members) },
  ];
  if (alternates.length > 0) {
    blocks.push(
      { kind: 'heading', level: 3, text: `候补委员（列席，${formatNumber(alternates.length)}名）` },
      { kind: 'note', text: VOTE_ORDER_NOTE },
      { kind: 'name-grid', names: alternates, columns: namesPerRow(alternates) },
    );
  }
  return {
    kind: 'flow',
    title,
    subject: '委员名单',
    warnings: unorderedNameWarnings(input.members.map((m) => m.name)),
    runningHeader: input.meetingTitle,
    runningFooter: '委员名单',
    blocks,
  };
}
