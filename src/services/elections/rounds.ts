import type { Kysely } from 'kysely';
import type { RoundKeyShares } from '../../contract/ballot-keys.ts';
import {
  checkQuorum,
  checkScrutineers,
  mayAnnounce,
  type Office,
  type RoundKind,
  type RoundResult,
  type RuleSetId,
  tallyRound,
  usesApprovedOrder,
} from '../../core/rules/index.ts';
import {
  eraseBallotTraces,
  type Schema,
  storedCountedSeal,
  type WriteTransaction,
} from '../../persistence/index.ts';
import type { Actor } from '../actor.ts';
import { snapshotPresence } from '../attendance/presence.ts';
import { auditedWrite } from '../audited-write.ts';
import { sealElectronicBallots } from '../ballots/electronic/index.ts';
import { keyAuditOf } from '../ballots/electronic/key-shares.ts';
import { type KeyHolder, newRoundKey } from '../ballots/sealed/round-key.ts';
import { requireScrutineersAdopted } from '../congress/procedure-guards.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, forbidden, notFound, ruleViolation, ServiceError } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { requireOwnedIds } from '../owned-ids.ts';
import { approvedOrderOf } from './approved-order.ts';
import { ballotSources } from './ballot-sources.ts';
import { loadChain } from './chain-events.ts';
import { completeElectionIfDone } from './complete-election.ts';
import {
  approvedAmong,
  heldAsPrepared,
  preparedRoundOf,
  refuseWhilePrepared,
  roundToHold,
} from './round-preparation.ts';
import {
  electionParameters,
  loadElection,
  loadRound,
  type RoundRow,
  roundCandidates,
} from './round-queries.ts';

export interface OpenRoundInput {
  readonly kind: RoundKind;
  /** Defaults to what the chain requires next. */
  readonly seats?: number;
  readonly advance?: number;
  /** Defaults to the fixed list the chain requires, or the election's candidate list. */
  readonly candidates?: readonly string[];
  /** The sitting in which the vote is held; defaults to the election's sitting. */
  readonly sittingId?: string;
}

/**
 * Opens a round for voting. Refused unless: the election method was adopted [P4]; no other
 * round of the election is under way; the round is the one the chain requires ([C4], [T3], [T4])
 * and its list satisfies [C1]/[C2]; a chief scrutineer is appointed and no scrutineer is a
 * candidate [P1]; the sitting is open, has adopted the scrutineers' list where its agenda puts
 * it to the vote [P1], and has a quorum [Q1]–[Q3]. The voting delegates present
 * at this moment are recorded with the round. An electronic round gets its key pair [B4]: the
 * public key is stored with the round, the private key is split among the election's scrutineers
 * (at least two) and the shares are returned, this once, to be printed for their holders.
 * A round prepared in advance (round-preparation.ts) is opened with exactly its prepared kind,
 * seats and list, and keeps its id, so the ballots printed for it are the round's ballots.
 */
