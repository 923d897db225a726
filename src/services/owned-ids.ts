import type { Kysely } from 'kysely';
import type { Schema } from '../persistence/schema.ts';
import { InputError } from './input-error.ts';

// Ids in a request body must name rows of the congress (or term, or meeting) the path names
// (issue 13, item 11): a candidate's delegateId or an election's sittingId from another congress
// was stored as given. Every service that takes ids in a body checks them here, in one query per
// kind, and a stranger is a 400 naming the field as the request spelled it
// (body.candidates[3].delegateId), before anything is written.

type Reader = Kysely<Schema>;

/** One id of a body and where it was: `{ field: 'body.sittingId', id }`. Null and undefined are skipped. */
export interface IdAt {
  readonly field: string;
  readonly id: string | null | undefined;
}

/** The ids at `key` of each item of a list: `body.candidates[3].delegateId`. */
export function idsAt<T, K extends keyof T & string>(field: string, items: readonly T[], key: K): IdAt[] {
  return items.map((item, index) => ({
    field: `${field}[${index}].${key}`,
    id: item[key] as string | null | undefined,
  }));
}

/** The ids of a list of ids: `body.delegateIds[2]`. */
export function idsIn(field: string, ids: readonly string[]): IdAt[] {
  return ids.map((id, index) => ({ field: `${field}[${index}]`, id }));
}

interface Kind {
  readonly en: string;
  readonly zh: string;
  /** Not scoped: any row of the kind will do. */
  readonly global?: boolean;
  /** Of `ids`, those that belong to one of `scopes`. */
  readonly found: (
    db: Reader,
    scopes: readonly string[],
    ids: readonly string[],
  ) => Promise<{ id: string }[]>;
}

const KINDS = {
  /** A delegate of the congress (or of one of the congresses, for a term). */
  delegate: {
    en: 'a delegate of this congress',
    zh: '本次会议的代表',
    found: (db, scopes, ids) =>
      db
        .selectFrom('delegates')
        .select('id')
        .where('congress_id', 'in', scopes)
        .where('id', 'in', ids)
        .execute(),
  },
  sitting: {
    en: 'a sitting of this congress',
    zh: '本次会议的会次',
    found: (db, scopes, ids) =>
      db
        .selectFrom('sittings')
        .select('id')
        .where('congress_id', 'in', scopes)
        .where('id', 'in', ids)
        .execute(),
  },
  election: {
    en: 'an election of this congress',
    zh: '本次会议的选举',
    found: (db, scopes, ids) =>
      db
        .selectFrom('elections')
        .select('id')
        .where('congress_id', 'in', scopes)
        .where('id', 'in', ids)
        .execute(),
  },
  /** A topic of the term. */
  topic: {
    en: 'a topic of this term',
    zh: '本届的议题',
    found: (db, scopes, ids) =>
      db.selectFrom('topics').select('id').where('term_id', 'in', scopes).where('id', 'in', ids).execute(),
  },
  /** A topic on the meeting's agenda. */
  'agenda-topic': {
    en: "a topic on this meeting's agenda",
    zh: '本次会议议程中的议题',
    found: (db, scopes, ids) =>
      db.selectFrom('topics').select('id').where('meeting_id', 'in', scopes).where('id', 'in', ids).execute(),
  },
  /** Any organisation (they are not scoped). */
  organisation: {
    en: 'an organisation',
    zh: '党组织',
    global: true,
    found: (db, _scopes, ids) => db.selectFrom('organisations').select('id').where('id', 'in', ids).execute(),
  },
  /** Any term. */
  term: {
    en: 'a term of a committee',
    zh: '届次',
    global: true,
    found: (db, _scopes, ids) => db.selectFrom('terms').select('id').where('id', 'in', ids).execute(),
  },
} satisfies Record<string, Kind>;

export type OwnedKind = keyof typeof KINDS;

/**
 * Refuses (InputError on the first stranger's field) unless every id names a row of `kind` in
 * one of the `scopes`: the congress, the congresses of a term, the term, the meeting (ignored for
 * organisations and terms, which any will do). Call it
 * inside the write's transaction (`db` = trx), so nothing is stored when it refuses.
 */
export async function requireOwnedIds(
  db: Reader,
  kind: OwnedKind,
  scopes: string | readonly string[],
  refs: readonly IdAt[],
): Promise<void> {
  const given = refs.filter((ref): ref is IdAt & { id: string } => typeof ref.id === 'string');
  if (given.length === 0) return;
  const { en, zh, found, global } = KINDS[kind] as Kind;
  const scopeList = typeof scopes === 'string' ? [scopes] : scopes;
  const ids = [...new Set(given.map((ref) => ref.id))];
  const rows = scopeList.length === 0 && !global ? [] : await found(db, scopeList, ids);
  const owned = new Set(rows.map((row) => row.id));
  const stranger = given.find((ref) => !owned.has(ref.id));
  if (stranger) throw new InputError(stranger.field, `is not ${en}`, `不是${zh}`);
}

/**
 * The congresses whose delegates and elections belong to a term: the congress that elected it
 * and the term's own meetings (plenaries, standing committee meetings).
 */
export async function congressesOfTerm(db: Reader, termId: string): Promise<string[]> {
  const term = await db
    .selectFrom('terms')
    .select('elected_by_congress_id')
    .where('id', '=', termId)
    .executeTakeFirst();
  const meetings = await db.selectFrom('congresses').select('id').where('term_id', '=', termId).execute();
  return [
    ...(term?.elected_by_congress_id ? [term.elected_by_congress_id] : []),
    ...meetings.map((row) => row.id),
  ];
}
