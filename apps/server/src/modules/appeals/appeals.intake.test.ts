import { and, eq, sql } from 'drizzle-orm';
import { metresBetween, offsetPoint } from '@shuren/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { appealCategories, notifications, regions } from '../../db/schema/index.js';
import { caller, regionId, startOnWorkingMorning } from './appeals.fixtures.js';

/**
 * Intake: the same matter found within ~100 m, and the in-memory caches intake reads (categories, place chains with
 * their staff) following every change made through the API at once. The cache is on here, as in production.
 */
let t: TestApp;
let resident: ReturnType<typeof caller>;
let admin: ReturnType<typeof caller>;

const offset = offsetPoint;

beforeAll(async () => {
  t = await createTestApp({ config: { appealsIntakeCacheSeconds: 60 } });
  startOnWorkingMorning(t);
  resident = caller(t, await t.login('13800000001'));
  admin = caller(t, await t.login('admin'));
});
afterAll(async () => t?.close());

describe('duplicates within ~100 m', () => {
  it('suggests an open report of the same category near the reported point, even from another compound; not 300 m away', async () => {
    // Two buildings of the resident's community in different compounds (the demo tree gives buildings points).
    const home = (await t.database.db.select().from(regions).where(eq(regions.code, 'GC-C01'))).at(0)!;
    const buildings = await t.database.db.select().from(regions).where(and(eq(regions.level, 'grid3'), sql`${regions.path} like ${home.path + '%'}`));
    const a = buildings[0];
    const b = buildings.find((r) => r.parentId !== a.parentId)!;
    expect(b).toBeDefined();
    const here = { lat: 23.04, lng: 113.14 };

    const first = await resident.post('/appeals', { categoryCode: 'living_environment', description: '路边绿化带被挖开没人管', regionId: a.id, point: here });
    expect(first.statusCode).toBe(201);
    const near = await resident.post('/appeals/duplicates', { categoryCode: 'living_environment', regionId: b.id, point: offset(here, 40, 50) });
    expect(near.statusCode).toBe(200);
    expect(near.json().items.map((d: any) => d.trackingCode)).toContain(first.json().trackingCode);
    // The submission answers with the same suggestion, read in the same statement as the write.
    const second = await resident.post('/appeals', { categoryCode: 'living_environment', description: '绿化带挖开的坑没有围挡', regionId: b.id, point: offset(here, -60, 20) });
    expect(second.statusCode).toBe(201);
    expect(second.json().duplicates.map((d: any) => d.trackingCode)).toEqual(expect.arrayContaining([first.json().trackingCode]));
    expect(second.json().duplicates.map((d: any) => d.trackingCode)).not.toContain(second.json().trackingCode);

    const far = await resident.post('/appeals/duplicates', { categoryCode: 'living_environment', regionId: b.id, point: offset(here, 300, 0) });
    expect(far.json().items.map((d: any) => d.trackingCode)).not.toContain(first.json().trackingCode);
    // Another category at the same point is another matter.
    const other = await resident.post('/appeals/duplicates', { categoryCode: 'noise', regionId: b.id, point: here });
    expect(other.json().items.map((d: any) => d.trackingCode)).not.toContain(first.json().trackingCode);
  });

  it('without a reported point, uses the building’s own point: a neighbouring building 25 m away finds it', async () => {
    const [b1, b2] = [await regionId(t, 'GC-C01-G01-B01'), await regionId(t, 'GC-C01-G01-B02')];
    const [r1, r2] = await Promise.all([b1, b2].map(async (id) => (await t.database.db.select().from(regions).where(eq(regions.id, id)))[0]));
    expect(metresBetween({ lat: r1.lat!, lng: r1.lng! }, { lat: r2.lat!, lng: r2.lng! })).toBeLessThan(100);
    const first = await resident.post('/appeals', { categoryCode: 'ebike_indoor_charging', description: '有人把电动车推进电梯上楼充电', regionId: b1 });
    expect(first.statusCode).toBe(201);
    const row = (await t.database.db.execute(sql`select lat, lng from appeals where tracking_code = ${first.json().trackingCode}`)) as unknown as { rows: { lat: number; lng: number }[] };
    expect(row.rows[0]).toEqual({ lat: r1.lat, lng: r1.lng });
    // Staff see the point on the appeal.
    const detail = (await admin.get(`/appeals/${first.json().id}`)).json();
    expect(detail.place.point).toEqual({ lat: r1.lat, lng: r1.lng });
    const next = await resident.post('/appeals/duplicates', { categoryCode: 'ebike_indoor_charging', regionId: b2 });
    expect(next.json().items.map((d: any) => d.trackingCode)).toContain(first.json().trackingCode);
  });

  it('refuses a point that is not a WGS-84 coordinate, field by field, and writes nothing', async () => {
    const b1 = await regionId(t, 'GC-C01-G01-B01');
    const count = async () => ((await t.database.db.execute(sql`select count(*)::int as n from appeals`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    const before = await count();
    for (const [point, field] of [
      [{ lat: 91, lng: 113 }, '/body/point/lat'],
      [{ lat: 23, lng: -181 }, '/body/point/lng'],
      [{ lat: 23 }, '/body/point'],
      [{ lat: 23, lng: 113, alt: 5 }, '/body/point'],
      ['23,113', '/body/point'],
    ] as const) {
      const res = await resident.post('/appeals', { categoryCode: 'noise', description: '噪音', regionId: b1, point });
      expect(res.statusCode, JSON.stringify(point)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: any) => e.field).join(' '), JSON.stringify(point)).toContain(field);
    }
    expect(await count()).toBe(before);
  });
});

describe('intake caches follow changes made through the API', () => {
  it('a retired category is refused at once; offered again, it is accepted at once', async () => {
    const b1 = await regionId(t, 'GC-C01-G01-B01');
    expect((await resident.post('/appeals', { categoryCode: 'pets', description: '小区里有狗不拴绳', regionId: b1 })).statusCode).toBe(201);
    const [pets] = await t.database.db.select().from(appealCategories).where(eq(appealCategories.code, 'pets'));
    expect((await admin.post(`/appeal-categories/${pets.id}/deactivate`)).statusCode).toBe(200);
    const refused = await resident.post('/appeals', { categoryCode: 'pets', description: '狗又没拴绳', regionId: b1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: '/body/categoryCode', code: 'unknown' });
    expect((await admin.post(`/appeal-categories/${pets.id}/activate`)).statusCode).toBe(200);
    expect((await resident.post('/appeals', { categoryCode: 'pets', description: '狗又没拴绳', regionId: b1 })).statusCode).toBe(201);
  });

  it('a 楼长 appointed a moment ago hears about the next report from their building', async () => {
    const b3 = await regionId(t, 'GC-C01-G01-B03');
    // Fill the place cache for B03 first.
    expect((await resident.post('/appeals', { categoryCode: 'hygiene', description: '楼道堆满杂物', regionId: b3 })).statusCode).toBe(201);
    const person = (await admin.post('/people', { name: '三栋新楼长', homeRegionId: b3 })).json();
    expect((await admin.post('/assignments', { personId: person.id, role: 'building_head', regionId: b3, startDate: '2026-01-01' })).statusCode).toBe(201);
    const created = await resident.post('/appeals', { categoryCode: 'hygiene', description: '楼道又堆满杂物', regionId: b3 });
    expect(created.statusCode).toBe(201);
    const notices = await t.database.db.select().from(notifications).where(and(eq(notifications.recipientPersonId, person.id), eq(notifications.appealId, created.json().id)));
    expect(notices.map((n) => n.kind)).toEqual(['assigned']);
  });
});
