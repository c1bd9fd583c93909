import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from './outbound.retry.js';

describe('outbound retry schedule', () => {
  it('waits 30 s after the first failure and doubles each time up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(100)).toBe(RETRY_CAP_MS);
    expect(() => retryDelayMs(0)).toThrow(RangeError);
  });

  it('never waits less than the base or more than the cap, and never less than after an earlier failure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        const d = retryDelayMs(n);
        return Number.isFinite(d) && d >= RETRY_BASE_MS && d <= RETRY_CAP_MS && d >= retryDelayMs(Math.max(1, n - 1));
      }),
    );
  });

  it('gives up exactly when the attempts are used up, or at once when retrying cannot help', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (attempts, max, permanent, now) => {
        const out = afterFailure(attempts, max, now, permanent);
        if (permanent || attempts >= max) return out.status === 'failed';
        return out.status === 'pending' && out.nextAttemptAt.getTime() - now.getTime() === retryDelayMs(attempts);
      }),
    );
  });

  it('a delivery that always fails is attempted exactly maxAttempts times', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (max) => {
        let attempts = 0;
        let now = new Date('2026-01-05T02:00:00Z');
        for (;;) {
          attempts++;
          const out = afterFailure(attempts, max, now);
          if (out.status === 'failed') break;
          expect(out.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
          now = out.nextAttemptAt;
        }
        return attempts === max;
      }),
    );
  });
});
