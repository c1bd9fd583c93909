import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { RegionStats } from '@shuren/core';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { people, regions, roleAssignments } from '../../db/schema/index.js';
import { compareFigures } from '../../seed/check.js';
import { SPECS, expectedFigures } from '../../seed/scales.js';
import { shanghaiDay } from '../../shared/time.js';

const DAY = 24 * 3600_000;

describe('GET /api/v1/regions/:id/stats', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const stats = async (code: string, cookie: string) => t.app.inject({ method: 'GET', url: `/api/v1/regions/${ids[code] ?? code}/stats`, headers: { cookie } });
  const figure = (body: RegionStats, key: string) => body.figures.find((f) => f.key === key)!;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    for (const r of await t.database.db.select({ id: regions.id, code: regions.code }).from(regions)) ids[r.code] = r.id;
  });
  afterAll(async () => t?.close());

  it('shows the subdistrict exactly the figures of the small spec, including every module’s', async () => {
    const res = await stats('GC', admin);
    expect(res.statusCode).toBe(200);
    const body = res.json() as RegionStats;
    expect(body.region).toEqual({ id: ids.GC, name: '桂城街道', level: 'subdistrict' });
    expect(body.asOf).toBe(shanghaiDay(t.clock.now()));
    const bad = compareFigures(SPECS.small, body.figures).filter((l) => !l.ok);
    expect(bad).toEqual([]);
    // Drill-down paths name the region.
    expect(figure(body, 'households').listPath).toBe(`/api/v1/households?regionId=${ids.GC}`);
    expect(figure(body, 'three_heads').breakdown!.find((b) => b.key === 'building_head')!.listPath).toBe(`/api/v1/people?role=building_head&regionId=${ids.GC}`);
    expect(figure(body, 'regions.grid3').listPath).toBe(`/api/v1/regions?level=grid3&regionId=${ids.GC}`);
    // 三长 by community: one line per community, adding up to the total.
    const byCommunity = figure(body, 'three_heads.by_child');
    expect(byCommunity.breakdown!.map((b) => b.key)).toEqual(['GC-C01', 'GC-C02', 'GC-C03']);
    expect(byCommunity.value).toBe(expectedFigures(SPECS.small).three_heads.value);
  });

  it('lets a community worker read their community and refuses the next one with 403', async () => {
    const worker = await t.login('worker');
    const own = await stats('GC-C01', worker);
    expect(own.statusCode).toBe(200);
    const body = own.json() as RegionStats;
    expect(body.region.level).toBe('community');
    expect(figure(body, 'regions.communities')).toBeUndefined();
    expect(figure(body, 'regions.grid2').value).toBeGreaterThan(0);
    expect((await stats('GC-C02', worker)).statusCode).toBe(403);
    expect((await stats('GC', worker)).statusCode).toBe(403);
  });

  it('lets a 楼长 read only their own building', async () => {
    const louzhang = await t.login('louzhang');
    const own = await stats('GC-C01-G01-B01', louzhang);
    expect(own.statusCode).toBe(200);
    const body = own.json() as RegionStats;
    expect(figure(body, 'three_heads').value).toBeGreaterThanOrEqual(1);
    expect(figure(body, 'three_heads.by_child').breakdown!.map((b) => b.key)).toEqual(['_self']);
    expect(body.figures.some((f) => f.key.startsWith('regions.'))).toBe(false);
    for (const code of ['GC-C01-G01', 'GC-C01-G01-B02', 'GC-C01', 'GC']) expect((await stats(code, louzhang)).statusCode).toBe(403);
  });

  it('refuses residents, anonymous callers, unknown regions and malformed ids', async () => {
    const resident = await t.login('13800000001');
    expect((await stats('GC-C01-G01-B01', resident)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/regions/${ids.GC}/stats` })).statusCode).toBe(401);
    expect((await stats('0190a000-0000-7000-8000-000000000000', admin)).statusCode).toBe(404);
    const bad = await stats('not-a-uuid', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('id');
  });

  it('counts an assignment only while it is in force (Asia/Shanghai day, end date inclusive)', async () => {
    const b01 = ids['GC-C01-G01-B01'];
    const [region] = await t.database.db.select().from(regions).where(eq(regions.id, b01));
    const before = figure((await stats('GC-C01-G01-B01', admin)).json(), 'three_heads').value;
    const [someone] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.homeRegionId, b01)).limit(1);
    const add = (startDate: string, endDate: string | null) =>
      t.database.db.insert(roleAssignments).values({ id: uuidv7(), personId: someone.id, role: 'building_head', regionId: b01, regionPath: region.path, startDate, endDate });
    const now = t.clock.now().getTime();
    const [yesterday, today, tomorrow] = [now - DAY, now, now + DAY].map((ms) => shanghaiDay(new Date(ms)));
    await add(tomorrow, null);
    await add('2020-01-01', yesterday);
    expect(figure((await stats('GC-C01-G01-B01', admin)).json(), 'three_heads').value).toBe(before);
    await add(today, today); // today only
    expect(figure((await stats('GC-C01-G01-B01', admin)).json(), 'three_heads').value).toBe(before + 1);
    t.clock.advance(DAY);
    // Next day: the one-day term is over and tomorrow's has begun.
    const next = (await stats('GC-C01-G01-B01', await t.login('admin'))).json() as RegionStats;
    expect(next.asOf).toBe(tomorrow);
    expect(figure(next, 'three_heads').value).toBe(before + 1);
  });
});
