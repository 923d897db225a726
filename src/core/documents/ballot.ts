import { maxForMarks, type Office, type RoundKind } from '../rules/index.ts';
import { formatNumber } from '../text/press-numbers.ts';
import { BALLOT_TYPES, electionKindZh, electionSubject, roundLabel, roundShortLabel } from './labels.ts';
import type { BallotDocument, BallotName, BallotSheet } from './model.ts';
import { pressName, splitAnnotation } from './press-names.ts';

export interface BallotInput {
  /** 中国共产党示范市第十三次代表大会 (or the plenary's title). */
  readonly congressTitle: string;
  /** The election's title: 中国共产党示范市第十三届委员会委员. */
  readonly electionTitle: string;
  readonly office: Office;
  readonly round: {
    readonly id: string;
    readonly seq: number;
    readonly kind: RoundKind;
    readonly seats: number;
    readonly advance: number | null;
  };
  /** The round's printed list in ballot order [C3] (rounds.candidates_json), printed as it is. */
  readonly candidates: readonly string[];
  /** [B1]/[T8] whether the election method lets electors write in another person. */
  readonly writeInsAllowed: boolean;
  /** Sheets numbered first … first + count − 1. */
  readonly sheets: { readonly first: number; readonly count: number };
  /** [B4] Print a serial number on each sheet (and in its QR code). Off unless asked for. */
  readonly serials?: boolean;
}

export const MAX_SHEETS = 5000;

/**
 * The version of the ballot's geometry (src/adapters/pdf/ballot-layout.ts): printed in the QR code,
 * so that a scanner reads a sheet only with the layout that printed it. Raise it whenever a box,
 * a fiducial or the QR code moves.
 */
export const BALLOT_LAYOUT_VERSION = 2;

/**
 * The serial number printed on a sheet when serials are on: the round id's first eight characters
 * and the sheet's number (so two rounds' ballots never share a serial). [B4] Off by default: every
 * sheet of a round is then identical, and nothing on it can tell one elector's ballot from
 * another's. When the secretariat turns serials on (to account for every sheet, to refuse a sheet
 * scanned twice), the serial identifies the sheet, never the elector: nothing records which elector
 * was handed which sheet.
 */
export function ballotSerial(roundId: string, sheet: number): string {
  return `${roundId.slice(0, 8)}-${String(sheet).padStart(4, '0')}`;
}

/** What a sheet's QR code names: no voter, nothing per sheet unless serials are on. */
export interface BallotQr {
  readonly roundId: string;
  /** The ballot type (the election's office: committee-member, alternate-member …). */
  readonly office: Office;
  readonly layout: number;
  /** The page of the ballot (a ballot is one sheet: always 1). */
  readonly page: number;
  /** The sheet's number, only when serials are on. */
  readonly sheet: number | null;
}

const QR_PREFIX = 'plenum:ballot:v2:';

/**
 * The QR code's text: `plenum:ballot:v2:<round id>:<office>:L<layout>:p<page>`, and `:s<sheet>`
 * only when serials are on.
 */
export function ballotQrPayload(qr: BallotQr): string {
  const base = `${QR_PREFIX}${qr.roundId}:${qr.office}:L${qr.layout}:p${qr.page}`;
  return qr.sheet === null ? base : `${base}:s${qr.sheet}`;
}

/** Reads a ballot QR code's text; null for anything else (another system's code, an older layout). */
export function parseBallotQr(text: string): BallotQr | null {
  if (!text.startsWith(QR_PREFIX)) return null;
  const parts = text.slice(QR_PREFIX.length).split(':');
  if (parts.length < 4 || parts.length > 5) return null;
  const [roundId, office, layout, page, sheet] = parts as [string, string, string, string, string?];
  if (!/^[A-Za-z0-9_-]+$/.test(roundId) || !(office in BALLOT_TYPES)) return null;
  const number = (text: string | undefined, prefix: string) =>
    text !== undefined && new RegExp(`^${prefix}[1-9][0-9]{0,6}$`).test(text) ? Number(text.slice(1)) : null;
  const layoutNo = number(layout, 'L');
  const pageNo = number(page, 'p');
  const sheetNo = sheet === undefined ? null : number(sheet, 's');
  if (layoutNo === null || pageNo === null || (sheet !== undefined && sheetNo === null)) return null;
  return { roundId, office: office as Office, layout: layoutNo, page: pageNo, sheet: sheetNo };
}

