import { and, eq, sql } from 'drizzle-orm';
import { metresBetween, offsetPoint } from '@shuren/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { appealCategories, appeals, notifications, regions } from '../../db/schema/index.js';
import type { AppealRow } from './appeals.repository.js';
import { caller, regionId, startOnWorkingMorning } from './appeals.fixtures.js';
import { intakeWriter } from './appeals.intake-writer.js';
import { DUPLICATE_CANDIDATES } from './appeals.intake-sql.js';

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
    // Suggestions come before a report is made; the submission answers with the new report only.
    const second = await resident.post('/appeals', { categoryCode: 'living_environment', description: '绿化带挖开的坑没有围挡', regionId: b.id, point: offset(here, -60, 20) });
    expect(second.statusCode).toBe(201);
    expect(Object.keys(second.json()).sort()).toEqual(['id', 'level', 'status', 'trackingCode']);
    const both = await resident.post('/appeals/duplicates', { categoryCode: 'living_environment', regionId: a.id, point: here });
    expect(both.json().items.map((d: any) => d.trackingCode)).toEqual(expect.arrayContaining([first.json().trackingCode, second.json().trackingCode]));

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

describe('reports submitted at the same time', () => {
  it('are written together, each whole: its own row, timeline event, audit row and notices, and its own answer', async () => {
    const writer = intakeWriter(t.database.db);
    const before = { ...writer.stats };
    const b1 = await regionId(t, 'GC-C01-G01-B01');
    const codes = ['noise', 'parking', 'pets', 'hygiene'];
    const sent = Array.from({ length: 12 }, (_, i) => ({ categoryCode: codes[i % codes.length], description: `同时反映的第${i + 1}件事`, regionId: b1 }));
    const answers = await Promise.all(sent.map((body) => resident.post('/appeals', body)));
    expect(answers.map((a) => a.statusCode)).toEqual(sent.map(() => 201));
    expect(writer.stats.items - before.items).toBe(12);
    // On PostgreSQL the ones that arrived while the first was written went together: fewer statements than reports.
    // Embedded PGlite runs each statement on this thread, so the first is done before the next report arrives.
    if (t.database.pool) expect(writer.stats.calls - before.calls).toBeLessThan(12);
    const ids = answers.map((a) => a.json().id as string);
    expect(new Set(ids).size).toBe(12);
    for (const [i, answer] of answers.entries()) {
      const rows = (await t.database.db.execute(sql`select a.description, a.category_code,
          (select count(*)::int from appeal_events e where e.appeal_id = a.id and e.type = 'submitted') as events,
          (select count(*)::int from audit_log l where l.entity_id = a.id::text and l.action = 'appeal.submit') as audits,
          (select count(*)::int from notifications n where n.appeal_id = a.id) as notices
        from appeals a where a.id = ${answer.json().id}`)) as unknown as { rows: { description: string; category_code: string; events: number; audits: number; notices: number }[] };
      expect(rows.rows[0]).toMatchObject({ description: sent[i].description, category_code: sent[i].categoryCode, events: 1, audits: 1 });
      expect(rows.rows[0].notices).toBeGreaterThan(0);
      // Each notice carries its own report's text (a group sends each report's text once), one per person on duty.
      const notices = (await t.database.db.execute(sql`select n.recipient_person_id, n.kind, n.tracking_code = a.tracking_code as own_code,
          n.region_path = a.region_path as own_place, n.created_at = a.submitted_at as own_time, n.body like '%' || a.tracking_code || '%' as own_text
        from notifications n join appeals a on a.id = n.appeal_id where a.id = ${answer.json().id}`)) as unknown as { rows: { recipient_person_id: string; kind: string; own_code: boolean; own_place: boolean; own_time: boolean; own_text: boolean }[] };
      expect(new Set(notices.rows.map((n) => n.recipient_person_id)).size).toBe(notices.rows.length);
      for (const n of notices.rows) expect(n).toMatchObject({ kind: 'assigned', own_code: true, own_place: true, own_time: true, own_text: true });
    }
  });
});

describe('what intake answers with', () => {
  it('is the row as stored, to the last column, with text and JSON that mean something to SQL', async () => {
    const writer = intakeWriter(t.database.db);
    const submit = writer.submit;
    const answered: AppealRow[] = [];
    writer.submit = async (s) => {
      const row = await submit.call(writer, s);
      answered.push(row);
      return row;
    };
    try {
      const b1 = await regionId(t, 'GC-C01-G01-B01');
      const description = '他说："楼道里\\有{东西}, NULL"\n第二行 🏠';
      const res = await resident.post('/appeals', { categoryCode: 'noise', title: '{"x":1}', description, regionId: b1, point: { lat: 23.0412345678, lng: 113.1498765432 }, locationText: 'a,b\\c' });
      expect(res.statusCode).toBe(201);
      expect(answered).toHaveLength(1);
      const [stored] = await t.database.db.select().from(appeals).where(eq(appeals.id, res.json().id));
      expect(stored.description).toBe(description);
      expect(answered[0]).toEqual(stored);
    } finally {
      writer.submit = submit;
    }
  });
});

describe('a matter that floods in', () => {
  it('with more open reports than are weighed, still offers first the one neighbours already follow', async () => {
    const b = await regionId(t, 'GC-C01-G01-B03');
    const send = (i: number) => resident.post('/appeals', { categoryCode: 'facility_maintenance', description: `楼里停水了（第${i}位反映）`, regionId: b });
    const first = await send(0);
    expect(first.statusCode).toBe(201);
    const neighbour = caller(t, await t.login('louzhang'));
    expect((await neighbour.post(`/appeals/${first.json().id}/follow`)).statusCode).toBe(200);
    for (let i = 1; i <= DUPLICATE_CANDIDATES + 5; i++) expect((await send(i)).statusCode).toBe(201);
    const offered = (await resident.post('/appeals/duplicates', { categoryCode: 'facility_maintenance', regionId: b })).json().items as { id: string; followerCount: number; description: string }[];
    expect(offered).toHaveLength(5);
    expect(offered[0]).toMatchObject({ id: first.json().id, followerCount: 1 });
    // All are open reports of this matter.
    for (const d of offered) expect(d.description).toMatch(/^楼里停水了/);
  });
});
