import type { Conclusion, Decision, Outcomes, Speech } from '../../contract/decisions.ts';
import { checkDecisionCounts, decisionAdopted, meetingQuorum } from '../../core/rules/meetings.ts';
import type { ConclusionsTable, DecisionsTable, SpeechesTable } from '../../persistence/committee-schema.ts';
import type { WriteTransaction } from '../../persistence/index.ts';
import { type Actor, rolesIn } from '../actor.ts';
import { attendanceCounts } from '../attendance/attendance-counts.ts';
import { sittingOfCongress } from '../attendance/sitting-lookup.ts';
import { auditedWrite } from '../audited-write.ts';
import { congressRow, type Reader } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ruleViolation } from '../errors.ts';
import { InputError } from '../input-error.ts';
import { type MeetingRow, meetingRow } from '../meetings/meeting-lookup.ts';
import { idsAt, requireOwnedIds } from '../owned-ids.ts';
import { isOffice } from '../units/units.ts';

// What a meeting concluded [M6]: its conclusions and speeches, kept in order, and its decisions
// adopted by vote [M4] — a decision passes when the votes for exceed half of the members due to
// attend, counted at the moment it is recorded; a cadre decision (干部任免) concerns one person and
// needs two-thirds of the members present [M3]; a divisive matter may be deferred instead [M4].

export type ConclusionInput = Omit<Conclusion, 'id'>;
export type SpeechInput = Omit<Speech, 'id'>;

export interface DecisionInput {
  readonly topicId: string | null;
  readonly kind: 'decision' | 'cadre';
  readonly title: string;
  readonly titleEn: string | null;
  readonly text: string;
  readonly person: string | null;
  readonly votingMethod: Decision['votingMethod'];
  readonly votesFor: number | null;
  readonly votesAgainst: number | null;
  readonly votesAbstain: number | null;
  readonly deferred: boolean;
}

function conclusionView(row: ConclusionsTable): Conclusion {
  return { id: row.id, topicId: row.topic_id, verb: row.verb, text: row.text, textEn: row.text_en };
}

function speechView(row: SpeechesTable): Speech {
  return {
    id: row.id,
    topicId: row.topic_id,
    speaker: row.speaker,
    speakerEn: row.speaker_en,
    capacity: row.capacity,
    capacityEn: row.capacity_en,
    subject: row.subject,
    subjectEn: row.subject_en,
    moment: row.moment === 'closing' ? 'closing' : null,
  };
}

export function decisionView(row: DecisionsTable): Decision {
  return {
    id: row.id,
    topicId: row.topic_id,
    kind: row.kind,
    title: row.title,
    titleEn: row.title_en,
    text: row.text,
    person: row.person,
    votingMethod: row.voting_method,
    votesFor: row.votes_for,
    votesAgainst: row.votes_against,
    votesAbstain: row.votes_abstain,
    present: row.present,
    membersDue: row.members_due,
    status: row.status,
    verdict:
      row.status === 'deferred' || row.votes_for === null
        ? null
        : decisionAdopted(row.votes_for, row.members_due),
    decidedAt: row.decided_at,
  };
}

/** Whether the actor may see cadre matters of the meeting: the office, and members attending it. */
async function seesCadre(db: Reader, actor: Actor, meetingId: string): Promise<boolean> {
  if (isOffice(actor) || rolesIn(actor, meetingId).has('admin')) return true;
  if (actor.kind !== 'delegate' || actor.congressId !== meetingId) return false;
  const member = await db
    .selectFrom('delegates')
    .select('capacity')
    .where('id', '=', actor.delegateId)
    .executeTakeFirst();
  return member?.capacity === 'member' || member?.capacity === 'standing-member';
}

