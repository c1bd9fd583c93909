import { describe, expect, it } from 'vitest';
import { randomBytesPooled, uuidv7 } from './ids.js';

describe('ids from the pooled random source', () => {
  it('uuidv7: version 7, RFC variant, the current time, strictly increasing and never repeated', () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms(ids[0])).toBeGreaterThanOrEqual(before);
    expect(ms(ids.at(-1)!)).toBeLessThanOrEqual(after);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hands out every byte once, across refills of the pool', () => {
    // 1,200 draws of 7 bytes cross the 4 KB pool twice; 56-bit draws repeating would mean bytes handed out twice.
    const draws = Array.from({ length: 1200 }, () => Buffer.from(randomBytesPooled(7)).toString('hex'));
    expect(draws.every((d) => d.length === 14)).toBe(true);
    expect(new Set(draws).size).toBe(draws.length);
    // A draw is a copy: changing it does not change the next one.
    const a = randomBytesPooled(16);
    a.fill(0);
    expect(randomBytesPooled(16).some((b) => b !== 0)).toBe(true);
  });

  it('refuses a draw larger than the pool', () => {
    expect(() => randomBytesPooled(4097)).toThrow(RangeError);
  });
});