export async function openRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  input: OpenRoundInput,
): Promise<{ roundId: string; key?: RoundKeyShares }> {
  const opened = await auditedWrite(context, actor, async (trx, at) => {
    const election = await loadElection(trx, congressId, electionId);
    await requireOwnedIds(trx, 'sitting', congressId, [{ field: 'body.sittingId', id: input.sittingId }]);
    const congress = await trx
      .selectFrom('congresses')
      .selectAll()
      .where('id', '=', congressId)
      .executeTakeFirstOrThrow();
    await requireAdoptedMethod(trx, election.method_id);
    // A round prepared in advance (its ballots printed) is opened exactly as it was prepared.
    const prepared = await preparedRoundOf(trx, election.id);
    const unfinished = await trx
      .selectFrom('rounds')
      .select(['id', 'seq', 'status'])
      .where('election_id', '=', election.id)
      .where('status', 'not in', ['announced', 'prepared'])
      .executeTakeFirst();
    if (unfinished) {
      throw conflict(
        'round-under-way',
        `round ${unfinished.seq} is still ${unfinished.status}`,
        `第${unfinished.seq}轮投票尚未宣布结果`,
      );
    }
    const { kind, seats, advance, printed } = prepared
      ? await heldAsPrepared(trx, election, prepared, input)
      : await roundToHold(trx, election, input);
    // [P1] scrutineers are never candidates in this round; a chief scrutineer presides over the count.
    const officers = await trx
      .selectFrom('election_officers')
      .selectAll()
      .where('election_id', '=', election.id)
      .execute();
    const scrutineers = officers.filter((o) => o.role !== 'teller');
    if (!officers.some((o) => o.role === 'chief-scrutineer')) {
      throw ruleViolation('P1', 'appoint a chief scrutineer before voting', '投票前应确定总监票人');
    }
    // The same electors as setOfficers checks: delegates with a vote [Q4].
    const electorNames = await trx
      .selectFrom('delegates')
      .select('name')
      .where('congress_id', '=', congressId)
      .where('voting_rights', '=', 1)
      .execute();
    const p1 = checkScrutineers({
      scrutineers: scrutineers.map((s) => s.name),
      candidates: printed,
      electors: electorNames.map((e) => e.name),
    });
    if (p1.length > 0)
      throw ruleViolation('P1', p1.map((p) => p.en).join('; '), p1.map((p) => p.zh).join('；'));
    if (election.ballot_mode === 'paper' && !officers.some((o) => o.role === 'teller')) {
      throw ruleViolation('P2', 'designate tellers before a paper ballot', '纸质投票前应指定计票人');
    }

    const sittingId = input.sittingId ?? election.sitting_id;
    if (!sittingId)
      throw new InputError('sittingId', 'name the sitting in which the vote is held', '请指定进行投票的会议');
    const sitting = await trx
      .selectFrom('sittings')
      .select(['id', 'status'])
      .where('id', '=', sittingId)
      .where('congress_id', '=', congressId)
      .executeTakeFirst();
    if (!sitting) throw notFound('sitting', '会议');
    if (sitting.status !== 'open')
      throw conflict('sitting-not-open', 'the sitting is not open', '该次会议尚未开始');
    // [P1] Where the sitting puts the scrutineers' list to the vote, it is adopted first.
    await requireScrutineersAdopted(trx, sitting.id);

    const roundId = prepared?.id ?? context.random.id();
    // The seq before this round's: the prepared round keeps its number.
    const seq = prepared
      ? prepared.seq - 1
      : ((
          await trx
            .selectFrom('rounds')
            .select('seq')
            .where('election_id', '=', election.id)
            .orderBy('seq', 'desc')
            .executeTakeFirst()
        )?.seq ?? 0);
    const row = {
      kind,
      mode: election.ballot_mode,
      status: 'open' as const,
      candidates_json: JSON.stringify(printed),
      seats,
      advance: advance ?? null,
      sitting_id: sittingId,
      opened_at: at,
    };
    if (prepared) await trx.updateTable('rounds').set(row).where('id', '=', roundId).execute();
    else
      await trx
        .insertInto('rounds')
        .values({
          ...row,
          id: roundId,
          election_id: election.id,
          seq: seq + 1,
          expected: null,
          present: null,
          ballots_issued: null,
          closed_at: null,
          result_json: null,
          signed_off_at: null,
          announced_at: null,
        })
        .execute();
    // Who was present when the vote opened; [Q1]–[Q3] voting starts only with a quorum.
    const electors = await snapshotPresence(trx, { roundId, sittingId });
    const quorum = checkQuorum(congress.rule_set as RuleSetId, electionParameters(election), electors);
    if (!quorum.met) {
      throw ruleViolation(
        quorum.rule,
        `no quorum: ${quorum.present} present of ${quorum.expected}, at least ${quorum.minimumPresent} needed`,
        `不足法定人数：应到${quorum.expected}人，实到${quorum.present}人，至少需要${quorum.minimumPresent}人`,
      );
    }
    // [B4] The electronic ballots are sealed to a key whose private half the scrutineers hold.
    const key =
      election.ballot_mode === 'electronic'
        ? await newRoundKey(
            context.random,
            `round:${roundId}`,
            scrutineers.map((s) => ({ name: s.name, role: s.role as KeyHolder['role'] })),
          )
        : undefined;
    await trx
      .updateTable('rounds')
      .set({
        expected: electors.expected,
        present: electors.present,
        ...(key ? { public_key: key.publicKey, key_json: JSON.stringify(key.record) } : {}),
      })
      .where('id', '=', roundId)
      .execute();
    await trx.updateTable('elections').set({ status: 'in-progress' }).where('id', '=', election.id).execute();
    return {
      result: { roundId, electionId: election.id, seq: seq + 1, electors, key: key?.shares },
      events: [
        {
          type: 'voting',
          congressId,
          data: { roundId, electionId: election.id, status: 'open', seq: seq + 1, ...electors },
        },
      ],
      audit: {
        action: 'round.open',
        subject: `round:${roundId}`,
        after: {
          election: election.id,
          seq: seq + 1,
          kind,
          seats,
          advance,
          candidates: printed,
          ...(prepared ? { prepared: true } : {}),
          electors,
          quorum,
          ...(key ? { key: keyAuditOf(key.publicKey, key.record) } : {}),
        },
      },
    };
  });
  return { roundId: opened.roundId, ...(opened.key ? { key: opened.key } : {}) };
}

