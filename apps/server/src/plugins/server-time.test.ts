import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.js';

/** The countdowns in the browser run on the server's clock: every answer carries it, refusals too. */
describe('X-Server-Time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('is the app clock in milliseconds on answers, refusals and the health check, and follows a moved clock', async () => {
    t.clock.current = new Date('2026-05-06T01:02:03.456Z');
    const stamp = async (url: string, expected: number) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(expected);
      return Number(res.headers['x-server-time']);
    };
    expect(await stamp('/healthz', 200)).toBe(Date.parse('2026-05-06T01:02:03.456Z'));
    expect(await stamp('/api/v1/appeals', 401)).toBe(Date.parse('2026-05-06T01:02:03.456Z'));
    expect(await stamp('/api/v1/no-such-thing', 404)).toBe(Date.parse('2026-05-06T01:02:03.456Z'));
    t.clock.advance(3 * 86_400_000);
    expect(await stamp('/healthz', 200)).toBe(Date.parse('2026-05-09T01:02:03.456Z'));
  });
});
