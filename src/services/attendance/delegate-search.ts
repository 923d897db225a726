import type { Kysely } from 'kysely';
import type { SearchCandidate, SearchResult } from '../../contract/attendance.ts';
import { stripAnnotations } from '../../core/names/index.ts';
import type { Schema } from '../../persistence/schema.ts';
import { matchPinyin, pinyinReadings } from './pinyin-keys.ts';
import { sittingOfCongress } from './sitting-lookup.ts';

export const SEARCH_LIMIT = 10;

// Tiers of a match, best first: a code read off the card beats everything, then the name as typed,
// then pinyin. Within a tier, by code (the order of the printed list).
const Tier = {
  CodeExact: 0,
  NameExact: 1,
  NamePrefix: 2,
  PinyinExact: 3,
  CodePrefix: 4,
  NameContains: 5,
  PinyinPrefix: 6,
  CodeContains: 7,
} as const;
type Tier = (typeof Tier)[keyof typeof Tier];

const HAN = /\p{Script=Han}/u;

interface Query {
  /** As typed, lower case, annotations dropped. */
  readonly text: string;
  /** Holds Chinese characters: matched against names only. */
  readonly han: boolean;
  /** Its letters, for pinyin. */
  readonly letters: string;
  /** Upper case, for codes. */
  readonly code: string;
  /** Holds a digit: may be part of a code. */
  readonly digits: boolean;
}

/** The tier at which `query` matches the delegate, or undefined. */
function tierOf(query: Query, name: string, code: string): Tier | undefined {
  const upperCode = code.toUpperCase();
  if (query.code !== '' && upperCode === query.code) return Tier.CodeExact;
  if (query.han) {
    const plain = stripAnnotations(name);
    if (plain === query.text) return Tier.NameExact;
    if (plain.startsWith(query.text)) return Tier.NamePrefix;
    if (plain.includes(query.text)) return Tier.NameContains;
    return undefined;
  }
  let best: Tier | undefined;
  if (query.code !== '' && upperCode.startsWith(query.code)) best = Tier.CodePrefix;
  if (query.letters !== '' && query.letters.length === query.text.length) {
    const match = matchPinyin(pinyinReadings(name), query.letters);
    if (match === 'exact') return Tier.PinyinExact;
    if (match === 'prefix' && best === undefined) best = Tier.PinyinPrefix;
  }
  // The number on the card without its prefix or leading zeros: 17 finds A0017.
  if (best === undefined && query.digits && query.code.length >= 2 && upperCode.includes(query.code)) {
    best = Tier.CodeContains;
  }
  return best;
}

/**
 * The desk's name search: by characters of the name (王小, 小强), by pinyin initials (wxq), by full
 * pinyin or its prefix (wangxiaoq), or by code. At most ten candidates, each with what the desk
 * needs to tell namesakes apart (delegation, code, photo) and their status in the sitting.
 *
 * Speed: one narrow query loads the congress's roster (id, name, code), matching runs in memory
 * over pinyin readings cached per name (pinyin-keys.ts), and a second query fetches the details
 * of the ≤10 matches only. Measured in scripts/bench/checkin-bench.ts for 3,000 delegates.
 */
export async function searchDelegates(
  db: Kysely<Schema>,
  congressId: string,
  sittingId: string,
  rawQuery: string,
): Promise<SearchResult> {
  await sittingOfCongress(db, congressId, sittingId);
  const text = stripAnnotations(rawQuery.normalize('NFKC'));
  if (text === '') return { candidates: [], more: false };
  const query: Query = {
    text: text.toLowerCase(),
    han: HAN.test(text),
    letters: text.toLowerCase().replace(/[^a-z]/g, ''),
    code: text.toUpperCase(),
    digits: /\d/.test(text),
  };
  const roster = await db
    .selectFrom('delegates')
    .select(['id', 'name', 'code'])
    .where('congress_id', '=', congressId)
    .execute();
  const matches: { id: string; code: string; tier: Tier }[] = [];
  let slice = performance.now();
  for (const [index, row] of roster.entries()) {
    const tier = tierOf(query, row.name, row.code);
    if (tier !== undefined) matches.push({ id: row.id, code: row.code, tier });
    // The first search of a process converts every name to pinyin (a few hundred ms for 3,000):
    // let the other desks' requests through meanwhile instead of blocking the server.
    if (index % 128 === 127 && performance.now() - slice > 20) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  matches.sort((a, b) => a.tier - b.tier || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const chosen = matches.slice(0, SEARCH_LIMIT);
  if (chosen.length === 0) return { candidates: [], more: false };
  const details = await db
    .selectFrom('delegates as d')
    .leftJoin('delegations as g', 'g.id', 'd.delegation_id')
    .leftJoin('attendance as a', (join) =>
      join.onRef('a.delegate_id', '=', 'd.id').on('a.sitting_id', '=', sittingId),
    )
    .select([
      'd.id',
      'd.name',
      'd.code',
      'd.voting_rights',
      'g.name as delegation',
      (eb) => eb.case().when('d.photo', 'is not', null).then(1).else(0).end().as('has_photo'),
      'a.status',
      'a.checked_in_at',
      'a.desk',
      'a.leave_reason',
    ])
    .where(
      'd.id',
      'in',
      chosen.map((match) => match.id),
    )
    .execute();
  const byId = new Map(details.map((row) => [row.id, row]));
  const candidates = chosen.flatMap((match) => {
    const row = byId.get(match.id);
    if (!row) return [];
    const status = row.status ?? 'absent';
    return [
      {
        id: row.id,
        name: row.name,
        code: row.code,
        delegation: row.delegation,
        hasPhoto: Number(row.has_photo) === 1,
        votingRights: row.voting_rights === 1,
        status,
        checkedInAt: status === 'present' ? row.checked_in_at : null,
        desk: row.desk,
        leaveReason: status === 'leave' ? row.leave_reason : null,
      },
    ];
  });
  return { candidates, more: matches.length > SEARCH_LIMIT };
}

export type { SearchCandidate, SearchResult };