/**
 * How many write-in boxes (另选人) the ballot prints: as many names as a valid ballot may mark
 * "for" [B3], if the election method allows write-ins [B1]. A run-off is among the tied
 * candidates alone [T3], so it prints none.
 */
export function writeInBoxes(input: Pick<BallotInput, 'round' | 'writeInsAllowed'>): number {
  if (!input.writeInsAllowed || input.round.kind === 'runoff') return 0;
  return maxFor(input.round);
}

function maxFor(round: BallotInput['round']): number {
  return maxForMarks({
    round: round.kind,
    seats: round.seats,
    ...(round.advance === null ? {} : { advance: round.advance }),
  });
}

/** 应选45名，候选人50名（差额选举）, and its forms for a preliminary round and a run-off. */
function ballotSummary(input: BallotInput): string {
  const { round } = input;
  const candidates = formatNumber(input.candidates.length);
  if (round.kind === 'preliminary') {
    return `预选：候选人${candidates}名，预选产生候选人${formatNumber(maxFor(round))}名`;
  }
  const seats = `应选${formatNumber(round.seats)}名，候选人${candidates}名`;
  if (round.kind === 'runoff') return `就票数相等的被选举人再次投票：${seats}`;
  return `${seats}（${electionKindZh(input.candidates.length, round.seats)}）`;
}

/**
 * The instructions printed above the grid, after the regulations' practice: 赞成的在姓名上方空格内
 * 划“○”，不赞成的划“×”，弃权的不划任何符号；另选他人的……；所选人数多于应选人数的为无效票 [B1][B3].
 * The write-in clause appears only where write-in boxes are printed; the over-vote clause only
 * where an elector could mark too many (not on an equal ballot without write-ins).
 */
export function ballotInstructions(input: BallotInput): string {
  const clauses = ['赞成的在姓名上方空格内划“○”，不赞成的划“×”，弃权的不划任何符号'];
  const boxes = writeInBoxes(input);
  if (boxes > 0) clauses.push('另选他人的，在另选人栏内写上其姓名，并在姓名上方空格内划“○”');
  if (boxes > 0 || input.candidates.length > maxFor(input.round)) {
    const limit = input.round.kind === 'preliminary' ? '预选应产生的候选人数' : '应选人数';
    clauses.push(`所选人数多于${limit}的为无效票`);
  }
  return `${clauses.join('；')}。`;
}

/** A name in the grid: padded (王　宁), its annotation under it. */
export function ballotName(text: string): BallotName {
  const { annotation } = splitAnnotation(text);
  const printed = pressName(text);
  return { name: annotation ? printed.slice(0, printed.length - annotation.length) : printed, annotation };
}

/** The paper ballot of one round, `sheets.count` sheets of it. */
export function buildBallot(input: BallotInput): BallotDocument {
  const { first, count } = input.sheets;
  if (!Number.isInteger(first) || first < 1 || !Number.isInteger(count) || count < 1 || count > MAX_SHEETS) {
    throw new RangeError(`sheets: from 1 to ${MAX_SHEETS} sheets, numbered from 1`);
  }
  const subject = electionSubject(input.electionTitle);
  const title = `${subject}选举票`;
  const sheets: BallotSheet[] = [];
  const serials = input.serials === true;
  for (let number = first; number < first + count; number++) {
    sheets.push({
      number,
      serial: serials ? ballotSerial(input.round.id, number) : null,
      qr: ballotQrPayload({
        roundId: input.round.id,
        office: input.office,
        layout: BALLOT_LAYOUT_VERSION,
        page: 1,
        sheet: serials ? number : null,
      }),
    });
  }
  const boxes = writeInBoxes(input);
  return {
    kind: 'ballot',
    title:
      input.round.kind === 'formal'
        ? title
        : `${title}（${roundShortLabel(input.round.seq, input.round.kind)}）`,
    heading: title,
    subject: '选举票',
    warnings: [],
    congressTitle: input.congressTitle,
    ballotType: BALLOT_TYPES[input.office],
    roundLabel: roundLabel(input.round.seq, input.round.kind),
    summary: ballotSummary(input),
    instructions: ballotInstructions(input),
    candidates: input.candidates.map(ballotName),
    writeIns: { boxes, heading: boxes > 0 ? '另选人' : '' },
    seal: '盖章处',
    sheets,
  };
}
