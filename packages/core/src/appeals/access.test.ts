import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROCKFORD, normaliseTrackingCode, trackingCodeAt, trackingCodeFrom } from './access.js';

const DAY = 86_400_000;
/** Any instant from 2020 to 2040. */
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) });
const fiveBytes = fc.uint8Array({ minLength: 5, maxLength: 5 });
/** The calendar day in Asia/Shanghai, as a resident would name it. */
const shanghaiDate = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

describe('tracking codes', () => {
  it('are ten Crockford characters that survive what a resident types back', () => {
    fc.assert(
      fc.property(instant, fiveBytes, (at, bytes) => {
        const code = trackingCodeAt(at, bytes);
        expect(code).toMatch(new RegExp(`^[${CROCKFORD}]{10}$`));
        expect(normaliseTrackingCode(code.toLowerCase().replace(/(.{5})/, '$1-'))).toBe(code);
      }),
    );
  });

  it('start with the same two characters for a whole Shanghai day, and with other ones the next day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: DAY - 1 }), fiveBytes, fiveBytes, (at, offset, a, b) => {
        const other = at + offset;
        const sameDay = shanghaiDate(at) === shanghaiDate(other);
        expect(trackingCodeAt(at, a).slice(0, 2) === trackingCodeAt(other, b).slice(0, 2)).toBe(sameDay);
        expect(trackingCodeAt(at, a).slice(0, 2)).not.toBe(trackingCodeAt(at + DAY, a).slice(0, 2));
      }),
    );
  });

  it('come back to the same day pair only after 1,024 days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 1023 }), fiveBytes, (at, days, bytes) => {
        expect(trackingCodeAt(at + 1024 * DAY, bytes)).toBe(trackingCodeAt(at, bytes));
        expect(trackingCodeAt(at + days * DAY, bytes)).not.toBe(trackingCodeAt(at, bytes));
      }),
    );
  });

  it('carry all forty random bits: two different draws on one day never give the same code', () => {
    fc.assert(
      fc.property(instant, fiveBytes, fiveBytes, (at, a, b) => {
        fc.pre(a.some((x, i) => x !== b[i]));
        expect(trackingCodeAt(at, a)).not.toBe(trackingCodeAt(at, b));
        expect(trackingCodeAt(at, a).slice(2)).toBe(trackingCodeFrom(a, 8));
      }),
    );
  });

  it('name 2025-01-01 in Shanghai as day 0, from its first minute', () => {
    const zero = new Uint8Array(5);
    expect(trackingCodeAt(Date.UTC(2024, 11, 31, 16, 0), zero)).toBe('0000000000');
    expect(trackingCodeAt(Date.UTC(2024, 11, 31, 15, 59), zero)).toBe('ZZ00000000');
    expect(trackingCodeAt(Date.UTC(2025, 0, 1, 16, 0), zero)).toBe('0100000000');
  });
});
