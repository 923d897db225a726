import type {
  ReviewItem,
  ReviewQueue,
  ScanDisagreements,
  ScanMark,
  ScanOverview,
  ScanRounds,
  ScanStatistics,
} from '../../../contract/scan.ts';
import { writeInBoxes } from '../../../core/documents/index.ts';
import type { RoundKind } from '../../../core/rules/index.ts';
import { inReadTransaction } from '../../../persistence/index.ts';
import type { ScanItemsTable } from '../../../persistence/scan-schema.ts';
import { type Actor, rolesIn } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { electionParameters } from '../../elections/round-queries.ts';
import { forbidden } from '../../errors.ts';
import { accountWithRole } from '../paper/paper-store.ts';
import {
  decisionsByItem,
  fileView,
  itemState,
  loadRoundScans,
  loadScanRound,
  loadScanSheet,
  type RoundScans,
  sheetView,
  usernamesOf,
} from './scan-store.ts';
import { countScans } from './scanned-ballots.ts';

// What people see of a round's scans: the overview and the statistics the scrutineers sign off on
// (sheets read, rejected, boxes reviewed, decisions changed), a teller's review queue (only boxes
// that teller has not decided, never another teller's decision), the disagreements for the
// scrutineers, and a sheet's image.

/** The statistics of a round's scans. */
export function scanStatistics(scans: RoundScans, boxesPerSheet: number): ScanStatistics {
  const byItem = decisionsByItem(scans.decisions);
  const count = countScans(scans);
  const live = new Set(
    scans.sheets.filter((s) => s.status === 'read' && s.set_aside === null).map((s) => s.id),
  );
  const read = scans.sheets.filter((s) => s.status === 'read');
  const items = scans.items.filter((item) => live.has(item.sheet_id));
  let pending = 0;
  let agreed = 0;
  let disagreed = 0;
  let resolved = 0;
  let changed = 0;
  let writeIns = 0;
  for (const item of items) {
    const { state, settled } = itemState(byItem.get(item.id) ?? []);
    if (!settled) pending++;
    if (state === 'agreed') agreed++;
    // A scrutineer resolves only where the tellers differed.
    if (state === 'disagreed' || state === 'resolved') disagreed++;
    if (state === 'resolved') resolved++;
    if (settled && item.suggestion !== null && suggestionMark(item.suggestion) !== settled.mark) changed++;
    if (settled && item.kind === 'write-in' && settled.mark === 'for' && settled.name) writeIns++;
  }
  const boxes = live.size * boxesPerSheet;
  return {
    files: scans.files.length,
    sheets: {
      scanned: scans.sheets.length,
      read: read.length,
      rejected: scans.sheets.filter((s) => s.status === 'rejected').length,
      duplicates: scans.sheets.filter((s) => s.status === 'duplicate').length,
      setAside: scans.sheets.filter((s) => s.set_aside !== null).length,
      awaitingDisposition: count.awaitingDisposition,
      awaitingReview: count.awaitingReview,
      counted: count.contents.length,
    },
    boxes: {
      read: boxes,
      definite: boxes - items.length,
      reviewed: items.length,
      pending,
      agreed,
      disagreed,
      resolved,
      corrections: scans.decisions.reduce((sum, d) => sum + d.revisions, 0),
      changedFromMachine: changed,
      writeIns,
    },
  };
}

function suggestionMark(suggestion: string): ScanMark {
  return suggestion === 'for' ? 'for' : suggestion === 'against' ? 'against' : 'abstain';
}

export async function scanOverview(
  context: ServiceContext,
  congressId: string,
  roundId: string,
): Promise<ScanOverview> {
  return inReadTransaction(context.database, async (db) => {
    const { round, ballot, election } = await loadScanRound(db, congressId, roundId);
    const scans = await loadRoundScans(db, roundId);
    const byItem = decisionsByItem(scans.decisions);
    const perSheet = new Map<string, { items: number; pending: number }>();
    for (const item of scans.items) {
      const entry = perSheet.get(item.sheet_id) ?? { items: 0, pending: 0 };
      entry.items++;
      if (!itemState(byItem.get(item.id) ?? []).settled) entry.pending++;
      perSheet.set(item.sheet_id, entry);
    }
    const usernames = await usernamesOf(
      db,
      scans.files.map((f) => f.uploaded_by),
    );
    const boxesPerSheet =
      ballot.candidates.length +
      writeInBoxes({
        round: {
          id: round.id,
          seq: round.seq,
          kind: round.kind as RoundKind,
          seats: round.seats,
          advance: round.advance,
        },
        writeInsAllowed: electionParameters(election).writeIns,
      });
    return {
      roundId,
      status: round.status,
      candidates: [...ballot.candidates],
      statistics: scanStatistics(scans, boxesPerSheet),
      files: scans.files.map((file) => fileView(file, usernames)),
      sheets: scans.sheets.map((sheet) =>
        sheetView(sheet, perSheet.get(sheet.id)?.items ?? 0, perSheet.get(sheet.id)?.pending ?? 0),
      ),
    };
  });
}

function itemView(
  item: Pick<ScanItemsTable, 'id' | 'sheet_id' | 'kind' | 'position' | 'reason' | 'crop'>,
  candidates: readonly string[],
): ReviewItem {
  return {
    id: item.id,
    sheetId: item.sheet_id,
    kind: item.kind === 'write-in' ? 'write-in' : 'mark',
    position: item.position,
    candidate: item.kind === 'mark' ? (candidates[item.position] ?? null) : null,
    reason: item.kind === 'mark' ? item.reason : null,
    crop: `data:image/png;base64,${item.crop}`,
  };
}

