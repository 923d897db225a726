import type { Database } from '../../../../src/adapters/db/index.ts';
import { inTransaction } from '../../../../src/adapters/db/index.ts';
import { credentialHash } from '../../../../src/services/accounts/account-service.ts';
import type { Actor } from '../../../../src/services/actor.ts';
import { sealElectronicBallots } from '../../../../src/services/ballots/ballot-seal.ts';
import type { RandomSource } from '../../../../src/services/context.ts';
import { cryptoRandom } from '../../../../src/services/context.ts';
import { insertCountyCongress } from '../../../support/congress-fixtures.ts';

// Fixtures for electronic voting, written directly (no other service): a congress with
// delegations and delegates holding credential codes, an adopted method, an electronic election
// with its candidates, an open sitting, and an open electronic round with its round_presence.
// The benchmark (scripts/bench/evote-bench.ts) seeds its 3,000 delegates with the same code.

export interface SeedOptions {
  /** Keeps the ids of two seeded congresses apart. */
  readonly tag?: string;
  /** Delegates present at opening, with a vote (default 12). */
  readonly delegates?: number;
  /** Printed candidates (default 5). */
  readonly candidates?: number;
  readonly seats?: number;
  /** The election method allows write-ins (default true, the rule sets' default). */
  readonly writeIns?: boolean;
  readonly mode?: 'paper' | 'electronic';
  readonly kind?: 'formal' | 'preliminary' | 'runoff' | 'supplementary';
}

export interface SeededDelegate {
  readonly id: string;
  readonly name: string;
  /** The credential code on the delegate's card (what they log in with). */
  readonly credential: string;
  readonly delegation: string;
}

export interface ElectronicFixture {
  readonly congressId: string;
  readonly electionId: string;
  readonly sittingId: string;
  readonly roundId: string;
  /** Printed candidates in ballot order. */
  readonly candidates: readonly string[];
  readonly seats: number;
  /** Present when the vote opened, with a vote. */
  readonly delegates: readonly SeededDelegate[];
  /** Has a vote but was not present when the vote opened (no round_presence row). */
  readonly absent: SeededDelegate;
  /** Was present at opening, then lost the vote (voting_rights 0) [Q4]. */
  readonly suspended: SeededDelegate;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力林宁波';

/** `count` distinct Chinese names (all in the stroke data), starting at `offset` in the sequence. */
export function chineseNames(count: number, offset = 0): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = offset; names.length < count; i++) {
    const name =
      SURNAMES[i % SURNAMES.length]! +
      GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]! +
      GIVEN[(i * 7 + Math.floor(i / 1500)) % GIVEN.length]!;
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name);
  }
  return names;
}

