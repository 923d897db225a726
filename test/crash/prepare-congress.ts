import type { DatabaseConfig } from '../../src/persistence/connection.ts';
import { inTransaction, migrate, openDatabase } from '../../src/persistence/index.ts';
import { checkIn } from '../../src/services/attendance/check-in.ts';
import { issueCredentials } from '../../src/services/congress/credentials.ts';
import { openSitting } from '../../src/services/congress/sittings.ts';
import { cryptoRandom, type ServiceContext, systemClock } from '../../src/services/context.ts';
import { DEMO_ACTOR, DEMO_PASSWORDS, seedDemo } from '../../src/services/demo/seed-demo.ts';
import { recordMethodVote } from '../../src/services/elections/methods.ts';
import { openRound } from '../../src/services/elections/rounds.ts';
import { EventBus } from '../../src/services/events.ts';
import { holdSittingsBefore } from '../support/demo-congress.ts';

// A data folder (or schema) holding a congress ready to vote, prepared in-process with the
// services and then closed: the demonstration congress (417 delegates, staff accounts), its
// election method adopted, its opening sitting open with every delegate who has a vote checked
// in, a paper round open (committee members: 45 seats, 50 candidates) and an electronic round open
// (delegates to the higher congress, switched to electronic ballots before it started: 30 seats,
// 36 candidates), and a credential issued to every delegate.

export interface ReadyCongress {
  readonly congressId: string;
  readonly paper: { readonly roundId: string; readonly candidates: number };
  readonly electronic: {
    readonly roundId: string;
    readonly candidates: number;
    readonly seats: number;
    /** [B4] The round key's shares, as the opening handed them to the scrutineers. */
    readonly shares: readonly string[];
  };
  /** Voting delegates present when the rounds opened, with the credential printed on their card. */
  readonly electors: ReadonlyArray<{ readonly delegateId: string; readonly credential: string }>;
  readonly passwords: typeof DEMO_PASSWORDS;
}

export async function prepareCongress(config: DatabaseConfig): Promise<ReadyCongress> {
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const context: ServiceContext = {
      database,
      clock: systemClock,
      random: cryptoRandom,
      events: new EventBus(),
    };
    const { congressId } = await seedDemo(context);
    const db = database.db;
    const method = await db
      .selectFrom('election_methods')
      .select('id')
      .where('congress_id', '=', congressId)
      .executeTakeFirstOrThrow();
    const voting = await db
      .selectFrom('delegates')
      .select(['id', 'code'])
      .where('congress_id', '=', congressId)
      .where('voting_rights', '=', 1)
      .execute();
    const expected = voting.length;
    await recordMethodVote(context, DEMO_ACTOR, congressId, method.id, {
      votesFor: expected - 3,
      votesAgainst: 1,
      votesAbstain: 2,
      expected,
    });
    const sitting = await db
      .selectFrom('sittings')
      .select('id')
      .where('congress_id', '=', congressId)
      .where('kind', '=', 'opening')
      .executeTakeFirstOrThrow();
    // [P3] The preparatory meeting comes first.
    await holdSittingsBefore(context, congressId, sitting.id);
    await openSitting(context, DEMO_ACTOR, congressId, sitting.id);
    for (const [i, delegate] of voting.entries()) {
      await checkIn(context, DEMO_ACTOR, {
        congressId,
        sittingId: sitting.id,
        delegate: { code: delegate.code },
        desk: i % 2 === 0 ? '一号台' : '二号台',
      });
    }
    const elections = await db
      .selectFrom('elections')
      .select(['id', 'office'])
      .where('congress_id', '=', congressId)
      .execute();
    const committee = elections.find((e) => e.office === 'committee-member')!;
    const delegates = elections.find((e) => e.office === 'delegate')!;
    await inTransaction(database, (trx) =>
      trx
        .updateTable('elections')
        .set({ ballot_mode: 'electronic' })
        .where('id', '=', delegates.id)
        .execute(),
    );
    // Before any electronic vote opens: a code issued while one is open needs a second person [B4].
    const issued = await issueCredentials(context, DEMO_ACTOR, congressId);
    const paper = await openRound(context, DEMO_ACTOR, congressId, committee.id, {
      kind: 'formal',
      sittingId: sitting.id,
    });
    const electronic = await openRound(context, DEMO_ACTOR, congressId, delegates.id, {
      kind: 'formal',
      sittingId: sitting.id,
    });
    const rounds = await db
      .selectFrom('rounds')
      .select(['id', 'candidates_json', 'seats', 'mode'])
      .where('id', 'in', [paper.roundId, electronic.roundId])
      .execute();
    const round = (id: string) => rounds.find((r) => r.id === id)!;
    const present = new Set(voting.map((d) => d.id));
    return {
      congressId,
      paper: {
        roundId: paper.roundId,
        candidates: (JSON.parse(round(paper.roundId).candidates_json) as string[]).length,
      },
      electronic: {
        roundId: electronic.roundId,
        candidates: (JSON.parse(round(electronic.roundId).candidates_json) as string[]).length,
        seats: round(electronic.roundId).seats,
        shares: electronic.key!.shares.map((share) => share.code),
      },
      electors: issued
        .filter((c) => present.has(c.delegateId))
        .map((c) => ({ delegateId: c.delegateId, credential: c.credential })),
      passwords: DEMO_PASSWORDS,
    };
  } finally {
    await database.close();
  }
}