async function confidentialTopics(db: Reader, meetingId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('topics')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('confidential', '=', 1)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** A meeting's conclusions, speeches and decisions, each in its recorded order, for everyone. */
export async function outcomeRows(db: Reader, meetingId: string) {
  const [conclusions, speeches, decisions] = await Promise.all([
    db
      .selectFrom('conclusions')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('sort_order')
      .execute(),
    db.selectFrom('speeches').selectAll().where('meeting_id', '=', meetingId).orderBy('sort_order').execute(),
    db
      .selectFrom('decisions')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('sort_order')
      .execute(),
  ]);
  return { conclusions, speeches, decisions };
}

/** The outcomes of a meeting, or of a congress (its closing speeches). */
export async function meetingOutcomes(db: Reader, actor: Actor, meetingId: string): Promise<Outcomes> {
  await congressRow(db, meetingId);
  const seesAll = await seesCadre(db, actor, meetingId);
  const cadre = seesAll ? new Set<string>() : await confidentialTopics(db, meetingId);
  const visible = (row: { topic_id: string | null }) => row.topic_id === null || !cadre.has(row.topic_id);
  const { conclusions, speeches, decisions } = await outcomeRows(db, meetingId);
  return {
    meetingId,
    conclusions: conclusions.filter(visible).map(conclusionView),
    speeches: speeches.filter(visible).map(speechView),
    decisions: decisions.filter((row) => visible(row) && (seesAll || row.kind !== 'cadre')).map(decisionView),
  };
}

async function minutesIssued(trx: WriteTransaction, meetingId: string): Promise<boolean> {
  const minutes = await trx
    .selectFrom('minutes')
    .select('status')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return minutes?.status === 'issued';
}

/** A record that may still change: a congress, or a meeting whose minutes are not issued. */
async function checkOpenRecord(trx: WriteTransaction, congressId: string): Promise<void> {
  await congressRow(trx, congressId);
  if (await minutesIssued(trx, congressId)) {
    throw conflict(
      'minutes-issued',
      'the minutes are issued: the record no longer changes',
      '会议纪要已印发，会议记录不能再修改',
    );
  }
}

async function checkOpenMeeting(trx: WriteTransaction, meetingId: string): Promise<MeetingRow> {
  await checkOpenRecord(trx, meetingId);
  return meetingRow(trx, meetingId);
}

export async function setConclusions(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  conclusions: readonly ConclusionInput[],
): Promise<Outcomes> {
  await auditedWrite(context, actor, async (trx) => {
    await checkOpenRecord(trx, meetingId);
    // Topic ids given with outcomes must be on this meeting's agenda.
    await requireOwnedIds(trx, 'agenda-topic', meetingId, idsAt('body.conclusions', conclusions, 'topicId'));
    const before = await trx
      .selectFrom('conclusions')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('sort_order')
      .execute();
    await trx.deleteFrom('conclusions').where('meeting_id', '=', meetingId).execute();
    const rows: ConclusionsTable[] = conclusions.map((c, index) => ({
      id: context.random.id(),
      meeting_id: meetingId,
      topic_id: c.topicId,
      verb: c.verb,
      text: c.text,
      text_en: c.textEn,
      sort_order: index + 1,
    }));
    if (rows.length > 0) await trx.insertInto('conclusions').values(rows).execute();
    return {
      result: undefined,
      audit: {
        action: 'meeting.conclusions',
        subject: `congress:${meetingId}`,
        before: before.map(conclusionView),
        after: rows.map(conclusionView),
      },
    };
  });
  return meetingOutcomes(context.database.db, actor, meetingId);
}

export async function setSpeeches(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  speeches: readonly SpeechInput[],
): Promise<Outcomes> {
  await auditedWrite(context, actor, async (trx) => {
    await checkOpenRecord(trx, meetingId);
    await requireOwnedIds(trx, 'agenda-topic', meetingId, idsAt('body.speeches', speeches, 'topicId'));
    const before = await trx
      .selectFrom('speeches')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('sort_order')
      .execute();
    await trx.deleteFrom('speeches').where('meeting_id', '=', meetingId).execute();
    const rows: SpeechesTable[] = speeches.map((s, index) => ({
      id: context.random.id(),
      meeting_id: meetingId,
      topic_id: s.topicId,
      speaker: s.speaker,
      speaker_en: s.speakerEn,
      capacity: s.capacity,
      capacity_en: s.capacityEn,
      subject: s.subject,
      subject_en: s.subjectEn,
      moment: s.moment,
      sort_order: index + 1,
    }));
    if (rows.length > 0) await trx.insertInto('speeches').values(rows).execute();
    return {
      result: undefined,
      audit: {
        action: 'meeting.speeches',
        subject: `congress:${meetingId}`,
        before: before.map(speechView),
        after: rows.map(speechView),
      },
    };
  });
  return meetingOutcomes(context.database.db, actor, meetingId);
}

/** The decision row a vote makes, with the members due and present counted now. */
async function decide(
  trx: WriteTransaction,
  meeting: MeetingRow,
  input: DecisionInput,
  /** A correction keeps the counts of the moment it was decided. */
  counted?: { readonly membersDue: number; readonly present: number },
): Promise<
  Pick<
    DecisionsTable,
    'status' | 'members_due' | 'present' | 'adopted' | 'votes_for' | 'votes_against' | 'votes_abstain'
  >
> {
  const sitting = await trx
    .selectFrom('sittings')
    .select('id')
    .where('congress_id', '=', meeting.id)
    .orderBy('sort_order')
    .executeTakeFirstOrThrow();
  const live = counted
    ? null
    : await attendanceCounts(trx, await sittingOfCongress(trx, meeting.id, sitting.id));
  const membersDue = counted?.membersDue ?? live?.expected ?? 0;
  const present = counted?.present ?? live?.present ?? 0;
  if (input.kind === 'cadre') {
    if (!input.person) {
      throw new InputError(
        'body.person',
        'a cadre decision names the one person it concerns [M3]',
        '干部任免事项应逐人表决，须填写人员姓名',
      );
    }
    const quorum = meetingQuorum(meeting.kind, { membersDue, present }, { cadreAppointments: true });
    if (!quorum.met) {
      throw ruleViolation(
        'M3',
        `cadre appointments need at least two-thirds of the ${membersDue} members present (${quorum.minimumPresent}); ${present} are`,
        `讨论决定干部任免事项，须有三分之二以上成员到会（至少${quorum.minimumPresent}人），现到会${present}人`,
      );
    }
  } else {
    const quorum = meetingQuorum(meeting.kind, { membersDue, present });
    if (!quorum.met) {
      throw ruleViolation(
        quorum.rule,
        `the meeting has no quorum: ${present} of ${membersDue} members present, ${quorum.minimumPresent} needed`,
        `到会${present}人，不足应到会成员${membersDue}人的半数以上（至少${quorum.minimumPresent}人），不能作出决定`,
      );
    }
  }
  if (input.deferred) {
    return {
      status: 'deferred',
      members_due: membersDue,
      present,
      adopted: 0,
      votes_for: null,
      votes_against: null,
      votes_abstain: null,
    };
  }
  if (input.votesFor === null || input.votesAgainst === null || input.votesAbstain === null) {
    throw new InputError(
      'body.votesFor',
      'give the votes for, against and abstaining (or defer the matter)',
      '请填写赞成、不赞成、弃权票数（或暂缓表决）',
    );
  }
  const check = checkDecisionCounts({
    votesFor: input.votesFor,
    against: input.votesAgainst,
    abstain: input.votesAbstain,
    present,
    membersDue,
  });
  if (!check.ok) throw new InputError('body.votesFor', check.en, check.zh);
  const verdict = decisionAdopted(input.votesFor, membersDue);
  return {
    status: verdict.adopted ? 'adopted' : 'rejected',
    members_due: membersDue,
    present,
    adopted: verdict.adopted ? 1 : 0,
    votes_for: input.votesFor,
    votes_against: input.votesAgainst,
    votes_abstain: input.votesAbstain,
  };
}

/** What recording a decision does to its topic: concluded, or back to the queue when deferred. */
async function settleTopic(
  trx: WriteTransaction,
  meetingId: string,
  topicId: string | null,
  deferred: boolean,
): Promise<void> {
  if (!topicId) return;
  const change = deferred
    ? { status: 'deferred' as const, meeting_id: null, sort_order: 0 }
    : { status: 'concluded' as const };
  await trx
    .updateTable('topics')
    .set(change)
    .where('id', '=', topicId)
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function recordDecision(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  input: DecisionInput,
): Promise<Decision> {
  return auditedWrite(context, actor, async (trx, at) => {
    const meeting = await checkOpenMeeting(trx, meetingId);
    await requireOwnedIds(trx, 'agenda-topic', meetingId, [{ field: 'body.topicId', id: input.topicId }]);
    const outcome = await decide(trx, meeting, input);
    const count = await trx
      .selectFrom('decisions')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .execute();
    const row: DecisionsTable = {
      id: context.random.id(),
      meeting_id: meetingId,
      topic_id: input.topicId,
      kind: input.kind,
      title: input.title,
      title_en: input.titleEn,
      text: input.text,
      person: input.kind === 'cadre' ? input.person : null,
      voting_method: input.votingMethod,
      decided_at: at,
      sort_order: count.length + 1,
      ...outcome,
    };
    await trx.insertInto('decisions').values(row).execute();
    await settleTopic(trx, meetingId, input.topicId, outcome.status === 'deferred');
    const view = decisionView(row);
    return {
      result: view,
      audit: {
        action: `decision.${outcome.status}`,
        subject: `decision:${row.id}`,
        after: { ...view, rule: row.kind === 'cadre' ? 'M3' : 'M4' },
      },
    };
  });
}

export async function correctDecision(
  context: ServiceContext,
  actor: Actor,
  meetingId: string,
  decisionId: string,
  input: DecisionInput,
): Promise<Decision> {
  return auditedWrite(context, actor, async (trx) => {
    const meeting = await checkOpenMeeting(trx, meetingId);
    const before = await trx
      .selectFrom('decisions')
      .selectAll()
      .where('id', '=', decisionId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!before) throw notFound('decision', '决定');
    await requireOwnedIds(trx, 'agenda-topic', meetingId, [{ field: 'body.topicId', id: input.topicId }]);
    // The members due and present stay those counted when it was decided: a correction fixes what was typed.
    const outcome = await decide(trx, meeting, input, {
      membersDue: before.members_due,
      present: before.present,
    });
    const after: DecisionsTable = {
      ...before,
      topic_id: input.topicId,
      kind: input.kind,
      title: input.title,
      title_en: input.titleEn,
      text: input.text,
      person: input.kind === 'cadre' ? input.person : null,
      voting_method: input.votingMethod,
      ...outcome,
    };
    const { id: _id, ...changes } = after;
    await trx.updateTable('decisions').set(changes).where('id', '=', decisionId).execute();
    await settleTopic(trx, meetingId, input.topicId, outcome.status === 'deferred');
    return {
      result: decisionView(after),
      audit: {
        action: 'decision.correct',
        subject: `decision:${decisionId}`,
        before: decisionView(before),
        after: decisionView(after),
      },
    };
  });
}