const CREATED = '2026-09-26T08:00:00.000Z';
const CHUNK = 400;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function seedElectronicRound(
  database: Database,
  options: SeedOptions = {},
): Promise<ElectronicFixture> {
  const tag = options.tag ?? 'e';
  const id = (name: string) => `${tag}-${name}`;
  const present = options.delegates ?? 12;
  const candidateCount = options.candidates ?? 5;
  const seats = options.seats ?? Math.max(1, candidateCount - 2);
  const congressId = id('congress');
  const electionId = id('election');
  const sittingId = id('sitting');
  const roundId = id('round');
  // Candidates' names come after the delegates' in the sequence. openRound would print them in stroke
  // order [C3]; stored as given here, since the marks only need a fixed column order.
  const candidates = chineseNames(candidateCount, present + 2);
  const delegationNames = ['机关代表团', '教育代表团', '卫生代表团', '企业代表团'];
  const delegateNames = chineseNames(present + 2);
  const all: SeededDelegate[] = delegateNames.map((name, i) => ({
    id: id(`del-${i + 1}`),
    name,
    credential: `${tag}${String(i + 1).padStart(5, '0')}K`.toUpperCase(),
    delegation: delegationNames[i % delegationNames.length]!,
  }));
  const delegates = all.slice(0, present);
  const absent = all[present]!;
  const suspended = all[present + 1]!;

  await inTransaction(database, async (trx) => {
    await insertCountyCongress(trx, {
      tag,
      congressId,
      startsOn: '2026-09-26',
      endsOn: '2026-09-28',
      secretaryGeneral: null,
      createdAt: CREATED,
    });
    await trx
      .insertInto('delegations')
      .values(
        delegationNames.map((name, i) => ({
          id: id(`dlg-${i + 1}`),
          congress_id: congressId,
          name,
          sort_order: i + 1,
        })),
      )
      .execute();
    const delegationId = (name: string) => id(`dlg-${delegationNames.indexOf(name) + 1}`);
    await insertChunked(all, (chunk) =>
      trx
        .insertInto('delegates')
        .values(
          chunk.map((d) => ({
            id: d.id,
            congress_id: congressId,
            delegation_id: delegationId(d.delegation),
            code: d.id,
            name: d.name,
            gender: '男',
            ethnicity: '汉族',
            birth_date: null,
            joined_date: null,
            position: null,
            id_number: null,
            voting_rights: d === suspended ? 0 : 1,
            suspension_reason: d === suspended ? '停止行使表决权和选举权' : null,
            photo: null,
            credential_hash: credentialHash(congressId, d.credential),
            account_id: null,
            created_at: CREATED,
          })),
        )
        .execute(),
    );
    await trx
      .insertInto('sittings')
      .values({
        id: sittingId,
        congress_id: congressId,
        kind: 'plenary',
        title: '第二次全体会议',
        status: 'open',
        sort_order: 2,
        starts_at: null,
        ends_at: null,
        venue: null,
        presiding: null,
        opened_at: CREATED,
        closed_at: null,
      })
      .execute();
    await trx
      .insertInto('election_methods')
      .values({
        id: id('method'),
        congress_id: congressId,
        title: '选举办法',
        status: 'adopted',
        parameters_json: '{}',
        votes_for: present,
        votes_against: 0,
        votes_abstain: 0,
        expected: present + 2,
        body: null,
        adopted_at: CREATED,
      })
      .execute();
    await trx
      .insertInto('elections')
      .values({
        id: electionId,
        congress_id: congressId,
        office: 'committee-member',
        title: '选举中国共产党某县第十五届委员会委员',
        rule_set: 'local-congress',
        parameters_json: JSON.stringify(options.writeIns === false ? { writeIns: false } : {}),
        ballot_mode: options.mode ?? 'electronic',
        status: 'in-progress',
        seats,
        sort_order: 1,
        preliminary_advance: null,
        sitting_id: sittingId,
        method_id: id('method'),
      })
      .execute();
    await trx
      .insertInto('candidates')
      .values(
        candidates.map((name, i) => ({
          id: id(`cand-${i + 1}`),
          election_id: electionId,
          name,
          approved_rank: null,
          delegate_id: null,
          gender: i === 0 ? '女' : '男',
          ethnicity: '汉族',
          position: null,
        })),
      )
      .execute();
    await trx
      .insertInto('rounds')
      .values({
        id: roundId,
        election_id: electionId,
        seq: 1,
        kind: options.kind ?? 'formal',
        mode: options.mode ?? 'electronic',
        status: 'open',
        candidates_json: JSON.stringify(candidates),
        seats,
        advance: null,
        expected: present + 2,
        present: present + 1,
        ballots_issued: null,
        sitting_id: sittingId,
        opened_at: CREATED,
        closed_at: null,
        result_json: null,
        signed_off_at: null,
        announced_at: null,
      })
      .execute();
    // Present when the vote opened: the voting delegates, and the one whose rights were suspended since.
    await insertChunked([...delegates, suspended], (chunk) =>
      trx
        .insertInto('round_presence')
        .values(chunk.map((d) => ({ round_id: roundId, delegate_id: d.id })))
        .execute(),
    );
  });
  return { congressId, electionId, sittingId, roundId, candidates, seats, delegates, absent, suspended };
}

export function delegateActor(
  fixture: Pick<ElectronicFixture, 'congressId'>,
  delegate: SeededDelegate,
): Actor {
  return { kind: 'delegate', delegateId: delegate.id, congressId: fixture.congressId, name: delegate.name };
}

/**
 * Closes the round the way closeRound does for an electronic round (every elector present at
 * opening was issued a ballot), sealing its ballots in the same transaction [B4].
 */
export async function closeElectronicRound(
  database: Database,
  roundId: string,
  at = '2026-09-27T02:00:00.000Z',
): Promise<void> {
  await inTransaction(database, async (trx) => {
    const round = await trx
      .selectFrom('rounds')
      .select(['present'])
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('rounds')
      .set({ status: 'closed', closed_at: at, ballots_issued: round.present ?? 0 })
      .where('id', '=', roundId)
      .execute();
    await sealElectronicBallots(trx, roundId);
  });
}

/** Randomness whose receipt codes are given in advance (ids and bytes stay random). */
export function scriptedRandom(codes: readonly string[]): RandomSource {
  const queue = [...codes];
  return {
    id: cryptoRandom.id,
    bytes: cryptoRandom.bytes,
    code(length) {
      const next = queue.shift();
      if (next === undefined || next.length !== length)
        throw new Error(`no scripted code of length ${length} left`);
      return next;
    },
  };
}

/** Rows in the tables a cast writes to, and the audit log. */
export async function castCounts(
  database: Database,
): Promise<{ ballots: number; voters: number; audit: number }> {
  const count = async (table: 'electronic_ballots' | 'electronic_voters' | 'audit_log') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    ballots: await count('electronic_ballots'),
    voters: await count('electronic_voters'),
    audit: await count('audit_log'),
  };
}
