import type { Kysely } from 'kysely';
import { MAX_NAME_LENGTH } from '../../../contract/ballots.ts';
import type { ScanDecisionResult, ScanMark, ScanSheetView, SetAside } from '../../../contract/scan.ts';
import { SCAN_MARKS, SET_ASIDE } from '../../../contract/scan.ts';
import { stripAnnotations } from '../../../core/names/index.ts';
import type { Schema } from '../../../persistence/index.ts';
import type { ScanItemsTable } from '../../../persistence/scan-schema.ts';
import type { Actor } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { conflict, notFound, ruleViolation } from '../../errors.ts';
import { InputError } from '../../input-error.ts';
import type { PrintedBallot } from '../paper/paper-sheet.ts';
import { accountWithRole, requireKeying, unchanged, writeUnlessUnchanged } from '../paper/paper-store.ts';
import {
  itemState,
  loadScanRound,
  loadScanSheet,
  type Settled,
  sameDecision,
  sheetView,
} from './scan-store.ts';
import { paperProgressEvent } from './scanned-ballots.ts';

// Review by exception: the people's decisions on the boxes the machine would not read. Two tellers
// decide each box independently — neither sees the other's decision ([P2]: the double entry applies
// to the human decisions) — and agreement settles it; where they differ, a scrutineer who decided
// neither looks at the crop and the sheet and resolves it. A teller sets aside a sheet that must not
// count as scanned (rescanned, keyed by hand, another round's), and a scrutineer may declare a
// scanned ballot invalid [B3]. Every write is audited; the same decision again changes nothing.

export interface ScanDecisionInput {
  readonly mark: ScanMark;
  readonly name?: string | null | undefined;
  readonly correct?: boolean | undefined;
}