async function requireAdoptedMethod(db: Kysely<Schema>, methodId: string | null): Promise<void> {
  const method = methodId
    ? await db.selectFrom('election_methods').select(['status']).where('id', '=', methodId).executeTakeFirst()
    : undefined;
  if (method?.status !== 'adopted') {
    throw ruleViolation(
      'P4',
      'the election method must be adopted by vote before any ballot',
      '选举办法须经表决通过后方可投票',
    );
  }
}

/**
 * Closes voting. Paper: the tellers' count of ballots handed out is recorded now [B2]; electronic:
 * every elector present when the round opened was issued a ballot, and the sealed ballots are
 * sealed into the audit chain [B4]: rewritten in tracker order (ballot-seal.ts) and their digest
 * recorded in the closing entry, whose seq and hash are the anchor printed on the tally sheet.
 * After the commit, the engine's traces of the casts are erased (WAL truncated, VACUUM FULL).
 */
export async function closeRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
  input: { readonly ballotsIssued?: number },
): Promise<void> {
  const mode = await auditedWrite(context, actor, async (trx, at) => {
    const round = await loadRound(trx, congressId, roundId);
    if (round.status !== 'open')
      throw conflict('round-not-open', 'the round is not open', '本轮投票未在进行中');
    let issued = round.present ?? 0;
    if (round.mode === 'paper') {
      if (input.ballotsIssued === undefined) {
        throw new InputError('ballotsIssued', 'enter the number of ballots handed out', '请填写发出的选票数');
      }
      if (input.ballotsIssued > (round.present ?? 0)) {
        throw new InputError(
          'ballotsIssued',
          `more ballots issued than the ${round.present} electors present`,
          `发出选票数多于实到的${round.present}人`,
        );
      }
      issued = input.ballotsIssued;
    }
    await trx
      .updateTable('rounds')
      .set({ status: 'closed', closed_at: at, ballots_issued: issued })
      .where('id', '=', roundId)
      .execute();
    // [B4] Rewrite the sealed ballots in tracker order, so that nothing stored follows the order of
    // voting, and seal the set into the chain. A round cast in the clear (before ballots were
    // sealed) seals its plain ballots, which count as opened.
    let seal = {};
    if (round.mode === 'electronic' && round.public_key) {
      seal = { sealed: await sealElectronicBallots(trx, roundId) };
    } else if (round.mode === 'electronic') {
      await trx.updateTable('rounds').set({ decrypted_at: at }).where('id', '=', roundId).execute();
      seal = { counted: await storedCountedSeal(trx, roundId) };
    }
    return {
      result: round.mode,
      audit: {
        action: 'round.close',
        subject: `round:${roundId}`,
        after: { ballotsIssued: issued, ...seal },
      },
      events: [
        {
          type: 'voting',
          congressId,
          data: { roundId, electionId: round.election_id, status: 'closed', ballotsIssued: issued },
        },
      ],
    };
  });
  if (mode === 'electronic') await eraseBallotTraces(context.database, ['sealed_ballots']);
}

