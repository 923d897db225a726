import type { Kysely } from 'kysely';
import { electionMethodTemplate, type MethodTemplate } from '../../core/documents/index.ts';
import type { Office } from '../../core/rules/index.ts';
import type { Schema } from '../../persistence/index.ts';
import { congressRow } from '../congress/lookups.ts';
import { electionParameters } from './round-queries.ts';

/**
 * [P4] A draft of the meeting's election method to start from (the method dialog offers it): for
 * a congress its elections with their surplus [C2]; for a committee's first plenary the standing
 * committee (competitive) and the secretary and deputies (equal) [P5]. Nothing is written.
 */
export async function methodTemplate(db: Kysely<Schema>, congressId: string): Promise<MethodTemplate> {
  const congress = await congressRow(db, congressId);
  const elections = await db
    .selectFrom('elections')
    .selectAll()
    .where('congress_id', '=', congressId)
    .orderBy('sort_order')
    .execute();
  return electionMethodTemplate({
    kind: congress.kind === 'congress' ? 'congress' : 'plenary',
    meetingTitle: congress.title,
    elections: elections.map((e) => ({
      office: e.office as Office,
      title: e.title,
      seats: e.seats,
      minSurplusPercent: electionParameters(e).minSurplusPercent,
    })),
  });
}
