import type { Db } from '../../db/client.js';
import { PermanentDeliveryError, type OutboundChannel } from './outbound.channels.js';
import * as repo from './outbound.repository.js';
import { afterFailure, CLAIM_LEASE_MS } from './outbound.retry.js';

export interface DeliverResult {
  claimed: number;
  sent: number;
  /** Failed this time, tried again later. */
  retried: number;
  /** Given up: attempts used up, or retrying cannot help. */
  failed: number;
}

export interface DeliverOptions {
  maxAttempts: number;
  /** Rows claimed per round (default 50). */
  batch?: number;
  /** Rounds per call while full batches keep coming (default 10), so one call stays bounded. */
  rounds?: number;
  /** Sends in flight at once (default 4). */
  concurrency?: number;
  log?: { warn: (...a: any[]) => void; info?: (...a: any[]) => void };
}

function message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text || 'unknown error').slice(0, 1000);
}

/**
 * One pass of the outbound worker: claim due deliveries (FOR UPDATE SKIP LOCKED plus a lease, so several instances
 * never send the same row), send each through its channel, and record the outcome — sent, retry later with
 * exponential backoff, or failed with the last error once the attempts run out. A worker that dies mid-send leaves
 * its rows to come back when the lease ends; the receiver deduplicates by the delivery id.
 */
export async function deliverOutbound(db: Db, channels: OutboundChannel[], now: Date, opts: DeliverOptions): Promise<DeliverResult> {
  const result: DeliverResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const byName = new Map(channels.map((c) => [c.name as string, c]));
  if (byName.size === 0) return result;
  const batch = opts.batch ?? 50;
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  for (let round = 0; round < (opts.rounds ?? 10); round++) {
    const jobs = await repo.claimDue(db, [...byName.keys()], now, new Date(now.getTime() + CLAIM_LEASE_MS), batch);
    result.claimed += jobs.length;
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        try {
          await byName.get(job.channel)!.send(job);
          if (await repo.markSent(db, job, now)) result.sent++;
        } catch (err) {
          const error = message(err);
          const outcome = afterFailure(job.attempts, opts.maxAttempts, now, err instanceof PermanentDeliveryError);
          if (outcome.status === 'failed') {
            if (await repo.markFailed(db, job, error)) result.failed++;
            opts.log?.warn({ delivery: job.id, channel: job.channel, attempts: job.attempts, error }, 'outbound delivery failed for good');
          } else {
            if (await repo.markRetry(db, job, outcome.nextAttemptAt, error)) result.retried++;
            opts.log?.info?.({ delivery: job.id, channel: job.channel, attempts: job.attempts, error, retryAt: outcome.nextAttemptAt.toISOString() }, 'outbound delivery will be retried');
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
    if (jobs.length < batch) break;
  }
  return result;
}