/** Counts a closed round with the rules engine; may be repeated until a scrutineer signs off. */
export async function countRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<RoundResult> {
  return auditedWrite(context, actor, async (trx) => {
    const round = await loadRound(trx, congressId, roundId);
    if (round.status !== 'closed' && round.status !== 'counted') {
      throw conflict('round-not-closed', 'close the round before counting', '请先结束投票再计票');
    }
    const election = await loadElection(trx, congressId, round.election_id);
    const result = await tally(trx, election, round);
    await trx
      .updateTable('rounds')
      .set({ status: 'counted', result_json: JSON.stringify(result) })
      .where('id', '=', roundId)
      .execute();
    return {
      result,
      audit: {
        action: 'round.count',
        subject: `round:${roundId}`,
        after: { outcome: result.outcome, ballots: result.ballots, elected: result.elected },
      },
      events: [{ type: 'voting', congressId, data: { roundId, electionId: election.id, status: 'counted' } }],
    };
  });
}

async function tally(
  trx: WriteTransaction,
  election: Awaited<ReturnType<typeof loadElection>>,
  round: RoundRow,
): Promise<RoundResult> {
  const box = await ballotSources[round.mode].ballotBox(trx, round);
  const { state } = await loadChain(trx, election);
  const candidates = roundCandidates(round);
  const office = election.office as Office;
  return tallyRound({
    ruleSet: election.rule_set as RuleSetId,
    office,
    round: round.kind,
    seats: round.seats,
    ...(round.advance ? { advance: round.advance } : {}),
    afterPreliminary: state.next.step === 'round' && state.next.afterPreliminary,
    electors: { expected: round.expected ?? 0, present: round.present ?? 0 },
    ballotsIssued: round.ballots_issued ?? 0,
    candidates,
    approvedOrder: usesApprovedOrder(office)
      ? approvedAmong(await approvedOrderOf(trx, election), candidates)
      : candidates,
    ballots: box,
    parameters: electionParameters(election),
  });
}

/**
 * [P2] A scrutineer confirms the count: only one of the scrutineers this election appointed [P1]
 * (总监票人, 副总监票人, 监票人), signing with the login the secretariat linked to them in the
 * officers editor, once each; the first signature makes the result announceable. Any other
 * scrutineer account of the congress is refused, and so is every account while no appointed
 * scrutineer is linked to one. The signature is recorded under the officer's role and name.
 */
export async function signOffRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<void> {
  if (actor.kind !== 'account') throw forbidden();
  await auditedWrite(context, actor, async (trx, at) => {
    const round = await loadRound(trx, congressId, roundId);
    if (round.status !== 'counted' && round.status !== 'signed-off') {
      throw conflict('round-not-counted', 'count the round before signing off', '计票完成后方可签字确认');
    }
    const signer = await trx
      .selectFrom('election_officers')
      .select(['name', 'role'])
      .where('election_id', '=', round.election_id)
      .where('role', '!=', 'teller')
      .where('account_id', '=', actor.accountId)
      .executeTakeFirst();
    if (!signer) {
      throw new ServiceError(
        403,
        'not-appointed-scrutineer',
        'only a scrutineer appointed for this election, signing with the login linked to them, may sign off its count',
        '只有本次选举确定的总监票人、副总监票人或监票人，使用与本人关联的账号，才能签字确认计票结果',
        'P2',
      );
    }
    const already = await trx
      .selectFrom('round_signoffs')
      .select('id')
      .where('round_id', '=', roundId)
      .where('account_id', '=', actor.accountId)
      .executeTakeFirst();
    if (!already) {
      await trx
        .insertInto('round_signoffs')
        .values({
          id: context.random.id(),
          round_id: roundId,
          account_id: actor.accountId,
          role: signer.role,
          signed_at: at,
        })
        .execute();
    }
    await trx
      .updateTable('rounds')
      .set({ status: 'signed-off', signed_off_at: round.signed_off_at ?? at })
      .where('id', '=', roundId)
      .execute();
    return {
      result: undefined,
      audit: {
        action: 'round.sign-off',
        subject: `round:${roundId}`,
        after: { by: actor.username, name: signer.name, role: signer.role },
      },
      // The presiding officer's page learns at once that the result may be announced.
      events: [
        {
          type: 'voting',
          congressId,
          data: { roundId, electionId: round.election_id, status: 'signed-off' },
        },
      ],
    };
  });
}

