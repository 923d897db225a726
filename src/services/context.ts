import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../persistence/index.ts';
import type { EventHub } from './event-types.ts';

/** The clock, injected so tests and the audit log agree on time. */
export interface Clock {
  now(): Date;
}

/** Randomness, injected: ids, receipt codes, credentials, session tokens. */
export interface RandomSource {
  /** An opaque id for a row (128 bits, URL-safe). */
  id(): string;
  /** A code people type or read: `length` characters from an alphabet without look-alikes. */
  code(length: number): string;
  /** Raw bytes, for session tokens. */
  bytes(length: number): Buffer;
}

/** Everything a service needs from outside: the database, the clock, randomness and the event bus. */
export interface ServiceContext {
  readonly database: Database;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly events: EventHub;
}

export const systemClock: Clock = { now: () => new Date() };

// No 0/O, 1/I/L: codes are read aloud and typed at a desk.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const cryptoRandom: RandomSource = {
  id: () => randomBytes(16).toString('base64url'),
  code(length) {
    // Rejection sampling keeps every character equally likely.
    let out = '';
    while (out.length < length) {
      for (const byte of randomBytes(length * 2)) {
        if (byte < 256 - (256 % CODE_ALPHABET.length) && out.length < length)
          out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      }
    }
    return out;
  },
  bytes: (length) => randomBytes(length),
};

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The time as stored: ISO-8601 UTC, as Date#toISOString writes it. */
export function nowIso(context: Pick<ServiceContext, 'clock'>): string {
  return context.clock.now().toISOString();
}
