import type { Kysely } from 'kysely';
import type { Bilingual } from '../../../contract/common.ts';
import type {
  ScanFileView,
  ScanMark,
  ScanRejection,
  ScanSheetView,
  SetAside,
} from '../../../contract/scan.ts';
import type { BallotDocument } from '../../../core/documents/index.ts';
import type { Schema } from '../../../persistence/index.ts';
import type {
  ScanDecisionsTable,
  ScanFilesTable,
  ScanItemsTable,
  ScanSheetsTable,
} from '../../../persistence/scan-schema.ts';
import { congressRow } from '../../congress/lookups.ts';
import { ballotOf } from '../../documents/election-documents.ts';
import { notFound } from '../../errors.ts';
import { loadPaperRound, type PaperRound } from '../paper/paper-store.ts';

// The database side of scanned ballots: rows to views, the ballot a round's sheets are read against,
// and what each reviewed box settles to.

/** Why a sheet was rejected, in both languages. */
export const REJECTION_TEXT: Readonly<Record<ScanRejection, Bilingual>> = {
  'unreadable-image': { en: 'the image could not be read', zh: '图像无法读取' },
  'no-contrast': { en: 'too little contrast between the paper and the ink', zh: '纸张与字迹对比度不足' },
  'fiducial-missing': {
    en: 'a corner fiducial is missing (torn, folded, covered or outside the scan)',
    zh: '缺少角部定位标记（缺角、折角、遮挡或超出扫描范围）',
  },
  'fiducials-unrecognised': { en: 'the corner fiducials are not this ballot’s', zh: '角部定位标记无法识别' },
  'scale-off': {
    en: 'the sheet is not at its printed scale (reduced, enlarged or stretched)',
    zh: '选票比例不符（缩小、放大或拉伸）',
  },
  'registration-off': {
    en: 'the boxes are not where the layout puts them',
    zh: '方格位置与选票版式不符',
  },
  streak: { en: 'a scanner streak crosses a box', zh: '扫描条纹穿过方格' },
  'qr-unreadable': { en: 'the QR code could not be read', zh: '二维码无法识别' },
  'qr-foreign': { en: 'the sheet is not this round’s ballot', zh: '不是本轮的选票' },
  'qr-mismatch': {
    en: 'the QR code names another ballot type, layout or page',
    zh: '二维码所示的选票类型、版式或页码不符',
  },
};

export const SET_ASIDE_TEXT: Readonly<Record<SetAside, Bilingual>> = {
  rescanned: { en: 'scanned again', zh: '已重新扫描' },
  keyed: { en: 'keyed by hand (double entry)', zh: '已人工录入（两遍录入）' },
  'not-this-round': { en: 'not this round’s ballot', zh: '非本轮选票' },
};

/** The paper round and the ballot its sheets are read against. */
export interface ScanRound extends PaperRound {
  /** The ballot the round prints (one sheet): what a scanned sheet is read against. */
  readonly printed: BallotDocument;
}

export async function loadScanRound(
  db: Kysely<Schema>,
  congressId: string,
  roundId: string,
): Promise<ScanRound> {
  const paper = await loadPaperRound(db, congressId, roundId);
  const congress = await congressRow(db, congressId);
  return {
    ...paper,
    printed: ballotOf(congress.title, paper.election, paper.round, {
      sheets: { first: 1, count: 1 },
      serials: false,
    }),
  };
}

