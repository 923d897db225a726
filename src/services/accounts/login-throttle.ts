import type { Clock } from '../context.ts';

/**
 * Login rate limiting: after `limit` failures for one key (username, or address) within
 * `windowMs`, further attempts are refused until the oldest failure ages out. In memory: one
 * server process owns the database, and a restart forgetting failures is acceptable.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limit = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Milliseconds until the key may try again, or 0. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    return recent[0]! + this.windowMs - this.clock.now().getTime();
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now().getTime());
    this.failures.set(key, recent);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((time) => time > since);
  }
}
