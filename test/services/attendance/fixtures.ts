import type { CongressesTable, SittingsTable } from '../../../src/persistence/congress-schema.ts';
import type { Database } from '../../../src/persistence/index.ts';
import type { Actor } from '../../../src/services/actor.ts';
import { type BuiltDelegate, buildWorld, type CongressBuilder } from '../../support/builder/index.ts';
import { rowCounts } from '../../support/row-counts.ts';

// The congress the attendance tests and the check-in benchmark check in to, built by the test
// builder in rows mode (no audit entries: the tests count what a desk writes from zero): the
// city's 6th congress, its delegations, delegates with the codes on their cards (A0001…) and
// photos for every other one, and its sittings.

export interface AttendanceFixtureOptions {
  /** Delegates with voting rights (default 10). */
  readonly voting?: number;
  /** [Q4] delegates without a vote (列席 / rights suspended), after the voting ones (default 0). */
  readonly nonVoting?: number;
  /** Names for the first delegates, in order; the rest are the builder's. */
  readonly names?: readonly string[];
  /** The committee's plenary electing its standing committee ('local-plenary'), instead of the congress. */
  readonly kind?: Extract<CongressesTable['kind'], 'congress' | 'plenary'>;
  /** Status of each sitting created, in order (default one open sitting). */
  readonly sittings?: readonly SittingsTable['status'][];
  readonly delegations?: number;
  /** Keeps the ids of two congresses in one database apart. */
  readonly tag?: string;
}

export interface AttendanceFixture {
  readonly congress: CongressBuilder;
  readonly congressId: string;
  /** The first sitting. */
  readonly sittingId: string;
  readonly sittingIds: readonly string[];
  readonly delegates: readonly BuiltDelegate[];
}

/** Printed on the delegate card and in its QR code. */
export const fixtureCode = (n: number) => `A${String(n).padStart(4, '0')}`;

export async function seedAttendanceCongress(
  database: Database,
  options: AttendanceFixtureOptions = {},
): Promise<AttendanceFixture> {
  const world = buildWorld(database, { tag: options.tag ?? 'c' });
  const voting = options.voting ?? 10;
  const total = voting + (options.nonVoting ?? 0);
  const city = await world.organisation({
    name: '中共通辽市委员会',
    shortName: '市委',
    locality: '通辽市',
    level: 'city',
  });
  const dates = { venue: '市行政中心大礼堂', startsOn: '2026-09-27', endsOn: '2026-09-29' };
  const congress =
    options.kind === 'plenary'
      ? await world.congress({
          kind: 'plenary',
          term: (await world.term({ organisation: city.id, number: 6 })).id,
          ...dates,
        })
      : await world.congress({ organisation: city.id, number: 6, ...dates });
  const delegations = await congress.delegations(
    Array.from({ length: Math.max(1, options.delegations ?? 3) }, (_, i) => `第${i + 1}代表团`),
  );
  const delegates = await congress.delegates(
    Array.from({ length: total }, (_, i) => ({
      ...(options.names?.[i] ? { name: options.names[i] } : {}),
      code: fixtureCode(i + 1),
      votingRights: i < voting,
      ...(i < voting ? {} : { suspensionReason: '预备党员' }),
      ...(i % 2 === 0 ? { photo: `photos/${fixtureCode(i + 1)}.jpg` } : {}),
    })),
    { delegations },
  );
  // A plenary's attendance is counted by the elections' quorum [Q2] when it holds elections.
  if (options.kind === 'plenary') {
    await congress.election({ office: 'standing-committee', seats: 1, candidates: delegates.slice(0, 2) });
  }
  const sittingIds: string[] = [];
  for (const [i, status] of (options.sittings ?? ['open']).entries()) {
    const sitting = await congress.sitting(
      i === 0 ? { kind: 'opening', status } : { title: `第${i + 1}次全体会议`, status },
    );
    sittingIds.push(sitting.id);
  }
  return { congress, congressId: congress.id, sittingId: sittingIds[0]!, sittingIds, delegates };
}

/** Rows written per table, to show that a refused or repeated request wrote nothing. */
export function writeCounts(database: Database) {
  return rowCounts(database, { attendance: 'attendance', events: 'attendance_events', audit: 'audit_log' });
}

/** The check-in account acting in service tests (services do not check roles; routes do). */
export const DESK: Actor = {
  kind: 'account',
  accountId: 'desk',
  username: 'desk1',
  displayName: '签到员',
  roles: new Map(),
};
