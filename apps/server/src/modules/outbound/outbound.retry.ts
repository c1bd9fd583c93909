/** Retry schedule of the outbound worker: pure arithmetic, property-tested in outbound.retry.test.ts. */

/** Wait after the first failed attempt; each further failure doubles it. */
export const RETRY_BASE_MS = 30_000;
/** The wait never grows past this. */
export const RETRY_CAP_MS = 6 * 3600_000;
/**
 * How long a claimed delivery stays invisible to other workers. Longer than a batch can take (5 s per webhook,
 * a few per mail), so only a worker that died mid-send lets it come back; the receiver then deduplicates by
 * X-Shuren-Delivery.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** The wait before attempt `attempt + 1`, after `attempt` (≥ 1) attempts failed. */
export function retryDelayMs(attempt: number, base = RETRY_BASE_MS, cap = RETRY_CAP_MS): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  // 2 ** 60 is still exact in a double and far past any cap: no overflow to Infinity for large attempt counts.
  return Math.min(cap, base * 2 ** Math.min(attempt - 1, 60));
}

export type AfterFailure = { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date };

/**
 * What a failed attempt leads to: another try after the backoff, or `failed` once `maxAttempts` attempts were
 * made — or at once when retrying cannot help (`permanent`, e.g. the person has no email address).
 */
export function afterFailure(attempts: number, maxAttempts: number, now: Date, permanent = false): AfterFailure {
  if (permanent || attempts >= maxAttempts) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
