import { createHash } from 'node:crypto';
import { hash, hashSync, verify } from '@node-rs/argon2';

// How a delegate's credential code is stored (issue 13 item 13; here, below the services, because
// migration 0010 rewrites the hashes of earlier versions with it): a salted, slow hash, as for
// passwords (passwords.ts), behind a short lookup prefix that finds the candidate rows of a login.
//
//   delegates.credential_hash = <lookup><argon2id PHC string>, e.g. 3f8$argon2id$v=19$m=4096,…
//   digest = sha256(congressId:normalised code)       (what earlier versions stored as the hash)
//   lookup = the first 3 hex digits of sha256("lookup:" + digest)   — 12 bits, 4,096 buckets
//   PHC    = argon2id(digest), its own random 16-byte salt per credential
//
// A login computes the digest and the lookup (microseconds), reads the congress's rows in that
// bucket (an index on the expression, migration 0010; at 3,000 delegates 0.7 a bucket on average)
// and verifies the argon2id hash of each: about one slow hash a login. An attacker holding the
// file gets 12 bits for the price of a sha256 and must pay argon2id for the rest: a code is 10
// characters of a 31-letter alphabet (49.5 bits), so 2^37.5 argon2id hashes per delegate, each
// salted for that credential alone (no table, no attacking 3,000 delegates at once).
//
// Parameters: argon2id, m = 4 MiB, t = 2, p = 1. Measured on the 2-core test machine under load
// (npm test of other work running, load ~9): 4 ms a hash on one thread, 400 verifications a second
// in parallel — 3,000 logins cost 7.5 s of CPU spread over the check-in, and issuing 3,000 cards
// about 6–12 s. The password default (19 MiB, t = 2) measured 63–75 ms a hash: 3,000 logins would
// take over three minutes of both cores. At 2^37.5 guesses × 4 ms, one delegate's code costs about
// 17 core-years. The parameters are in each hash, so raising them later needs no migration.
export const CREDENTIAL_ARGON2 = { memoryCost: 4096, timeCost: 2, parallelism: 1 } as const;

const LOOKUP_HEX = 3;

/** Normalises a credential code as delegates type it: case and separators do not matter. */
export function normaliseCredential(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The code bound to its congress: the slow hash's input (and the whole hash of earlier versions). */
export function credentialDigest(congressId: string, code: string): string {
  return sha256(`${congressId}:${normaliseCredential(code)}`);
}

function lookupOfDigest(digest: string): string {
  return sha256(`lookup:${digest}`).slice(0, LOOKUP_HEX);
}

/** The bucket a login looks in: compare with credentialLookupOf(credential_hash). */
export function credentialLookup(congressId: string, code: string): string {
  return lookupOfDigest(credentialDigest(congressId, code));
}

/** The lookup prefix of a stored credential hash (what the index holds: substr(hash, 1, 3)). */
export function credentialLookupOf(stored: string): string {
  return stored.slice(0, LOOKUP_HEX);
}

export const CREDENTIAL_LOOKUP_LENGTH = LOOKUP_HEX;

/** The stored form of a code; off the event loop (the argon2 thread pool). */
export async function hashCredential(congressId: string, code: string): Promise<string> {
  return storedFromDigest(credentialDigest(congressId, code));
}

/** The stored form of a digest: a credential stored by an earlier version (migration 0010). */
export async function storedFromDigest(digest: string): Promise<string> {
  return `${lookupOfDigest(digest)}${await hash(digest, CREDENTIAL_ARGON2)}`;
}

/**
 * hashCredential, blocking (4 ms): for seeding and tests that write rows directly. `salt` (16
 * bytes or more) only where a seeded demo must come out byte for byte the same on every run;
 * otherwise a random one.
 */
export function hashCredentialSync(congressId: string, code: string, salt?: Uint8Array): string {
  const digest = credentialDigest(congressId, code);
  return `${lookupOfDigest(digest)}${hashSync(digest, { ...CREDENTIAL_ARGON2, ...(salt ? { salt } : {}) })}`;
}

/** Whether `stored` (a credential_hash) is the hash of `code` in the congress. */
export async function credentialMatches(stored: string, congressId: string, code: string): Promise<boolean> {
  const digest = credentialDigest(congressId, code);
  if (credentialLookupOf(stored) !== lookupOfDigest(digest)) return false;
  try {
    return await verify(stored.slice(LOOKUP_HEX), digest);
  } catch {
    return false;
  }
}

// A credential hash of a code nobody has, verified when a login's bucket is empty, so that an
// empty bucket answers as slowly as a full one.
const DUMMY = hashSync('no credential', CREDENTIAL_ARGON2);

/** Burns one verification's time (see DUMMY). */
export async function verifyNothing(): Promise<void> {
  await verify(DUMMY, 'nothing').catch(() => false);
}
