import { type Office, publishedOrder } from '../rules/index.ts';
import type { CalendarDate } from '../text/calendar.ts';
import { pressDate } from '../text/press-dates.ts';
import { formatNumber } from '../text/press-numbers.ts';
import { electionSubject, publishedOrderNote } from './labels.ts';
import type { Block, FlowDocument } from './model.ts';
import { annotatedName, namesPerRow, pressName } from './press-names.ts';

export interface ElectedPerson {
  readonly name: string;
  readonly gender?: string | null;
  readonly ethnicity?: string | null;
}

export interface ResultListInput {
  readonly congressTitle: string;
  readonly electionTitle: string;
  readonly office: Office;
  /**
   * Everyone elected, in the order the announced rounds elected them: each round's result.elected
   * in turn. For alternates this is the succession order [T6] (by votes, equal votes by strokes,
   * run-off winners after those elected outright) and is kept.
   */
  readonly elected: readonly ElectedPerson[];
  /** [C3] The order approved by the higher committee (standing committee, secretary, deputies). */
  readonly approvedOrder: readonly string[];
  /** Print （女）（回族） after the names. */
  readonly annotate: boolean;
  /** False while rounds remain: the list is then a draft of the results announced so far. */
  readonly complete: boolean;
  /** The day the last result was announced. */
  readonly announcedOn: CalendarDate | null;
  /** [P6] Some of those elected await the higher committee's approval. */
  readonly pendingApproval: boolean;
}

/**
 * [T7] The published order: surname strokes for delegates, members and discipline commission
 * members; alternates as elected [T6]; the approved order for the standing committee, secretary
 * and deputies. A name the stroke data cannot order goes last (and is reported) rather than
 * stopping the list.
 */
export function publishedNames(
  input: Pick<ResultListInput, 'office' | 'elected' | 'approvedOrder'>,
): string[] {
  const names = input.elected.map((person) => person.name);
  if (input.office === 'alternate-member') return names;
  return publishedOrder(
    input.office,
    names.map((name) => ({ name, votes: 0 })),
    input.approvedOrder,
  );
}

/**
 * The list of those elected, laid out as the press prints it: the heading, the order note
 * （按姓氏笔画为序） or （按得票多少为序）, the names padded (王　宁) in rows, the count.
 */
export function buildResultList(input: ResultListInput): FlowDocument {
  const subject = electionSubject(input.electionTitle);
  const person = new Map(input.elected.map((p) => [p.name, p]));
  const names = publishedNames(input).map((name) =>
    pressName(input.annotate ? annotatedName(name, person.get(name) ?? {}) : name),
  );
  const note = publishedOrderNote(input.office);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: `${subject}名单` }];
  if (note) blocks.push({ kind: 'note', text: note });
  if (input.complete && input.announcedOn) {
    blocks.push({ kind: 'note', text: `（${pressDate(input.announcedOn)}${input.congressTitle}选举产生）` });
  }
  if (!input.complete) {
    blocks.push({
      kind: 'paragraph',
      text: '草稿：选举尚未完成，以下为截至目前已宣布的当选人，不得对外公布。',
      bold: true,
      align: 'center',
    });
  }
  blocks.push({ kind: 'spacer' });
  if (names.length > 0) blocks.push({ kind: 'name-grid', names, columns: namesPerRow(names) });
  blocks.push({ kind: 'paragraph', text: `共${formatNumber(names.length)}名`, align: 'right' });
  if (input.pendingApproval) {
    blocks.push({ kind: 'paragraph', text: '以上人选尚需报上级党委批准。' });
  }
  return {
    kind: 'flow',
    title: `${subject}名单${input.complete ? '' : '（草稿）'}`,
    subject: '名单',
    warnings: input.complete ? [] : ['draft: the election is not complete'],
    runningHeader: input.congressTitle,
    runningFooter: `${subject}名单`,
    blocks,
  };
}