async function loadItem(
  db: Kysely<Schema>,
  roundId: string,
  itemId: string,
): Promise<Omit<ScanItemsTable, 'crop'>> {
  const item = await db
    .selectFrom('scan_items')
    .select(['id', 'round_id', 'sheet_id', 'kind', 'position', 'verdict', 'reason', 'suggestion', 'written'])
    .where('id', '=', itemId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  if (!item) throw notFound('box for review', '待复核方格');
  return item;
}

/**
 * A decision in canonical form: a mark box has a mark only; a write-in box has a name when it is
 * a vote for someone (trimmed, NFC, not a printed candidate [B1]), and none otherwise.
 */
export function checkDecision(
  kind: string,
  input: { readonly mark: ScanMark; readonly name?: string | null | undefined },
  ballot: PrintedBallot,
): Settled {
  if (!SCAN_MARKS.includes(input.mark)) {
    throw new InputError(
      'mark',
      'must be for, against, abstain or unreadable',
      '应为赞成、不赞成、弃权或无法辨认',
    );
  }
  const typed = input.name?.normalize('NFC').trim() ?? '';
  if (kind === 'mark') {
    if (typed !== '')
      throw new InputError('name', 'a printed candidate’s box takes no name', '候选人方格不需填写姓名');
    return { mark: input.mark, name: null };
  }
  if (input.mark !== 'for') {
    if (typed !== '') {
      throw new InputError(
        'name',
        'a name counts only with a “for” mark: leave it out for any other reading',
        '只有划“○”的另选人才计票；其他判读无需填写姓名',
      );
    }
    return { mark: input.mark, name: null };
  }
  if (!ballot.writeInsAllowed) {
    throw ruleViolation(
      'B1',
      'the election method of this election does not allow write-ins',
      '本次选举的选举办法不允许另选他人',
    );
  }
  if (stripAnnotations(typed) === '') {
    throw new InputError(
      'name',
      'type the name written in (or read the box as unreadable)',
      '请录入所写姓名（无法辨认的请判为无法辨认）',
    );
  }
  if (typed.length > MAX_NAME_LENGTH) {
    throw new InputError(
      'name',
      `must be at most ${MAX_NAME_LENGTH} characters`,
      `不得超过${MAX_NAME_LENGTH}个字符`,
    );
  }
  const printed = ballot.candidates.find(
    (c) => stripAnnotations(c.normalize('NFC')) === stripAnnotations(typed),
  );
  if (printed !== undefined) {
    throw new InputError(
      'name',
      `${printed} is printed on the ballot: a write-in for a printed candidate is not counted as one; read the box as unreadable`,
      `${printed}是选票上印有的候选人，另选栏填写印有的候选人不作另选计票，请判为无法辨认`,
    );
  }
  return { mark: 'for', name: typed };
}

function requireReadSheet(sheet: { status: string; set_aside: string | null }): void {
  if (sheet.status !== 'read' || sheet.set_aside !== null) {
    throw conflict(
      'sheet-not-counted',
      'this sheet is not read for the count (rejected, a duplicate, or set aside)',
      '该选票未被读取计票（已拒读、重复或已另行处理）',
    );
  }
}

/**
 * What a teller or a scrutineer decides on: a box of a read sheet in a round still being keyed,
 * the decision checked against the ballot, and the decisions already taken on that box.
 */
async function itemToDecide(
  trx: Kysely<Schema>,
  congressId: string,
  roundId: string,
  itemId: string,
  input: Parameters<typeof checkDecision>[1],
) {
  const { round, ballot } = await loadScanRound(trx, congressId, roundId);
  requireKeying(round);
  const item = await loadItem(trx, roundId, itemId);
  requireReadSheet(await loadScanSheet(trx, roundId, item.sheet_id));
  const decision = checkDecision(item.kind, input, ballot);
  const decisions = await trx
    .selectFrom('scan_decisions')
    .selectAll()
    .where('item_id', '=', itemId)
    .execute();
  return { decision, decisions };
}

/** [B1][P2] A teller's decision on a reviewed box. */
export async function decideScanItem(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  itemId: string,
  input: ScanDecisionInput,
): Promise<ScanDecisionResult> {
  const teller = accountWithRole(actor, congressId, 'teller', '计票人');
  const { value } = await writeUnlessUnchanged<ScanDecisionResult>(context, actor, async (trx, at) => {
    const { decision, decisions } = await itemToDecide(trx, congressId, roundId, itemId, input);
    const mine = decisions.find((d) => d.decided_by === teller.accountId && d.role === 'teller');
    const others = decisions.filter((d) => d.role === 'teller' && d.decided_by !== teller.accountId);
    const result = (
      outcome: ScanDecisionResult['outcome'],
      all: Parameters<typeof itemState>[0],
    ): ScanDecisionResult => ({
      outcome,
      itemId,
      mark: decision.mark,
      name: decision.name,
      settled: itemState(all).settled !== null,
    });
    if (mine) {
      if (sameDecision({ mark: mine.mark as ScanMark, name: mine.name }, decision))
        return unchanged(result('unchanged', decisions));
      if (input.correct !== true) {
        throw conflict(
          'already-decided',
          'you decided this box differently before; send correct: true to change your decision',
          '您之前对该方格的判读不同；如需更正，请明确标为更正',
        );
      }
      if (decisions.some((d) => d.role === 'scrutineer')) {
        throw conflict('item-resolved', 'a scrutineer has resolved this box', '监票人已裁定该方格');
      }
      await trx
        .updateTable('scan_decisions')
        .set({ mark: decision.mark, name: decision.name, decided_at: at, revisions: mine.revisions + 1 })
        .where('id', '=', mine.id)
        .execute();
      const all = decisions.map((d) =>
        d.id === mine.id ? { ...d, mark: decision.mark, name: decision.name } : d,
      );
      return {
        result: result('corrected', all),
        audit: {
          action: 'scan.decide-correct',
          subject: `round:${roundId}`,
          before: { item: itemId, mark: mine.mark, name: mine.name },
          after: { item: itemId, ...decision },
        },
        events: [await paperProgressEvent(trx, congressId, roundId)],
      };
    }
    if (input.correct === true) throw notFound('your decision on this box to correct', '您对该方格的判读');
    if (others.length >= 2) {
      throw conflict('item-decided', 'two tellers have decided this box already', '已有两名计票人判读该方格');
    }
    const row = {
      id: context.random.id(),
      round_id: roundId,
      item_id: itemId,
      role: 'teller',
      mark: decision.mark,
      name: decision.name,
      decided_by: teller.accountId,
      decided_at: at,
      revisions: 0,
    };
    await trx.insertInto('scan_decisions').values(row).execute();
    return {
      result: result('created', [...decisions, row]),
      audit: { action: 'scan.decide', subject: `round:${roundId}`, after: { item: itemId, ...decision } },
      events: [await paperProgressEvent(trx, congressId, roundId)],
    };
  });
  return value;
}

/** [P2] A scrutineer settles a box the two tellers read differently. */
export async function resolveScanItem(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  itemId: string,
  input: { readonly mark: ScanMark; readonly name?: string | null | undefined },
): Promise<ScanDecisionResult> {
  const scrutineer = accountWithRole(actor, congressId, 'scrutineer', '监票人');
  const { value } = await writeUnlessUnchanged<ScanDecisionResult>(context, actor, async (trx, at) => {
    const { decision, decisions } = await itemToDecide(trx, congressId, roundId, itemId, input);
    const tellers = decisions.filter((d) => d.role === 'teller');
    const earlier = decisions.find((d) => d.role === 'scrutineer');
    const result = (outcome: ScanDecisionResult['outcome']): ScanDecisionResult => ({
      outcome,
      itemId,
      mark: decision.mark,
      name: decision.name,
      settled: true,
    });
    if (earlier && sameDecision({ mark: earlier.mark as ScanMark, name: earlier.name }, decision))
      return unchanged(result('unchanged'));
    if (!earlier && itemState(tellers).state !== 'disagreed') {
      throw conflict(
        'not-a-disagreement',
        'a scrutineer resolves a box once two tellers have read it differently',
        '两名计票人判读不一致后，方由监票人裁定',
      );
    }
    if (tellers.some((d) => d.decided_by === scrutineer.accountId)) {
      throw conflict(
        'resolution-not-independent',
        'you decided this box as a teller: another scrutineer must resolve it',
        '您作为计票人判读过该方格，应由其他监票人裁定',
      );
    }
    if (earlier) {
      await trx
        .updateTable('scan_decisions')
        .set({
          mark: decision.mark,
          name: decision.name,
          decided_by: scrutineer.accountId,
          decided_at: at,
          revisions: earlier.revisions + 1,
        })
        .where('id', '=', earlier.id)
        .execute();
    } else {
      await trx
        .insertInto('scan_decisions')
        .values({
          id: context.random.id(),
          round_id: roundId,
          item_id: itemId,
          role: 'scrutineer',
          mark: decision.mark,
          name: decision.name,
          decided_by: scrutineer.accountId,
          decided_at: at,
          revisions: 0,
        })
        .execute();
    }
    return {
      result: result(earlier ? 'corrected' : 'created'),
      audit: {
        action: earlier ? 'scan.resolve-correct' : 'scan.resolve',
        subject: `round:${roundId}`,
        before: {
          item: itemId,
          tellers: tellers.map((d) => ({ mark: d.mark, name: d.name })),
          ...(earlier ? { resolution: { mark: earlier.mark, name: earlier.name } } : {}),
        },
        after: { item: itemId, ...decision },
      },
      events: [await paperProgressEvent(trx, congressId, roundId)],
    };
  });
  return value;
}

async function sheetAnswer(db: Kysely<Schema>, roundId: string, sheetId: string): Promise<ScanSheetView> {
  const sheet = await loadScanSheet(db, roundId, sheetId);
  const items = await db.selectFrom('scan_items').select('id').where('sheet_id', '=', sheetId).execute();
  const decisions = await db
    .selectFrom('scan_decisions')
    .select(['item_id', 'role', 'mark', 'name'])
    .where('item_id', 'in', [...items.map((i) => i.id), ''])
    .execute();
  const pending = items.filter(
    (item) => !itemState(decisions.filter((d) => d.item_id === item.id)).settled,
  ).length;
  return sheetView(sheet, items.length, pending);
}

/**
 * A teller sets a sheet aside from the scanned count: a rejected sheet once it has been scanned
 * again or keyed by hand, or any sheet that is not this round's or was scanned twice without
 * serials (the machine cannot know that a rescan of the same paper is the same ballot).
 */
export async function setAsideScanSheet(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  sheetId: string,
  disposition: SetAside,
): Promise<ScanSheetView> {
  accountWithRole(actor, congressId, 'teller', '计票人');
  if (!SET_ASIDE.includes(disposition)) {
    throw new InputError(
      'disposition',
      'must be rescanned, keyed or not-this-round',
      '应为重新扫描、人工录入或非本轮选票',
    );
  }
  const actorId = actor.kind === 'account' ? actor.accountId : '';
  await writeUnlessUnchanged<null>(context, actor, async (trx, at) => {
    const { round } = await loadScanRound(trx, congressId, roundId);
    requireKeying(round);
    const sheet = await loadScanSheet(trx, roundId, sheetId);
    if (sheet.status === 'duplicate') {
      throw conflict(
        'sheet-duplicate',
        'a duplicate is never counted: there is nothing to set aside',
        '重复扫描的选票本不计票，无需另行处理',
      );
    }
    if (sheet.set_aside === disposition) return unchanged(null);
    if (sheet.set_aside !== null) {
      throw conflict(
        'sheet-set-aside',
        `this sheet was set aside already (${sheet.set_aside})`,
        '该选票已另行处理',
      );
    }
    await trx
      .updateTable('scan_sheets')
      .set({ set_aside: disposition, set_aside_by: actorId, set_aside_at: at })
      .where('id', '=', sheetId)
      .execute();
    return {
      result: null,
      audit: {
        action: 'scan.set-aside',
        subject: `round:${roundId}`,
        before: { sheet: sheetId, status: sheet.status, reason: sheet.reason },
        after: { sheet: sheetId, disposition },
      },
      events: [await paperProgressEvent(trx, congressId, roundId)],
    };
  });
  return sheetAnswer(context.database.db, roundId, sheetId);
}

/** [B3] A scrutineer declares a scanned ballot invalid (an identifying mark), or withdraws that. */
export async function voidScanSheet(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  sheetId: string,
  reason: string | null,
): Promise<ScanSheetView> {
  const scrutineer = accountWithRole(actor, congressId, 'scrutineer', '监票人');
  const text = reason?.normalize('NFC').trim() || null;
  await writeUnlessUnchanged<null>(context, actor, async (trx, at) => {
    const { round } = await loadScanRound(trx, congressId, roundId);
    requireKeying(round);
    const sheet = await loadScanSheet(trx, roundId, sheetId);
    requireReadSheet(sheet);
    if (sheet.void_reason === text) return unchanged(null);
    await trx
      .updateTable('scan_sheets')
      .set({
        void_reason: text,
        voided_by: text === null ? null : scrutineer.accountId,
        voided_at: text === null ? null : at,
      })
      .where('id', '=', sheetId)
      .execute();
    return {
      result: null,
      audit: {
        action: text === null ? 'scan.void-withdraw' : 'scan.void',
        subject: `round:${roundId}`,
        before: { sheet: sheetId, voidReason: sheet.void_reason },
        after: { sheet: sheetId, voidReason: text },
      },
      events: [await paperProgressEvent(trx, congressId, roundId)],
    };
  });
  return sheetAnswer(context.database.db, roundId, sheetId);
}
