import { createHash } from 'node:crypto';
import type { ScanIntake } from '../../../contract/scan.ts';
import { MAX_SCAN_BYTES } from '../../../contract/scan.ts';
import { inReadTransaction } from '../../../persistence/index.ts';
import type { ScanSheetsTable } from '../../../persistence/scan-schema.ts';
import type { Actor } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { InputError } from '../../input-error.ts';
import { accountWithRole, requireKeying, unchanged, writeUnlessUnchanged } from '../paper/paper-store.ts';
import type { ScannedPage, ScanReader } from './scan-reader.ts';
import { decisionsByItem, fileView, itemState, loadScanRound, sheetView, usernamesOf } from './scan-store.ts';
import { paperProgressEvent } from './scanned-ballots.ts';

// Intake: a teller uploads a scan file for a round (from the console, or `plenum scan watch`). The
// file is kept whole with its SHA-256; the reader (the scan adapter, passed in) reads every page
// against the ballot the round prints; each page becomes a sheet — read, rejected whole with its
// reason, or refused as a duplicate (the same image as a sheet already kept, or, where serials are
// on, the same serial as a sheet already read) — and every box that needs a person becomes an item
// for review. One audited write for the whole file. The same file again (same SHA-256) is the same
// upload: nothing changes and the earlier result is returned.

export interface ScanUpload {
  readonly filename?: string | undefined;
  readonly content: Buffer;
  readonly source?: 'upload' | 'watch' | undefined;
}

const MARK_CHAR = { for: 'F', against: 'A', empty: '-' } as const;

