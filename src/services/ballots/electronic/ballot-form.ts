import type { BallotForm } from '../../../contract/ballots.ts';
import type { RoundKind } from '../../../core/rules/index.ts';
import type { Bilingual } from '../../../core/text/bilingual.ts';
import { inReadTransaction } from '../../../persistence/index.ts';
import type { Actor } from '../../actor.ts';
import type { ServiceContext } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { castRefusal, loadElectors } from './electors.ts';
import { ballotLayout, loadElectronicRound } from './electronic-round.ts';
import { rememberFormRound } from './presealed-ballot.ts';

const KIND_LABEL: Record<RoundKind, Bilingual> = {
  formal: { zh: '正式选举', en: 'formal round' },
  preliminary: { zh: '预选', en: 'preliminary round' },
  runoff: { zh: '再次投票', en: 'run-off' },
  supplementary: { zh: '另行选举', en: 'supplementary round' },
};

/**
 * The ballot form a delegate sees on their own device, and whether they have voted. The receipt
 * is not here: it is the sealed ballot's tracker, and only the delegate holds the link.
 */
export async function myBallot(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  roundId: string,
): Promise<BallotForm> {
  if (actor.kind !== 'delegate' || actor.congressId !== congressId)
    throw forbidden('only a delegate of this congress has a ballot', '只有本次大会的代表才有选票');
  return inReadTransaction(context.database, async (db) => {
    const round = await loadElectronicRound(db, congressId, roundId);
    // The delegate's cast is sealed against this round before it queues (presealed-ballot.ts).
    rememberFormRound(context.database, round);
    const { election } = round;
    const details = await db
      .selectFrom('candidates')
      .select(['name', 'gender', 'ethnicity', 'position'])
      .where('election_id', '=', election.id)
      .execute();
    const detailOf = new Map(details.map((c) => [c.name, c]));
    const elector = (await loadElectors(db, congressId, roundId, [actor.delegateId])).get(actor.delegateId);
    const hasVoted = Boolean(elector?.voted);
    const refusal = castRefusal(round.round.status, elector);
    // The English names the rule ([Q4], [Q5]), as the refusal of a cast does.
    const reason: Bilingual | undefined = refusal && { en: refusal.message, zh: refusal.zh };
    const { writeInSlots } = ballotLayout(round);
    const kind = round.round.kind as RoundKind;
    return {
      roundId,
      electionId: election.id,
      title: election.title,
      seq: round.round.seq,
      kind,
      kindLabel: KIND_LABEL[kind],
      status: round.round.status,
      instructions: instructions(round.maxFor, writeInSlots),
      candidates: round.candidates.map((name) => {
        const c = detailOf.get(name);
        return {
          name,
          gender: c?.gender ?? null,
          ethnicity: c?.ethnicity ?? null,
          position: c?.position ?? null,
        };
      }),
      marks: {
        F: { zh: '赞成', en: 'for' },
        A: { zh: '不赞成', en: 'against' },
        '-': { zh: '弃权', en: 'abstain' },
      },
      seats: round.round.seats,
      maxFor: round.maxFor,
      writeInSlots,
      hasVoted,
      mayVote: reason === undefined,
      ...(reason ? { reason } : {}),
    };
  });
}

function instructions(maxFor: number, writeInSlots: number): Bilingual {
  const zhWriteIn =
    writeInSlots > 0 ? `如另选他人，可在“另选他人”栏填写姓名（视为赞成），最多${writeInSlots}人。` : '';
  const enWriteIn =
    writeInSlots > 0 ? ` You may write in up to ${writeInSlots} other name(s); each counts as "for".` : '';
  return {
    zh:
      `请对每名候选人选择“赞成”“不赞成”或“弃权”（不选即弃权）。${zhWriteIn}` +
      `赞成的人数（含另选他人）等于或少于${maxFor}人的为有效票，多于${maxFor}人的为无效票。` +
      '投票后请记下回执码：投票结束后可凭回执码核对自己的选票已被收到并计入（回执码不显示选票内容，任何人都无法凭它知道您如何投票）。回执码不会再次显示。',
    en:
      `For each candidate choose for, against or abstain (no choice is an abstention).${enWriteIn} ` +
      `A ballot with at most ${maxFor} "for" marks (write-ins included) is valid; more make it invalid. ` +
      'Keep the receipt code you get after voting: once voting closes it shows that your ballot was received and counted (it never shows how you voted, to you or anyone). It is not shown again.',
  };
}
