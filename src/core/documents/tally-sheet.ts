import type {
  CandidateResult,
  Fraction,
  Office,
  RoundKind,
  RoundResult,
  ThresholdVerdict,
} from '../rules/index.ts';
import type { CalendarDate } from '../text/calendar.ts';
import { pressDate } from '../text/press-dates.ts';
import { formatNumber } from '../text/press-numbers.ts';
import {
  electionKindZh,
  electionSubject,
  fractionZh,
  publishedOrderNote,
  recordedFraction,
  roundLabel,
  roundShortLabel,
  thresholdSentence,
  VOTE_ORDER_NOTE,
} from './labels.ts';
import type { Block, FlowDocument, TableRow } from './model.ts';
import { pressName, splitAnnotation } from './press-names.ts';

export type OfficerRole = 'chief-scrutineer' | 'deputy-chief-scrutineer' | 'scrutineer' | 'teller';

export interface TallySheetInput {
  readonly congressTitle: string;
  readonly electionTitle: string;
  readonly office: Office;
  readonly round: {
    readonly seq: number;
    readonly kind: RoundKind;
    readonly seats: number;
    readonly advance: number | null;
    readonly expected: number | null;
    readonly present: number | null;
    readonly issued: number | null;
  };
  /** The round's printed list in ballot order (rounds.candidates_json): the rows' order. */
  readonly candidates: readonly string[];
  /** The count (rounds.result_json); null prints a blank sheet to fill in by hand. */
  readonly result: RoundResult | null;
  /** The roles appointed for the election: a deputy chief scrutineer gets a signature line. */
  readonly officerRoles: readonly OfficerRole[];
  /** The day of the vote, printed under the signatures; null leaves a blank to write in. */
  readonly date: CalendarDate | null;
  /**
   * The threshold in force before the count ([T1]/[T2] from the round's electors), printed on a
   * blank sheet; a counted sheet prints the one its result records.
   */
  readonly threshold?: { readonly verdict: ThresholdVerdict; readonly fraction: Fraction } | null;
  /**
   * The audit head right after the round's close (its closing entry): printed under the signatures,
   * it anchors the audit chain outside the database (issue 13 item 14); absent before the close.
   */
  readonly auditAnchor?: { readonly seq: number; readonly hash: string } | null;
}

const count = (n: number | null | undefined, unit: string): string =>
  n === null || n === undefined ? '' : `${formatNumber(n)}${unit}`;

/** 王宁、李小强、丁宁（女）: names in a sentence are not padded. */
const nameList = (names: readonly string[]): string =>
  names
    .map((text) => {
      const { name, annotation } = splitAnnotation(text);
      return name + (annotation ?? '');
    })
    .join('、');

function resultLabel(row: CandidateResult, result: RoundResult, kind: RoundKind): string {
  if (kind === 'preliminary') return result.advancing?.includes(row.name) ? '进入下一轮' : '';
  if (result.electedAlternates?.includes(row.name)) return '当选候补';
  if (row.elected) return '当选';
  if (result.runoff?.candidates.includes(row.name)) return '再次投票';
  return '';
}

/** The candidates' rows in ballot order; names written in follow, as the count lists them [T8]. */
function candidateRows(input: TallySheetInput): TableRow[] {
  const { result } = input;
  if (!result || result.results.length === 0) {
    return input.candidates.map((name, i) => ({ cells: [String(i + 1), pressName(name), '', '', '', ''] }));
  }
  const byName = new Map(result.results.map((row) => [row.name, row]));
  const printed = input.candidates.flatMap((name) => (byName.has(name) ? [byName.get(name)!] : []));
  const writtenIn = result.results.filter((row) => !input.candidates.includes(row.name));
  return [...printed, ...writtenIn].map((row, i) => {
    const label = resultLabel(row, result, input.round.kind);
    return {
      cells: [
        String(i + 1),
        pressName(row.name) + (row.writeIn ? '（另选人）' : ''),
        formatNumber(row.for),
        row.writeIn ? '' : formatNumber(row.against),
        row.writeIn ? '' : formatNumber(row.abstain),
        label,
      ],
      bold: label.startsWith('当选') || label === '进入下一轮',
    };
  });
}

