import {
  ballotOrder,
  type Office,
  type RoundResult,
  type RuleSetId,
  tallyRound,
  usesApprovedOrder,
} from '../../../src/core/rules/index.ts';
import type { ElectionsTable, RoundsTable } from '../../../src/persistence/congress-schema.ts';
import { electionParameters } from '../../../src/services/elections/round-queries.ts';
import { buildRound, type SimpleBallot } from '../../core/rules/round-builder.ts';
import type { CongressBuilder } from './congress.ts';
import { insertRows, nextPlace, roundRow } from './rows.ts';

export interface RoundSpec {
  readonly id?: string;
  /** Default: after the election's last round. */
  readonly seq?: number;
  readonly kind?: RoundsTable['kind'];
  /** Default: the election's ballot mode. */
  readonly mode?: RoundsTable['mode'];
  /** Default 'open'. */
  readonly status?: RoundsTable['status'];
  /** The printed order; default the election's candidates in ballot order [C3], as openRound prints them. */
  readonly candidates?: readonly string[];
  /** Default: the election's seats. */
  readonly seats?: number;
  readonly advance?: number;
  /** Default: the congress's delegates with a vote now [Q4]. */
  readonly expected?: number;
  /**
   * Present at opening: a number, or the delegates themselves (then round_presence holds them, as
   * openRound's snapshot does). Default: the expected.
   */
  readonly present?: number | readonly { readonly id: string }[];
  /** Default: the present once closed, none while open. */
  readonly ballotsIssued?: number;
  /** Default: the election's sitting. */
  readonly sitting?: string;
  /** What the ballots said, for a round counted or later: the result is the rules engine's tally. */
  readonly ballots?: readonly SimpleBallot[];
  /** A result to store as it is, instead of a tally of `ballots`. */
  readonly result?: RoundResult;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly signedOffAt?: string;
  readonly announcedAt?: string;
}

export interface BuiltCandidate {
  readonly id: string;
  readonly name: string;
}

export interface BuiltRound {
  readonly id: string;
  readonly electionId: string;
  /** In the printed order. */
  readonly candidates: readonly string[];
  readonly seats: number;
  readonly status: RoundsTable['status'];
  /** The stored result, for a round counted or later. */
  readonly result: RoundResult | null;
}

const COUNTED: ReadonlySet<RoundsTable['status']> = new Set(['counted', 'signed-off', 'announced']);

/** An election of a congress; made by CongressBuilder.election. */
export class ElectionBuilder {
  readonly id: string;
  readonly office: Office;
  readonly seats: number;
  readonly mode: ElectionsTable['ballot_mode'];
  readonly sittingId: string | null;
  /** In the order given (the approved order where there is one). */
  readonly candidates: readonly BuiltCandidate[];

  constructor(
    readonly congress: CongressBuilder,
    election: {
      id: string;
      office: Office;
      seats: number;
      mode: ElectionsTable['ballot_mode'];
      sittingId: string | null;
      candidates: readonly BuiltCandidate[];
    },
  ) {
    this.id = election.id;
    this.office = election.office;
    this.seats = election.seats;
    this.mode = election.mode;
    this.sittingId = election.sittingId;
    this.candidates = election.candidates;
  }

  /**
   * A round in the state asked for, written directly whatever the world: opening one through the
   * services needs a method adopted, officers and a quorum checked in, and counting it every
   * ballot cast or keyed twice. A counted round's result is what countRound would store: the
   * rules engine's tally of `ballots`, over the printed order, approved order included [C3].
   */
  async round(spec: RoundSpec = {}): Promise<BuiltRound> {
    const world = this.congress.world;
    const status = spec.status ?? 'open';
    const expected = spec.expected ?? (await this.congress.electors());
    const presentIds = typeof spec.present === 'object' ? spec.present.map((d) => d.id) : undefined;
    const present = presentIds?.length ?? (spec.present as number | undefined) ?? expected;
    const names = this.candidates.map((c) => c.name);
    const printed = spec.candidates ? [...spec.candidates] : ballotOrder(this.office, names);
    const seats = spec.seats ?? this.seats;
    const closed = status !== 'open';
    const issued = spec.ballotsIssued ?? (closed ? present : null);
    return world.write(async (trx) => {
      const election = await trx
        .selectFrom('elections')
        .selectAll()
        .where('id', '=', this.id)
        .executeTakeFirstOrThrow();
      const kind = spec.kind ?? 'formal';
      let result: RoundResult | null = null;
      if (COUNTED.has(status)) {
        result =
          spec.result ??
          tallyRound({
            ...buildRound({
              ruleSet: election.rule_set as Exclude<RuleSetId, 'custom'>,
              office: this.office,
              round: kind,
              seats,
              ...(spec.advance ? { advance: spec.advance } : {}),
              expected,
              present,
              issued: issued ?? present,
              candidates: printed,
              ballots: spec.ballots ?? [],
            }),
            approvedOrder: usesApprovedOrder(this.office)
              ? names.filter((n) => printed.includes(n))
              : printed,
            parameters: electionParameters(election),
          });
      }
      const row = roundRow({
        id: spec.id ?? world.id('round'),
        election_id: this.id,
        seq: spec.seq ?? (await nextPlace(trx, 'rounds', this.id)),
        kind,
        mode: spec.mode ?? this.mode,
        status,
        candidates_json: JSON.stringify(printed),
        seats,
        advance: spec.advance ?? null,
        expected,
        present,
        ballots_issued: issued,
        sitting_id: spec.sitting ?? this.sittingId,
        opened_at: spec.openedAt ?? world.at,
        closed_at: closed ? (spec.closedAt ?? world.at) : null,
        result_json: result ? JSON.stringify(result) : null,
        signed_off_at:
          status === 'signed-off' || status === 'announced' ? (spec.signedOffAt ?? world.at) : null,
        announced_at: status === 'announced' ? (spec.announcedAt ?? world.at) : null,
      });
      await insertRows(trx, 'rounds', [row]);
      if (presentIds) {
        await insertRows(
          trx,
          'round_presence',
          presentIds.map((delegate_id) => ({ round_id: row.id, delegate_id })),
        );
      }
      // As openRound does: voting has begun.
      if (election.status === 'preparing') {
        await trx.updateTable('elections').set({ status: 'in-progress' }).where('id', '=', this.id).execute();
      }
      return { id: row.id, electionId: this.id, candidates: printed, seats, status, result };
    });
  }
}
