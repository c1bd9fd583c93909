import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog, people, regions } from '../../db/schema/index.js';

describe('role assignments', () => {
  let t: TestApp;
  let admin: string, worker: string, gridworker: string, resident: string;
  const region: Record<string, string> = {};
  const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const newPerson = async (name: string, code: string) => (await inject('POST', '/people', admin, { name, homeRegionId: region[code] })).json().id as string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, worker, gridworker, resident] = await Promise.all(['admin', 'worker', 'gridworker', '13800000001'].map((l) => t.login(l)));
    for (const r of await t.database.db.select().from(regions)) region[r.code] = r.id;
  });
  afterAll(async () => t?.close());

  it('assigns a 楼长 to a building, active from the start date, and audits it', async () => {
    const personId = await newPerson('黄大伯', 'GC-C01-G01-B02');
    const res = await inject('POST', '/assignments', worker, { personId, role: 'building_head', regionId: region['GC-C01-G01-B02'], startDate: '2026-01-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ personName: '黄大伯', role: 'building_head', roleLabel: { zh: '楼长' }, regionName: '2栋', active: true, endDate: null, allowedActions: ['end'] });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, res.json().id), eq(auditLog.action, 'assignment.create')));
    expect(audit).toHaveLength(1);
    const future = await inject('POST', '/assignments', worker, { personId: await newPerson('未来', 'GC-C01'), role: 'volunteer', regionId: region['GC-C01'], startDate: '2027-01-01' });
    expect(future.json().active).toBe(false);
  });

  it('places each role only on the region level it belongs to', async () => {
    const personId = await newPerson('放错位置', 'GC-C01-G01');
    const cases: [string, string, number][] = [
      ['building_head', 'GC-C01-G01', 400],
      ['lane_head', 'GC-C01-G01-B01', 400],
      ['grid_worker', 'GC-C01', 400],
      ['community_staff', 'GC-C01-G01', 400],
      ['street_head', 'GC-C01-G01', 201],
      ['grid_worker', 'GC-C01-G01-B01', 201],
      ['committee_member', 'GC-C01', 201],
      ['mediator', 'GC-C01-G01-B01', 201],
    ];
    for (const [role, code, status] of cases) {
      const res = await inject('POST', '/assignments', worker, { personId, role, regionId: region[code], startDate: '2026-03-01' });
      expect({ role, code, status: res.statusCode }).toEqual({ role, code, status });
      if (status === 400) expect(res.json().errors[0]).toMatchObject({ field: '/body/regionId', code: 'role_region' });
    }
  });

  it('needs account.manage for subdistrict-level roles', async () => {
    const personId = await newPerson('审计候选', 'GC');
    expect((await inject('POST', '/assignments', worker, { personId, role: 'auditor', regionId: region['GC'], startDate: '2026-01-01' })).statusCode).toBe(403);
    expect((await inject('POST', '/assignments', admin, { personId, role: 'auditor', regionId: region['GC-C01'], startDate: '2026-01-01' })).statusCode).toBe(400);
    expect((await inject('POST', '/assignments', admin, { personId, role: 'auditor', regionId: region['GC'], startDate: '2026-01-01' })).statusCode).toBe(201);
  });

  it('refuses outside the caller’s region, without assignment.manage, and for unknown people', async () => {
    const personId = await newPerson('别处的人', 'GC-C02');
    expect((await inject('POST', '/assignments', worker, { personId, role: 'volunteer', regionId: region['GC-C02'], startDate: '2026-01-01' })).statusCode).toBe(403);
    // A person of another community cannot be appointed by a community worker who cannot see them.
    expect((await inject('POST', '/assignments', worker, { personId, role: 'volunteer', regionId: region['GC-C01'], startDate: '2026-01-01' })).statusCode).toBe(403);
    const own = await newPerson('网格内', 'GC-C01-G01');
    expect((await inject('POST', '/assignments', gridworker, { personId: own, role: 'volunteer', regionId: region['GC-C01-G01'], startDate: '2026-01-01' })).statusCode).toBe(403);
    const unknown = await inject('POST', '/assignments', worker, { personId: '01890000-0000-7000-8000-000000000000', role: 'volunteer', regionId: region['GC-C01'], startDate: '2026-01-01' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('/body/personId');
  });

  it('refuses an end before the start and an overlapping duplicate, but allows a later term', async () => {
    const personId = await newPerson('两任巷长', 'GC-C01');
    const bad = await inject('POST', '/assignments', worker, { personId, role: 'volunteer', regionId: region['GC-C01'], startDate: '2026-05-01', endDate: '2026-04-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: '/body/endDate', code: 'before_start' });
    const first = await inject('POST', '/assignments', worker, { personId, role: 'volunteer', regionId: region['GC-C01'], startDate: '2025-01-01', endDate: '2025-12-31' });
    expect(first.statusCode).toBe(201);
    const dup = await inject('POST', '/assignments', worker, { personId, role: 'volunteer', regionId: region['GC-C01'], startDate: '2025-12-31' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('duplicate');
    expect((await inject('POST', '/assignments', worker, { personId, role: 'volunteer', regionId: region['GC-C01'], startDate: '2026-01-01' })).statusCode).toBe(201);
    // Same period, other region: a different placement.
    expect((await inject('POST', '/assignments', worker, { personId, role: 'volunteer', regionId: region['GC-C01-G01'], startDate: '2026-01-01' })).statusCode).toBe(201);
    const bad2 = await inject('POST', '/assignments', worker, { personId, role: 'volunteer', regionId: region['GC-C01'], startDate: '2026-13-01' });
    expect(bad2.statusCode).toBe(400);
    expect(bad2.json().errors[0].field).toBe('/body/startDate');
  });

  it('lets only one of two simultaneous identical appointments through (row lock on the person)', async () => {
    const personId = await newPerson('并发任命', 'GC-C01-G02-B02');
    const body = { personId, role: 'building_head', regionId: region['GC-C01-G02-B02'], startDate: '2026-06-01' };
    const results = await Promise.all([inject('POST', '/assignments', worker, body), inject('POST', '/assignments', admin, body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const held = (await inject('GET', `/assignments?personId=${personId}`, admin)).json();
    expect(held.items).toHaveLength(1);
  });

  it('ends an assignment once, not before its start, with before/after audited', async () => {
    const personId = await newPerson('卸任楼长', 'GC-C01-G02-B01');
    const a = (await inject('POST', '/assignments', worker, { personId, role: 'building_head', regionId: region['GC-C01-G02-B01'], startDate: '2026-02-01' })).json();
    const early = await inject('POST', `/assignments/${a.id}/end`, worker, { endDate: '2026-01-31', reason: '搬走' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('/body/endDate');
    expect((await inject('POST', `/assignments/${a.id}/end`, gridworker, { endDate: '2026-10-31' })).statusCode).toBe(403);
    const ended = await inject('POST', `/assignments/${a.id}/end`, worker, { endDate: '2026-10-31', reason: '搬离本楼' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2026-10-31', endReason: '搬离本楼', active: false, allowedActions: [] });
    const again = await inject('POST', `/assignments/${a.id}/end`, worker, { endDate: '2026-10-31' });
    expect(again.statusCode).toBe(409);
    const [row] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'assignment.end')));
    expect(row.before).toMatchObject({ endDate: null });
    expect(row.after).toMatchObject({ endDate: '2026-10-31', endReason: '搬离本楼' });
    expect((await inject('POST', '/assignments/01890000-0000-7000-8000-000000000000/end', worker, { endDate: '2026-10-31' })).statusCode).toBe(404);
  });

  it('brings a planned end forward but not past it', async () => {
    const personId = await newPerson('任期制', 'GC-C01');
    const a = (await inject('POST', '/assignments', worker, { personId, role: 'committee_member', regionId: region['GC-C01'], startDate: '2026-01-01', endDate: '2027-12-31' })).json();
    expect((await inject('POST', `/assignments/${a.id}/end`, worker, { endDate: '2028-01-01' })).statusCode).toBe(400);
    expect((await inject('POST', `/assignments/${a.id}/end`, worker, { endDate: '2026-11-20' })).json().endDate).toBe('2026-11-20');
  });

  it('lists by region subtree, role, person and day; shows ended ones unless a day is given', async () => {
    const personId = await newPerson('列表测试', 'GC-C01-G02');
    const a = (await inject('POST', '/assignments', worker, { personId, role: 'grid_worker', regionId: region['GC-C01-G02'], startDate: '2024-01-01', endDate: '2024-12-31' })).json();
    await inject('POST', '/assignments', worker, { personId, role: 'grid_worker', regionId: region['GC-C01-G02'], startDate: '2026-01-01' });
    const all = (await inject('GET', `/assignments?personId=${personId}`, worker)).json();
    expect(all.items).toHaveLength(2);
    const in2024 = (await inject('GET', `/assignments?personId=${personId}&activeOn=2024-06-01`, worker)).json();
    expect(in2024.items.map((x: any) => x.id)).toEqual([a.id]);
    const heads = (await inject('GET', `/assignments?role=building_head&regionId=${region['GC-C01-G01']}`, admin)).json();
    expect(heads.items.every((x: any) => x.role === 'building_head')).toBe(true);
    expect(heads.items.map((x: any) => x.personName)).toContain('楼长');
    const named = (await inject('GET', '/assignments?q=列表', worker)).json();
    expect(named.items).toHaveLength(2);
    expect((await inject('GET', `/assignments?regionId=${region['GC-C02']}`, worker)).statusCode).toBe(403);
    const workerAll = (await inject('GET', '/assignments?limit=200', worker)).json();
    expect(workerAll.items.some((x: any) => x.role === 'subdistrict_admin')).toBe(false);
  });

  it('lets a resident read their own assignment but not list', async () => {
    const [me] = await t.database.db.select().from(people).where(eq(people.phone, '13800000001'));
    expect((await inject('GET', '/assignments', resident)).statusCode).toBe(403);
    const mine = (await inject('GET', `/assignments?personId=${me.id}`, admin)).json().items.find((a: any) => a.role === 'resident');
    expect((await inject('GET', `/assignments/${mine.id}`, resident)).json().role).toBe('resident');
    const other = (await inject('GET', '/assignments?role=building_head', admin)).json().items[0];
    expect((await inject('GET', `/assignments/${other.id}`, resident)).statusCode).toBe(403);
  });
});