/** A sheet of this round, or 404. */
export async function loadScanSheet(
  db: Kysely<Schema>,
  roundId: string,
  sheetId: string,
): Promise<ScanSheetsTable> {
  const sheet = await db
    .selectFrom('scan_sheets')
    .selectAll()
    .where('id', '=', sheetId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  if (!sheet) throw notFound('scanned sheet', '扫描选票');
  return sheet;
}

export function fileView(
  row: Omit<ScanFilesTable, 'content'>,
  usernames: ReadonlyMap<string, string>,
): ScanFileView {
  return {
    id: row.id,
    filename: row.filename,
    mediaType: row.media_type,
    size: row.size,
    pages: row.pages,
    sha256: row.sha256,
    source: row.source === 'watch' ? 'watch' : 'upload',
    uploadedBy: usernames.get(row.uploaded_by) ?? row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

export function sheetView(row: ScanSheetsTable, items: number, pending: number): ScanSheetView {
  const reason = (row.reason as ScanRejection | null) ?? null;
  return {
    id: row.id,
    fileId: row.file_id,
    page: row.page,
    status: row.status,
    reason,
    detail:
      reason === null
        ? null
        : {
            en: row.detail ? `${REJECTION_TEXT[reason].en}: ${row.detail}` : REJECTION_TEXT[reason].en,
            zh: REJECTION_TEXT[reason].zh,
          },
    duplicateOf: row.duplicate_of,
    rotation: row.rotation,
    serial: row.serial,
    items,
    pending,
    setAside: (row.set_aside as SetAside | null) ?? null,
    voidReason: row.void_reason,
    readAt: row.read_at,
  };
}

export async function usernamesOf(db: Kysely<Schema>, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').select(['id', 'username']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.username]));
}

/** A settled reading of a box. */
export interface Settled {
  readonly mark: ScanMark;
  readonly name: string | null;
}

export type ItemState = 'open' | 'agreed' | 'disagreed' | 'resolved';

/** Two readings are the same decision: the same mark and (for a write-in) the same name. */
export function sameDecision(a: Settled, b: Settled): boolean {
  return a.mark === b.mark && (a.name ?? null) === (b.name ?? null);
}

/** Where a reviewed box stands, and what it settles to. */
export function itemState(decisions: readonly Pick<ScanDecisionsTable, 'role' | 'mark' | 'name'>[]): {
  state: ItemState;
  settled: Settled | null;
} {
  const resolution = decisions.find((d) => d.role === 'scrutineer');
  const tellers = decisions.filter((d) => d.role === 'teller');
  if (resolution)
    return { state: 'resolved', settled: { mark: resolution.mark as ScanMark, name: resolution.name } };
  if (tellers.length < 2) return { state: 'open', settled: null };
  const a: Settled = { mark: tellers[0]!.mark as ScanMark, name: tellers[0]!.name };
  const b: Settled = { mark: tellers[1]!.mark as ScanMark, name: tellers[1]!.name };
  return sameDecision(a, b) ? { state: 'agreed', settled: a } : { state: 'disagreed', settled: null };
}

/** Everything of a round's scans the views and the count need, read in one go. */
export interface RoundScans {
  readonly files: Omit<ScanFilesTable, 'content'>[];
  readonly sheets: ScanSheetsTable[];
  readonly items: Omit<ScanItemsTable, 'crop'>[];
  readonly decisions: ScanDecisionsTable[];
}

export async function loadRoundScans(db: Kysely<Schema>, roundId: string): Promise<RoundScans> {
  const [files, sheets, items, decisions] = await Promise.all([
    db
      .selectFrom('scan_files')
      .select([
        'id',
        'round_id',
        'sha256',
        'media_type',
        'source',
        'filename',
        'size',
        'pages',
        'uploaded_by',
        'uploaded_at',
      ])
      .where('round_id', '=', roundId)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('scan_sheets').selectAll().where('round_id', '=', roundId).orderBy('seq').execute(),
    db
      .selectFrom('scan_items')
      .select([
        'id',
        'round_id',
        'sheet_id',
        'kind',
        'position',
        'verdict',
        'reason',
        'suggestion',
        'written',
      ])
      .where('round_id', '=', roundId)
      .orderBy('sheet_id')
      .orderBy('kind')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('scan_decisions')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('decided_at')
      .orderBy('id')
      .execute(),
  ]);
  return { files, sheets, items, decisions };
}

/** Decisions grouped by item. */
export function decisionsByItem(decisions: readonly ScanDecisionsTable[]): Map<string, ScanDecisionsTable[]> {
  const byItem = new Map<string, ScanDecisionsTable[]>();
  for (const decision of decisions) {
    const list = byItem.get(decision.item_id) ?? [];
    list.push(decision);
    byItem.set(decision.item_id, list);
  }
  return byItem;
}