/** The verdicts on the round and the ballots: [B2] returned ≤ issued, [B3] valid and invalid. */
function validitySentences(result: RoundResult, maxFor: number): string[] {
  const sentences: string[] = [];
  if (!result.quorum.met) {
    sentences.push(
      `实到会有选举权人数${formatNumber(result.quorum.present)}人，不足法定人数（至少须${formatNumber(result.quorum.minimumPresent)}人），不能进行选举。`,
    );
    return sentences;
  }
  if (!result.candidacy.ok) {
    sentences.push(`候选人名单不符合规定，不能付诸表决。`);
    return sentences;
  }
  const { issued, returned } = result.validity;
  sentences.push(
    result.validity.valid
      ? `收回选票${formatNumber(returned)}张，等于或少于发出选票${formatNumber(issued)}张，选举有效。`
      : `收回选票${formatNumber(returned)}张，多于发出选票${formatNumber(issued)}张，选举无效，应重新进行选举。`,
  );
  if (result.validity.valid) {
    sentences.push(
      `每张选票所选人数等于或少于${formatNumber(maxFor)}名的为有效票，多于${formatNumber(maxFor)}名的为无效票：有效票${formatNumber(result.ballots.valid)}张，无效票${formatNumber(result.ballots.invalid)}张。`,
    );
  }
  return sentences;
}

function votesOf(result: RoundResult, name: string): number {
  return result.results.find((row) => row.name === name)?.for ?? 0;
}

/** Who is elected, or what must happen next: a run-off [T3] or the shortfall [T4]. */
function outcomeSentences(input: TallySheetInput, result: RoundResult): string[] {
  const counted =
    result.outcome === 'complete' || result.outcome === 'runoff-required' || result.outcome === 'shortfall';
  if (!counted) return [];
  const sentences: string[] = [];
  const fraction = fractionZh(recordedFraction(result.parameters.thresholdFraction));
  if (input.round.kind === 'preliminary') {
    const advancing = result.advancing ?? [];
    sentences.push(
      advancing.length > 0
        ? `预选产生候选人${formatNumber(advancing.length)}名${VOTE_ORDER_NOTE}：${nameList(advancing)}。`
        : '预选未产生候选人。',
    );
  } else {
    const order = publishedOrderNote(input.office) ?? '';
    sentences.push(
      result.elected.length > 0
        ? `当选${formatNumber(result.elected.length)}名${order}：${nameList(result.elected)}。`
        : '本轮投票无人当选。',
    );
    const alternates = result.electedAlternates ?? [];
    if (alternates.length > 0) {
      sentences.push(
        `当选候补${formatNumber(alternates.length)}名${VOTE_ORDER_NOTE}：${nameList(alternates)}。`,
      );
    }
  }
  if (result.runoff) {
    const tied = result.runoff.candidates;
    const votes = tied.length > 0 ? votesOf(result, tied[0]!) : 0;
    sentences.push(
      `${nameList(tied)}得票相等（各${formatNumber(votes)}票），不能确定当选人，须就票数相等的被选举人再次投票，决定${formatNumber(result.runoff.seats)}个名额。`,
    );
  }
  if (result.outcome === 'shortfall' && result.shortfall > 0) {
    sentences.push(
      `得票超过${fraction}的被选举人少于应选名额，缺额${formatNumber(result.shortfall)}名，须另行选举，或经批准减少名额。`,
    );
  }
  if ((result.alternateShortfall ?? 0) > 0 && !result.runoff) {
    sentences.push(`候补名额缺额${formatNumber(result.alternateShortfall!)}名。`);
  }
  return sentences;
}

function signatureLabels(roles: readonly OfficerRole[]): string[] {
  return [
    '总监票人（签名）',
    ...(roles.includes('deputy-chief-scrutineer') ? ['副总监票人（签名）'] : []),
    '监票人（签名）',
    '计票人（签名）',
  ];
}