export async function intakeScan(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  upload: ScanUpload,
  reader: ScanReader,
): Promise<{ outcome: 'created' | 'unchanged'; intake: ScanIntake }> {
  const teller = accountWithRole(actor, congressId, 'teller', '计票人');
  if (upload.content.length === 0) throw new InputError('contentBase64', 'the file is empty', '文件为空');
  if (upload.content.length > MAX_SCAN_BYTES) {
    throw new InputError(
      'contentBase64',
      `the file is larger than ${MAX_SCAN_BYTES / 1024 / 1024} MB: scan in smaller batches`,
      `文件超过${MAX_SCAN_BYTES / 1024 / 1024}MB，请分批扫描`,
    );
  }
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  // What the sheets are read against, and a file uploaded before (read without the write lock).
  const { printed, earlier } = await inReadTransaction(context.database, async (db) => {
    const scanRound = await loadScanRound(db, congressId, roundId);
    requireKeying(scanRound.round);
    const existing = await db
      .selectFrom('scan_files')
      .select('id')
      .where('round_id', '=', roundId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return { printed: scanRound.printed, earlier: existing?.id ?? null };
  });
  if (earlier)
    return {
      outcome: 'unchanged',
      intake: { outcome: 'unchanged', ...(await intakeView(context, roundId, earlier)) },
    };
  // The slow part, outside any transaction: decoding and reading every page.
  const read = await reader(upload.content, printed);
  const { value, changed } = await writeUnlessUnchanged<string>(context, actor, async (trx, at) => {
    const { round } = await loadScanRound(trx, congressId, roundId);
    requireKeying(round);
    const again = await trx
      .selectFrom('scan_files')
      .select('id')
      .where('round_id', '=', roundId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (again) return unchanged(again.id);
    const fileId = context.random.id();
    await trx
      .insertInto('scan_files')
      .values({
        id: fileId,
        round_id: roundId,
        sha256,
        media_type: read.mediaType,
        source: upload.source ?? 'upload',
        filename: upload.filename ?? null,
        size: upload.content.length,
        pages: read.pages.length,
        content: upload.content.toString('base64'),
        uploaded_by: teller.accountId,
        uploaded_at: at,
      })
      .execute();
    // What this round holds already: images (any sheet kept), serials (sheets read, not set aside).
    const kept = await trx
      .selectFrom('scan_sheets')
      .select(['id', 'image_sha256', 'serial', 'status', 'set_aside'])
      .where('round_id', '=', roundId)
      .where('status', '!=', 'duplicate')
      .execute();
    const last = await trx
      .selectFrom('scan_sheets')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    let seq = Number(last?.seq ?? 0);
    const images = new Map(kept.map((s) => [s.image_sha256, s.id]));
    const serials = new Map(
      kept
        .filter((s) => s.status === 'read' && s.set_aside === null && s.serial !== null)
        .map((s) => [s.serial!, s.id]),
    );
    const tally = { read: 0, rejected: 0, duplicates: 0, items: 0 };
    for (const page of read.pages) {
      const sheetId = context.random.id();
      const row = sheetRow(page, { id: sheetId, roundId, fileId, at, seq: ++seq });
      const sameImage = images.get(page.sha256);
      const sameSerial = row.serial !== null && row.status === 'read' ? serials.get(row.serial) : undefined;
      const duplicateOf = sameImage ?? sameSerial;
      if (duplicateOf) {
        row.status = 'duplicate';
        row.duplicate_of = duplicateOf;
        row.marks = null;
        tally.duplicates++;
      } else if (row.status === 'read') tally.read++;
      else tally.rejected++;
      await trx.insertInto('scan_sheets').values(row).execute();
      if (!duplicateOf) images.set(page.sha256, sheetId);
      if (row.status === 'read' && row.serial !== null) serials.set(row.serial, sheetId);
      if (row.status !== 'read' || page.outcome.status !== 'read') continue;
      for (const cell of page.outcome.cells) {
        if (!cell.review) continue;
        await trx
          .insertInto('scan_items')
          .values({
            id: context.random.id(),
            round_id: roundId,
            sheet_id: sheetId,
            kind: cell.kind === 'candidate' ? 'mark' : 'write-in',
            position: cell.index,
            verdict: cell.verdict,
            reason: cell.reason,
            suggestion: cell.suggestion,
            written: cell.written === null ? null : cell.written ? 1 : 0,
            crop: cell.crop?.toString('base64') ?? '',
          })
          .execute();
        tally.items++;
      }
    }
    return {
      result: fileId,
      audit: {
        action: 'scan.intake',
        subject: `round:${roundId}`,
        after: {
          file: {
            id: fileId,
            sha256,
            mediaType: read.mediaType,
            filename: upload.filename ?? null,
            pages: read.pages.length,
          },
          sheets: tally,
          pages: read.pages.map((page) => ({
            page: page.page,
            sha256: page.sha256,
            status: page.outcome.status,
            ...(page.outcome.status === 'rejected' ? { reason: page.outcome.reason } : {}),
          })),
        },
      },
      events: [await paperProgressEvent(trx, congressId, roundId)],
    };
  });
  const outcome = changed ? 'created' : 'unchanged';
  return { outcome, intake: { outcome, ...(await intakeView(context, roundId, value)) } };
}

function sheetRow(
  page: ScannedPage,
  keys: { id: string; roundId: string; fileId: string; at: string; seq: number },
): ScanSheetsTable {
  const base: ScanSheetsTable = {
    id: keys.id,
    round_id: keys.roundId,
    file_id: keys.fileId,
    seq: keys.seq,
    page: page.page,
    width: page.width,
    height: page.height,
    image_sha256: page.sha256,
    status: 'rejected',
    read_at: keys.at,
    dpi: page.dpi === null ? null : Math.round(page.dpi),
    rotation: null,
    serial: null,
    reason: null,
    detail: null,
    duplicate_of: null,
    marks: null,
    set_aside: null,
    set_aside_by: null,
    set_aside_at: null,
    void_reason: null,
    voided_by: null,
    voided_at: null,
  };
  const outcome = page.outcome;
  if (outcome.status === 'rejected') return { ...base, reason: outcome.reason, detail: outcome.detail };
  // One character per printed candidate: F / A / - as read, ? where a teller decides.
  const marks = outcome.cells
    .filter((cell) => cell.kind === 'candidate')
    .sort((a, b) => a.index - b.index)
    .map((cell) =>
      cell.review || cell.verdict === 'marginal' ? '?' : MARK_CHAR[cell.verdict as keyof typeof MARK_CHAR],
    )
    .join('');
  return { ...base, status: 'read', rotation: outcome.rotation, serial: outcome.sheet, marks };
}

/** The file and its sheets as the intake answers them. */
async function intakeView(
  context: ServiceContext,
  roundId: string,
  fileId: string,
): Promise<Omit<ScanIntake, 'outcome'>> {
  return inReadTransaction(context.database, async (db) => {
    const file = await db
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
      .where('id', '=', fileId)
      .where('round_id', '=', roundId)
      .executeTakeFirstOrThrow();
    const sheets = await db
      .selectFrom('scan_sheets')
      .selectAll()
      .where('file_id', '=', fileId)
      .orderBy('page')
      .execute();
    const items = await db
      .selectFrom('scan_items')
      .select(['id', 'sheet_id'])
      .where('round_id', '=', roundId)
      .where('sheet_id', 'in', [...sheets.map((s) => s.id), ''])
      .execute();
    const decisions = await db
      .selectFrom('scan_decisions')
      .selectAll()
      .where('item_id', 'in', [...items.map((i) => i.id), ''])
      .execute();
    const byItem = decisionsByItem(decisions);
    const counts = new Map<string, { items: number; pending: number }>();
    for (const item of items) {
      const entry = counts.get(item.sheet_id) ?? { items: 0, pending: 0 };
      entry.items++;
      if (!itemState(byItem.get(item.id) ?? []).settled) entry.pending++;
      counts.set(item.sheet_id, entry);
    }
    const usernames = await usernamesOf(db, [file.uploaded_by]);
    return {
      file: fileView(file, usernames),
      sheets: sheets.map((sheet) =>
        sheetView(sheet, counts.get(sheet.id)?.items ?? 0, counts.get(sheet.id)?.pending ?? 0),
      ),
    };
  });
}
