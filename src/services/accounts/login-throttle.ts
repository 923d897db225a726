import type { Clock } from '../context.ts';
import { ServiceError } from '../errors.ts';

// Slowing down password and code guessing without locking out the rightful user (issue 13, item 8).
//
// Each attempt names its keys: the account and the address for staff, the address within the
// congress for delegates (so a desk's typos never slow the delegates at the next table, nor the
// other way round). After a few failures on a key, every further attempt on it waits before it is
// checked, twice as long after each failure up to the key's cap: a delay, never a refusal of the
// right password. The account's cap is short, so that someone guessing at an account from
// elsewhere costs its owner seconds, not minutes; the address's is longer, and an address under
// suspicion may keep only a few attempts waiting at once (more are refused with 429), so that one
// machine cannot guess in parallel either — while an address without failures is never refused. A success forgets the account's failures; an address's fade with time.
//
// The throttle is an interface: this server keeps it in memory (one process owns the database; a
// restart forgetting failures is acceptable). Several instances behind one proxy would share an
// implementation kept in the database or a cache.

export interface ThrottleKey {
  /** `staff-account:王宁`, `staff-address:10.0.0.7`, `delegate-address:<congress>:10.0.0.7`. */
  readonly name: string;
  /** The longest a failure on this key delays an attempt. */
  readonly maxDelayMs: number;
  /** At most this many attempts may wait on the key at once (default: no limit). */
  readonly maxWaiting?: number;
  /** A success forgets the key's failures (accounts); otherwise they fade with time (addresses). */
  readonly clearOnSuccess?: boolean;
}

export interface LoginThrottle {
  /**
   * Waits as the keys' recent failures ask, then runs `check`: a result is a success, null a
   * failure, and both are remembered. Refuses (429 too-many-attempts) when a key already has its
   * most attempts waiting.
   */
  attempt<T>(keys: readonly ThrottleKey[], check: () => Promise<T | null>): Promise<T | null>;
}

export interface ThrottleOptions {
  /** Failures on a key before attempts wait (default 5). */
  readonly free?: number;
  /** The first wait (default 1 s); it doubles with each further failure, up to the key's cap. */
  readonly firstDelayMs?: number;
  /** Failures older than this are forgotten (default 15 minutes). */
  readonly windowMs?: number;
  /** How to wait (default a timer); tests pass one that moves their clock. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Failures kept per key, and keys kept before the faded ones are swept out. */
const KEPT = 64;
const MAX_KEYS = 10_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Delays for the staff login: the account's from anywhere, and the address's. */
export const STAFF_KEYS = {
  account: (username: string): ThrottleKey => ({
    name: `staff-account:${username}`,
    maxDelayMs: 8_000,
    clearOnSuccess: true,
  }),
  address: (address: string): ThrottleKey => ({
    name: `staff-address:${address}`,
    maxDelayMs: 30_000,
    maxWaiting: 4,
  }),
};

/** The delegates' login (a code on a card): by address within the congress. */
export const delegateAddressKey = (congressId: string, address: string): ThrottleKey => ({
  name: `delegate-address:${congressId}:${address}`,
  maxDelayMs: 30_000,
  maxWaiting: 4,
});

/** The throttle in this process's memory. */
export class MemoryLoginThrottle implements LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly waiting = new Map<string, number>();
  private readonly free: number;
  private readonly firstDelayMs: number;
  private readonly windowMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly clock: Clock,
    options: ThrottleOptions = {},
  ) {
    this.free = options.free ?? 5;
    this.firstDelayMs = options.firstDelayMs ?? 1000;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.sleep = options.sleep ?? realSleep;
  }

  /** How long an attempt on the key would wait now. */
  delayOf(key: ThrottleKey): number {
    const over = this.recent(key.name).length - this.free;
    if (over < 0) return 0;
    return Math.min(key.maxDelayMs, this.firstDelayMs * 2 ** Math.min(over, 30));
  }

  async attempt<T>(keys: readonly ThrottleKey[], check: () => Promise<T | null>): Promise<T | null> {
    const delay = Math.max(0, ...keys.map((key) => this.delayOf(key)));
    // Only attempts that must wait count against a key's limit: a key without recent failures
    // (a hall's phones behind one address, delegates logging in at the same moment) is never
    // refused, however many of its attempts are checked at once.
    const delayed = keys.filter((key) => this.delayOf(key) > 0);
    const full = delayed.find((key) => key.maxWaiting !== undefined && this.waitingOn(key) >= key.maxWaiting);
    if (full) throw tooManyAttempts(Math.max(delay, this.firstDelayMs));
    for (const key of delayed) this.waiting.set(key.name, this.waitingOn(key) + 1);
    try {
      if (delay > 0) await this.sleep(delay);
      const result = await check();
      if (result === null) {
        const now = this.clock.now().getTime();
        if (this.failures.size > MAX_KEYS) this.forgetOld();
        // The delay stops growing at its cap; the failures beyond that need not be kept.
        for (const key of keys) this.failures.set(key.name, [...this.recent(key.name), now].slice(-KEPT));
      } else {
        for (const key of keys) if (key.clearOnSuccess) this.failures.delete(key.name);
      }
      return result;
    } finally {
      for (const key of delayed) {
        const left = this.waitingOn(key) - 1;
        if (left > 0) this.waiting.set(key.name, left);
        else this.waiting.delete(key.name);
      }
    }
  }

  /** Drops every key whose failures have all faded (someone trying many names keeps many keys). */
  private forgetOld(): void {
    for (const name of [...this.failures.keys()]) this.recent(name);
  }

  private waitingOn(key: ThrottleKey): number {
    return this.waiting.get(key.name) ?? 0;
  }

  private recent(name: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs;
    const recent = (this.failures.get(name) ?? []).filter((time) => time > since);
    if (recent.length === 0) this.failures.delete(name);
    return recent;
  }
}

/** The in-memory throttle under its old name: `new LoginThrottle(clock)`. */
export const LoginThrottle = MemoryLoginThrottle;

function tooManyAttempts(retryAfterMs: number): ServiceError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return new ServiceError(
    429,
    'too-many-attempts',
    `too many login attempts at once from this address; try again in ${seconds} s`,
    `该地址同时登录尝试过多，请${seconds}秒后再试`,
  );
}