/**
 * The tally sheet (计票结果报告单) of one round: the counts [B2][B3], every candidate's for,
 * against and abstain in ballot order, the threshold with the rule that set it ([T1]/[T2]/[T3]),
 * who is elected or what follows ([T3] run-off, [T4] shortfall), and lines for the chief
 * scrutineer, the scrutineers and the tellers to sign [P1][P2].
 */
export function buildTallySheet(input: TallySheetInput): FlowDocument {
  const { round, result } = input;
  const subject = electionSubject(input.electionTitle);
  const maxFor = round.kind === 'preliminary' ? (round.advance ?? round.seats) : round.seats;
  const heading =
    round.kind === 'preliminary'
      ? `预选：候选人${formatNumber(input.candidates.length)}名，预选产生候选人${formatNumber(maxFor)}名。`
      : `应选${formatNumber(round.seats)}名，候选人${formatNumber(input.candidates.length)}名（${electionKindZh(input.candidates.length, round.seats)}）。`;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '计票结果报告单' },
    { kind: 'heading', level: 2, text: `${subject}选举` },
    { kind: 'note', text: roundLabel(round.seq, round.kind) },
    { kind: 'paragraph', text: heading },
    {
      kind: 'table',
      columns: [
        { header: '应到会有选举权人数', width: 1, align: 'center' },
        { header: '实到会有选举权人数', width: 1, align: 'center' },
        { header: '发出选票', width: 1, align: 'center' },
        { header: '收回选票', width: 1, align: 'center' },
        { header: '有效票', width: 1, align: 'center' },
        { header: '无效票', width: 1, align: 'center' },
      ],
      rows: [
        {
          cells: [
            count(round.expected, '人'),
            count(round.present, '人'),
            count(round.issued, '张'),
            count(result?.ballots.returned, '张'),
            result?.outcome === 'void' || !result || result.results.length === 0
              ? ''
              : count(result.ballots.valid, '张'),
            result?.outcome === 'void' || !result || result.results.length === 0
              ? ''
              : count(result.ballots.invalid, '张'),
          ],
        },
      ],
    },
  ];
  if (result) for (const text of validitySentences(result, maxFor)) blocks.push({ kind: 'paragraph', text });
  else blocks.push({ kind: 'paragraph', text: '尚未计票：本报告单留空，由计票人填写，监票人核对签名。' });
  blocks.push({
    kind: 'table',
    columns: [
      { header: '序号', width: 0.7, align: 'center' },
      { header: '姓名', width: 2.6, align: 'left' },
      { header: '赞成', width: 1.1, align: 'right' },
      { header: '不赞成', width: 1.1, align: 'right' },
      { header: '弃权', width: 1.1, align: 'right' },
      { header: '结果', width: 1.4, align: 'center' },
    ],
    rows: candidateRows(input),
  });
  const rule = round.kind === 'preliminary' ? '进入下一轮须得赞成票' : '当选须得赞成票';
  if (result && result.results.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `${rule}${thresholdSentence(result.threshold, recordedFraction(result.parameters.thresholdFraction))}。`,
    });
    for (const text of outcomeSentences(input, result)) blocks.push({ kind: 'paragraph', text, bold: true });
  } else if (!result && input.threshold) {
    blocks.push({
      kind: 'paragraph',
      text: `${rule}${thresholdSentence(input.threshold.verdict, input.threshold.fraction)}。`,
    });
  }
  blocks.push({ kind: 'spacer' });
  blocks.push({
    kind: 'signatures',
    labels: signatureLabels(input.officerRoles),
    date: input.date ? pressDate(input.date) : null,
  });
  if (input.auditAnchor) {
    const { seq, hash } = input.auditAnchor;
    blocks.push({
      kind: 'note',
      text: `审计日志锚点（投票结束时）：第${seq}条，哈希 ${hash}。核对：plenum audit verify --anchor ${seq}:${hash}`,
    });
  }
  return {
    kind: 'flow',
    title: `${subject}选举计票结果报告单（${roundShortLabel(round.seq, round.kind)}）`,
    subject: '计票结果报告单',
    warnings: [],
    runningHeader: input.congressTitle,
    runningFooter: `${subject}选举 · ${roundLabel(round.seq, round.kind)}`,
    blocks,
  };
}