/**
 * Announces a signed-off result [P2]: it becomes public and takes its place in the election's
 * chain; when the election is complete the elected take their positions ([P6] filed or pending approval).
 */
export async function announceRound(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<RoundResult> {
  return auditedWrite(context, actor, async (trx, at) => {
    const round = await loadRound(trx, congressId, roundId);
    const signatures = await trx
      .selectFrom('round_signoffs')
      .select('id')
      .where('round_id', '=', roundId)
      .execute();
    if (
      !mayAnnounce({
        tellersDone: round.status === 'signed-off' || round.status === 'counted',
        scrutineerSignatures: signatures.length,
      })
    ) {
      throw ruleViolation(
        'P2',
        'a scrutineer must sign off the count before it is announced',
        '计票结果须经监票人签字确认后方可宣布',
      );
    }
    if (round.status !== 'signed-off')
      throw conflict('round-not-signed', 'the round is not signed off', '本轮结果尚未签字确认');
    await trx
      .updateTable('rounds')
      .set({ status: 'announced', announced_at: at })
      .where('id', '=', roundId)
      .execute();
    const election = await loadElection(trx, congressId, round.election_id);
    const completion = await completeElectionIfDone(context, trx, election, at);
    const result = JSON.parse(round.result_json!) as RoundResult;
    return {
      result,
      audit: {
        action: 'round.announce',
        subject: `round:${roundId}`,
        after: { outcome: result.outcome, elected: result.elected, completion },
      },
      events: [
        {
          type: 'result',
          congressId,
          data: {
            roundId,
            electionId: election.id,
            outcome: result.outcome,
            elected: result.elected.map((name) => ({
              name,
              votes: result.results.find((r) => r.name === name)?.for ?? 0,
            })),
            electedAlternates: result.electedAlternates ?? [],
            runoff: result.runoff,
            shortfall: result.shortfall,
            complete: completion.complete,
          },
        },
      ],
    };
  });
}

/** [T4] Instead of a supplementary round: reduce the seats, with who approved it. */
export async function reduceSeats(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  electionId: string,
  input: { readonly seats: number; readonly approvedBy: 'electors-majority' | 'presidium' },
): Promise<void> {
  await auditedWrite(context, actor, async (trx, at) => {
    const election = await loadElection(trx, congressId, electionId);
    const { state } = await loadChain(trx, election);
    if (state.next.step !== 'decide-shortfall') {
      throw ruleViolation('T4', 'there is no shortfall to decide', '当前没有需要决定的缺额');
    }
    // A supplementary round already prepared must be withdrawn before the seats are reduced instead.
    await refuseWhilePrepared(trx, electionId);
    if (input.seats < 1 || input.seats > state.next.seats) {
      throw new InputError(
        'seats',
        `reduce by 1 to ${state.next.seats} seats`,
        `减少名额应为1至${state.next.seats}名`,
      );
    }
    const last = await trx
      .selectFrom('rounds')
      .select('seq')
      .where('election_id', '=', electionId)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    const detail = { seats: input.seats, approvedBy: input.approvedBy, afterRoundSeq: last?.seq ?? 0 };
    await trx
      .insertInto('election_decisions')
      .values({
        id: context.random.id(),
        election_id: electionId,
        kind: 'reduce-seats',
        detail_json: JSON.stringify(detail),
        decided_at: at,
        actor: actor.kind === 'account' ? actor.username : 'unknown',
      })
      .execute();
    const completion = await completeElectionIfDone(context, trx, election, at);
    return {
      result: undefined,
      audit: {
        action: 'election.reduce-seats',
        subject: `election:${electionId}`,
        after: { ...detail, completion },
      },
    };
  });
}
