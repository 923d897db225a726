import type { CalendarDate } from '../text/calendar.ts';
import { pressDate } from '../text/press-dates.ts';
import { formatNumber } from '../text/press-numbers.ts';
import type { Block, FlowDocument } from './model.ts';
import { byDelegationAndStrokes, unorderedNameWarnings } from './ordering.ts';
import { pressName } from './press-names.ts';

export interface AttendancePerson {
  readonly name: string;
  /** The delegation's name, or null. */
  readonly delegation: string | null;
  readonly delegationRank: number | null;
  /** The leave reason as stored (因事, 因病：住院, 其他：出国访问). */
  readonly reason?: string | null;
}

export interface AttendanceRecordInput {
  readonly congressTitle: string;
  readonly sittingTitle: string;
  readonly date: CalendarDate | null;
  /** 代表 at a congress, 委员 at a plenary. */
  readonly noun: string;
  readonly counts: {
    readonly expected: number;
    readonly present: number;
    readonly onLeave: {
      readonly total: number;
      readonly personal: number;
      readonly illness: number;
      readonly other: number;
    };
    readonly absent: number;
    readonly nonVoting: { readonly expected: number; readonly present: number };
  };
  /** [Q1]–[Q3] as the attendance counts decided it. */
  readonly quorum: { readonly rule: string; readonly met: boolean; readonly minimumPresent: number };
  /** Electors with a vote on leave, with their reasons. */
  readonly onLeave: readonly AttendancePerson[];
  /** Electors with a vote neither present nor on leave. */
  readonly absent: readonly AttendancePerson[];
}

const n = formatNumber;

function leaveBreakdown(onLeave: AttendanceRecordInput['counts']['onLeave']): string {
  const parts = [
    onLeave.personal ? `因事${n(onLeave.personal)}人` : '',
    onLeave.illness ? `因病${n(onLeave.illness)}人` : '',
    onLeave.other ? `其他原因${n(onLeave.other)}人` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

/**
 * The attendance record of one sitting: 应到, 请假 (by reason), 实到, the quorum verdict with its
 * rule [Q1]–[Q3] ([Q4]: electors with a vote only; non-voting attendees apart), the names on leave
 * with their reasons and the names of those absent, by delegation and in stroke order.
 */
export function buildAttendanceRecord(input: AttendanceRecordInput): FlowDocument {
  const { counts, quorum, noun } = input;
  const verdict = quorum.met ? '符合法定人数' : `不足法定人数（至少须${n(quorum.minimumPresent)}名）`;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: input.congressTitle },
    { kind: 'heading', level: 2, text: `${input.sittingTitle}出席情况记录` },
  ];
  if (input.date) blocks.push({ kind: 'note', text: pressDate(input.date) });
  blocks.push(
    {
      kind: 'table',
      columns: [
        { header: `应到${noun}`, width: 1, align: 'center' },
        { header: '请假', width: 1, align: 'center' },
        { header: `实到${noun}`, width: 1, align: 'center' },
        { header: '缺席（未报到）', width: 1, align: 'center' },
        { header: '列席（无表决权）', width: 1, align: 'center' },
      ],
      rows: [
        {
          cells: [
            `${n(counts.expected)}名`,
            `${n(counts.onLeave.total)}人`,
            `${n(counts.present)}名`,
            `${n(counts.absent)}人`,
            `${n(counts.nonVoting.present)}人`,
          ],
        },
      ],
    },
    {
      kind: 'paragraph',
      text: `应到${noun}${n(counts.expected)}名，请假${n(counts.onLeave.total)}人${leaveBreakdown(counts.onLeave)}，实到${noun}${n(counts.present)}名，${verdict}。`,
      bold: true,
    },
  );
  const onLeave = byDelegationAndStrokes(input.onLeave);
  blocks.push({ kind: 'heading', level: 3, text: `请假${noun}名单（${n(onLeave.length)}人）` });
  if (onLeave.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: '序号', width: 0.6, align: 'center' },
        { header: '代表团', width: 2, align: 'left' },
        { header: '姓名', width: 1.4, align: 'left' },
        { header: '请假原因', width: 2.6, align: 'left' },
      ],
      rows: onLeave.map((p, i) => ({
        cells: [String(i + 1), p.delegation ?? '', pressName(p.name), p.reason ?? ''],
      })),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: '无。' });
  }
  const absent = byDelegationAndStrokes(input.absent);
  blocks.push({
    kind: 'heading',
    level: 3,
    text: `缺席${noun}名单（未报到、未请假，${n(absent.length)}人）`,
  });
  if (absent.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: '序号', width: 0.6, align: 'center' },
        { header: '代表团', width: 2, align: 'left' },
        { header: '姓名', width: 4, align: 'left' },
      ],
      rows: absent.map((p, i) => ({ cells: [String(i + 1), p.delegation ?? '', pressName(p.name)] })),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: '无。' });
  }
  return {
    kind: 'flow',
    title: `${input.sittingTitle}出席情况记录`,
    subject: '出席情况记录',
    warnings: unorderedNameWarnings([...input.onLeave, ...input.absent].map((p) => p.name)),
    runningHeader: input.congressTitle,
    runningFooter: `${input.sittingTitle}出席情况记录`,
    blocks,
  };
}
