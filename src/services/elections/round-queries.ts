import type { Kysely } from 'kysely';
import type {
  Office,
  ParameterOverrides,
  RoundResult,
  RuleParameters,
  RuleSetId,
} from '../../core/rules/index.ts';
import { resolveParameters } from '../../core/rules/index.ts';
import type { ElectionsTable, RoundsTable } from '../../persistence/congress-schema.ts';
import type { AuditHead, Schema } from '../../persistence/index.ts';
import { notFound } from '../errors.ts';

export type RoundRow = RoundsTable;
export type ElectionRow = ElectionsTable;

/** A round of this congress, or 404: a round id from another congress is never found. */
export async function loadRound(db: Kysely<Schema>, congressId: string, roundId: string): Promise<RoundRow> {
  const round = await db
    .selectFrom('rounds')
    .innerJoin('elections', 'elections.id', 'rounds.election_id')
    .selectAll('rounds')
    .where('rounds.id', '=', roundId)
    .where('elections.congress_id', '=', congressId)
    .executeTakeFirst();
  if (!round) throw notFound('round', '投票轮次');
  return round;
}

export async function loadElection(
  db: Kysely<Schema>,
  congressId: string,
  electionId: string,
): Promise<ElectionRow> {
  const election = await db
    .selectFrom('elections')
    .selectAll()
    .where('id', '=', electionId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!election) throw notFound('election', '选举');
  return election;
}

/** The printed candidates of a round, in ballot order (the column order of its marks). */
export function roundCandidates(round: Pick<RoundRow, 'candidates_json'>): string[] {
  return JSON.parse(round.candidates_json) as string[];
}

export function roundResult(round: Pick<RoundRow, 'result_json'>): RoundResult | null {
  return round.result_json ? (JSON.parse(round.result_json) as RoundResult) : null;
}

/** The parameters in force for an election: its rule set's defaults with the adopted method's overrides. */
export function electionParameters(
  election: Pick<ElectionRow, 'rule_set' | 'office' | 'parameters_json'>,
): RuleParameters {
  return resolveParameters(
    election.rule_set as RuleSetId,
    election.office as Office,
    JSON.parse(election.parameters_json) as ParameterOverrides,
  );
}

/**
 * The audit head right after each round's close: the closing entry's seq and hash (issue 13 item
 * 14). Printed on the tally sheet and shown on the presiding page, it anchors the chain outside
 * the database: `plenum audit verify --anchor SEQ:HASH` finds whether that entry is still there.
 */
export async function closeAnchors(
  db: Kysely<Schema>,
  roundIds: readonly string[],
): Promise<Map<string, AuditHead>> {
  const anchors = new Map<string, AuditHead>();
  if (roundIds.length === 0) return anchors;
  const entries = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash', 'subject'])
    .where('action', '=', 'round.close')
    .where(
      'subject',
      'in',
      roundIds.map((id) => `round:${id}`),
    )
    .orderBy('seq')
    .execute();
  for (const entry of entries)
    anchors.set(entry.subject.slice('round:'.length), { seq: entry.seq, hash: entry.hash });
  return anchors;
}
