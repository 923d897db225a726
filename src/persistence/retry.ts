// PostgreSQL aborts a transaction with 40001 (serialization_failure) when a SERIALIZABLE
// transaction cannot be ordered after the others, and with 40P01 (deadlock_detected) when it was
// chosen as a deadlock victim. Both mean "nothing happened, run it again". Re-running is safe
// because a transaction function only talks to the database it was given; it must not send mail
// or print before it returns.

const RETRYABLE = new Set(['40001', '40P01']);

export function isSerializationFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

export type RetryOptions = {
  /** Total tries including the first (default 10). */
  attempts?: number;
  /** First back-off in ms; doubles per retry up to maxDelayMs, with full jitter (default 5). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Told about each retry, e.g. to count them in a benchmark. */
  onRetry?: (attempt: number, error: unknown) => void;
};

/** Runs `fn`, re-running the whole of it after a serialization failure or deadlock. */
export async function retryOnSerializationFailure<T>(
  fn: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 10;
  const base = options.baseDelayMs ?? 5;
  const max = options.maxDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isSerializationFailure(error) || attempt >= attempts) throw error;
      options.onRetry?.(attempt, error);
      // Full jitter: transactions that collided once should not collide again in lockstep.
      const ceiling = Math.min(max, base * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