/** [P2] The boxes a teller has yet to decide: never one two tellers decided, never another's decision. */
export async function reviewQueue(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  options: { readonly limit?: number | undefined },
): Promise<ReviewQueue> {
  const teller = accountWithRole(actor, congressId, 'teller', '计票人');
  return inReadTransaction(context.database, async (db) => {
    const { round, ballot } = await loadScanRound(db, congressId, roundId);
    const scans = await loadRoundScans(db, roundId);
    const live = new Map(
      scans.sheets
        .filter((s) => s.status === 'read' && s.set_aside === null)
        .map((s, order) => [s.id, order]),
    );
    const byItem = decisionsByItem(scans.decisions);
    const waiting = scans.items
      .filter((item) => {
        if (!live.has(item.sheet_id)) return false;
        const decisions = byItem.get(item.id) ?? [];
        const tellers = decisions.filter((d) => d.role === 'teller');
        return (
          tellers.length < 2 &&
          !tellers.some((d) => d.decided_by === teller.accountId) &&
          !decisions.some((d) => d.role === 'scrutineer')
        );
      })
      .sort(
        (a, b) =>
          live.get(a.sheet_id)! - live.get(b.sheet_id)! ||
          a.kind.localeCompare(b.kind) ||
          a.position - b.position,
      );
    const shown = waiting.slice(0, options.limit ?? 50);
    const crops =
      shown.length === 0
        ? []
        : await db
            .selectFrom('scan_items')
            .select(['id', 'crop'])
            .where(
              'id',
              'in',
              shown.map((item) => item.id),
            )
            .execute();
    const cropOf = new Map(crops.map((row) => [row.id, row.crop]));
    return {
      roundId,
      status: round.status,
      items: shown.map((item) => itemView({ ...item, crop: cropOf.get(item.id) ?? '' }, ballot.candidates)),
      remaining: waiting.length,
    };
  });
}

/** The boxes the two tellers read differently, both readings side by side, for the scrutineers. */
export async function scanDisagreements(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<ScanDisagreements> {
  const roles = rolesIn(actor, congressId);
  if (!roles.has('scrutineer') && !roles.has('admin')) {
    throw forbidden(
      'only scrutineers see the tellers’ decisions side by side',
      '只有监票人可以查看计票人判读的比对',
    );
  }
  return inReadTransaction(context.database, async (db) => {
    const { round, ballot } = await loadScanRound(db, congressId, roundId);
    const scans = await loadRoundScans(db, roundId);
    const live = new Set(
      scans.sheets.filter((s) => s.status === 'read' && s.set_aside === null).map((s) => s.id),
    );
    const byItem = decisionsByItem(scans.decisions);
    const differing = scans.items.filter((item) => {
      if (!live.has(item.sheet_id)) return false;
      const state = itemState(byItem.get(item.id) ?? []).state;
      return state === 'disagreed' || state === 'resolved';
    });
    const usernames = await usernamesOf(
      db,
      scans.decisions.map((d) => d.decided_by),
    );
    const crops =
      differing.length === 0
        ? []
        : await db
            .selectFrom('scan_items')
            .select(['id', 'crop'])
            .where(
              'id',
              'in',
              differing.map((item) => item.id),
            )
            .execute();
    const cropOf = new Map(crops.map((row) => [row.id, row.crop]));
    const view = (d: RoundScans['decisions'][number]) => ({
      mark: d.mark as ScanMark,
      name: d.name,
      by: usernames.get(d.decided_by) ?? d.decided_by,
      at: d.decided_at,
    });
    return {
      roundId,
      status: round.status,
      items: differing.map((item) => {
        const decisions = byItem.get(item.id) ?? [];
        const resolution = decisions.find((d) => d.role === 'scrutineer');
        return {
          ...itemView({ ...item, crop: cropOf.get(item.id) ?? '' }, ballot.candidates),
          decisions: decisions.filter((d) => d.role === 'teller').map(view),
          resolution: resolution ? view(resolution) : null,
        };
      }),
    };
  });
}

/** A sheet's file (as kept) and its page, for the image a teller or scrutineer looks at. */
export async function scanSheetFile(
  context: ServiceContext,
  congressId: string,
  roundId: string,
  sheetId: string,
): Promise<{ readonly content: Buffer; readonly page: number }> {
  return inReadTransaction(context.database, async (db) => {
    await loadScanRound(db, congressId, roundId);
    const sheet = await loadScanSheet(db, roundId, sheetId);
    const file = await db
      .selectFrom('scan_files')
      .select(['content'])
      .where('id', '=', sheet.file_id)
      .executeTakeFirstOrThrow();
    return { content: Buffer.from(file.content, 'base64'), page: sheet.page };
  });
}

/** The paper rounds of the congress a teller may scan into now: open or closed, not yet counted. */
export async function scanRounds(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
): Promise<ScanRounds> {
  accountWithRole(actor, congressId, 'teller', '计票人');
  const rows = await context.database.db
    .selectFrom('rounds')
    .innerJoin('elections', 'elections.id', 'rounds.election_id')
    .select([
      'rounds.id',
      'rounds.election_id',
      'elections.title',
      'rounds.seq',
      'rounds.kind',
      'rounds.status',
    ])
    .where('elections.congress_id', '=', congressId)
    .where('rounds.mode', '=', 'paper')
    .where('rounds.status', 'in', ['open', 'closed'])
    .orderBy('elections.sort_order')
    .orderBy('rounds.seq')
    .execute();
  return {
    rounds: rows.map((row) => ({
      roundId: row.id,
      electionId: row.election_id,
      title: row.title,
      seq: row.seq,
      kind: row.kind as RoundKind,
      status: row.status,
    })),
  };
}
