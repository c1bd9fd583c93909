import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { generateAppeals } from '../../seed/appeals.js';
import { caller, keptFigures, regionId, startOnWorkingMorning } from './appeals.fixtures.js';
import { appealStats } from './appeals.stats.js';

/**
 * A compound moved to another community (grids are redrawn): its reports move with it — into the new community's
 * area and figures, still in the queue of the grid worker who holds them — and the kept figures equal a recount.
 */
describe('appeals follow their place when the region tree changes', () => {
  let t: TestApp;
  const rows = async (text: string): Promise<Record<string, any>[]> => ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
  const expectFiguresEqualRecount = async () => {
    const figures = keptFigures(t);
    expect(await figures.rollups()).toEqual(await figures.rollupRecount());
    expect(await figures.trends()).toEqual(await figures.trendRecount());
  };

  beforeAll(async () => {
    // Sessions cached as in production: the grid worker's scope must follow the move at once all the same.
    t = await createTestApp({ config: { sessionCacheSeconds: 60 } });
    startOnWorkingMorning(t);
  });
  afterAll(async () => t?.close());

  it('moves their place and unit paths, keeps them in the grid worker’s queue, and moves their figures', async () => {
    await generateAppeals(t.database.db, { count: 120, now: t.clock.now(), spanDays: 20 });
    const resident = caller(t, await t.login('13800000001'));
    const admin = caller(t, await t.login('admin'));
    const gridWorker = caller(t, await t.login('gridworker'));
    const communityWorker = caller(t, await t.login('worker'));

    const created = await resident.post('/appeals', { categoryCode: 'noise', description: '楼上每晚装修到十一点', regionId: await regionId(t, 'GC-C01-G01-B01') });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await gridWorker.get('/appeals')).json().items.map((a: any) => a.id)).toContain(id);

    const region = async (code: string) => (await rows(`select id, path from regions where code = '${code}'`))[0] as { id: string; path: string };
    const [compound, from, to] = [await region('GC-C01-G01'), await region('GC-C01'), await region('GC-C02')];
    const inCompound = async () => Number((await rows(`select count(*)::int as n from appeals where place_region_id in (select id from regions where path like '${(await region('GC-C01-G01')).path}%')`))[0].n);
    const moving = await inCompound();
    expect(moving).toBeGreaterThan(1);
    const total = async (r: { id: string; path: string }) => (await appealStats(t.database.db, r)).find((f) => f.key === 'appeals.total')!.value as number;
    const [fromBefore, toBefore] = [await total(from), await total(to)];

    // A report in the compound that the old community itself holds: its place moves, its unit does not.
    const heldAbove = await resident.post('/appeals', { categoryCode: 'property_dispute', description: '物业费账目不公开', regionId: await regionId(t, 'GC-C01-G01-B01') });
    expect(heldAbove.statusCode).toBe(201);
    expect(heldAbove.json().level).toBe('community');
    const heldAboveId = heldAbove.json().id as string;

    const moved = await admin.post(`/regions/${compound.id}/move`, { newParentId: to.id, reason: '网格调整' });
    expect(moved.statusCode).toBe(200);
    const newPath = `${to.path}${compound.id}/`;

    // Place and unit paths now sit under the new community; nothing is left under the old compound path.
    const [row] = await rows(`select region_path, unit_path from appeals where id = '${id}'`);
    expect(row.region_path.startsWith(newPath)).toBe(true);
    expect(row.unit_path.startsWith(newPath)).toBe(true);
    expect((await rows(`select count(*)::int as n from appeals where region_path like '${compound.path}%' or unit_path like '${compound.path}%'`))[0].n).toBe(0);
    expect(await inCompound()).toBe(moving + 1);
    const [above] = await rows(`select region_path, unit_path from appeals where id = '${heldAboveId}'`);
    expect(above.region_path.startsWith(newPath)).toBe(true);
    expect(above.unit_path).toBe(from.path);

    // The grid worker, whose assignment moved with the compound, still has it; the old community's staff no longer see it.
    expect((await gridWorker.get('/appeals')).json().items.map((a: any) => a.id)).toContain(id);
    expect((await gridWorker.get(`/appeals/${id}`)).statusCode).toBe(200);
    expect((await communityWorker.get(`/appeals/${id}`)).statusCode).toBe(404);

    // Figures moved from the old community to the new one, and the kept rows equal a recount.
    const merged = Number((await rows(`select count(*)::int as n from appeals a join regions r on r.id = a.place_region_id where r.path like '${newPath}%' and a.status = 'merged'`))[0].n);
    // (fromBefore was counted before the community-held report was made: it leaves with the others.)
    expect(await total(from)).toBe(fromBefore - (moving - merged));
    expect(await total(to)).toBe(toBefore + (moving + 1 - merged));
    await expectFiguresEqualRecount();
  });
});
