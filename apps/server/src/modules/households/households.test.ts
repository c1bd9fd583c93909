import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { accounts, auditLog, people, regions } from '../../db/schema/index.js';

describe('households', () => {
  let t: TestApp;
  let admin: string, worker: string, louzhang: string, resident: string;
  const region: Record<string, string> = {};
  let ownHousehold: string;
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    [admin, worker, louzhang, resident] = await Promise.all(['admin', 'worker', 'louzhang', '13800000001'].map((l) => t.login(l)));
    for (const r of await t.database.db.select().from(regions)) region[r.code] = r.id;
    // The resident's household comes from the demo data: found through the sign-in, not a fixed room.
    const [me] = await t.database.db.select({ hh: people.householdId }).from(people).innerJoin(accounts, eq(accounts.personId, people.id)).where(eq(accounts.login, '13800000001'));
    ownHousehold = me.hh!;
  });
  afterAll(async () => t?.close());

  it('registers a household in a building with a two-decimal floor area, audited', async () => {
    const res = await inject('POST', '/households', worker, { regionId: region['GC-C01-G01-B02'], address: '同德花园1区2栋', room: 'T2-301', floorArea: 76.25 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ room: 'T2-301', floorArea: 76.25, regionName: '2栋', memberCount: 0, members: [] });
    const rows = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, res.json().id), eq(auditLog.action, 'household.create')));
    expect(rows).toHaveLength(1);
  });

  it('refuses a duplicate room in the same grid with 409 on the field, but not in another grid', async () => {
    const body = { regionId: region['GC-C01-G01-B02'], address: '同德花园1区2栋', room: 'T2-302' };
    expect((await inject('POST', '/households', worker, body)).statusCode).toBe(201);
    const dup = await inject('POST', '/households', worker, body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: '/body/room', code: 'duplicate' });
    expect((await inject('POST', '/households', worker, { ...body, regionId: region['GC-C01-G02-B01'] })).statusCode).toBe(201);
  });

  it('registers a room only once when two clerks submit it at the same time', async () => {
    const body = { regionId: region['GC-C01-G03-B01'], address: '并发登记', room: 'T-RACE' };
    const results = await Promise.all([inject('POST', '/households', worker, body), inject('POST', '/households', admin, body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().errors[0].field).toBe('/body/room');
  });

  it('refuses a non-grid3 region, negative or over-precise area, and unknown fields', async () => {
    const notGrid3 = await inject('POST', '/households', worker, { regionId: region['GC-C01-G01'], address: '某处', room: 'T1' });
    expect(notGrid3.statusCode).toBe(400);
    expect(notGrid3.json().errors[0]).toMatchObject({ field: '/body/regionId', code: 'not_grid3' });
    const negative = await inject('POST', '/households', worker, { regionId: region['GC-C01-G01-B02'], address: '某处', room: 'T9-1', floorArea: -1 });
    expect(negative.json().errors[0].field).toBe('/body/floorArea');
    const precise = await inject('POST', '/households', worker, { regionId: region['GC-C01-G01-B02'], address: '某处', room: 'T9-2', floorArea: 10.125 });
    expect(precise.json().errors[0]).toMatchObject({ field: '/body/floorArea', code: 'decimals' });
    const unknown = await inject('POST', '/households', worker, { regionId: region['GC-C01-G01-B02'], address: '某处', room: 'T9-3', owner: 'x' });
    expect(unknown.json().errors[0].field).toBe('/body/owner');
    expect((await inject('POST', '/households', worker, { regionId: region['GC-C02-G01-B01'], address: '映月', room: 'T1' })).statusCode).toBe(403);
    expect((await inject('POST', '/households', louzhang, { regionId: region['GC-C01-G01-B01'], address: '同德', room: 'T1-999' })).statusCode).toBe(403);
  });

  it('edits a household with before/after audited and keeps rooms unique', async () => {
    const h = (await inject('POST', '/households', worker, { regionId: region['GC-C01-G02-B02'], address: '旧地址', room: 'TA-1' })).json();
    await inject('POST', '/households', worker, { regionId: region['GC-C01-G02-B02'], address: '旧地址', room: 'TA-2' });
    const res = await inject('PATCH', `/households/${h.id}`, worker, { address: '新地址', floorArea: 99.9 });
    expect(res.json()).toMatchObject({ address: '新地址', floorArea: 99.9 });
    expect((await inject('PATCH', `/households/${h.id}`, worker, { room: 'TA-2' })).statusCode).toBe(409);
    const [row] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, h.id), eq(auditLog.action, 'household.update')));
    expect(row.before).toMatchObject({ address: '旧地址', floorArea: null });
    expect(row.after).toMatchObject({ address: '新地址', floorArea: '99.90' });
  });

  it('adds and removes members, moving the person’s home to the household’s grid', async () => {
    const h = (await inject('POST', '/households', worker, { regionId: region['GC-C01-G01-B02'], address: '同德花园1区2栋', room: 'T2-501' })).json();
    const p = (await inject('POST', '/people', worker, { name: '新住户', phone: '13544445555', homeRegionId: region['GC-C01'] })).json();
    const added = await inject('POST', `/households/${h.id}/members`, worker, { personId: p.id, relation: 'head' });
    expect(added.statusCode).toBe(200);
    expect(added.json().members).toEqual([expect.objectContaining({ personId: p.id, name: '新住户', relation: 'head', phone: '135****5555', phoneMasked: true })]);
    const person = (await inject('GET', `/people/${p.id}`, worker)).json();
    expect(person).toMatchObject({ householdId: h.id, householdRelation: 'head', homeRegionId: region['GC-C01-G01-B02'] });
    expect((await inject('POST', `/households/${h.id}/members`, worker, { personId: p.id, relation: 'member' })).statusCode).toBe(409);
    const second = (await inject('POST', '/people', worker, { name: '第二户主', homeRegionId: region['GC-C01'] })).json();
    const twoHeads = await inject('POST', `/households/${h.id}/members`, worker, { personId: second.id, relation: 'head' });
    expect(twoHeads.statusCode).toBe(409);
    expect(twoHeads.json().errors[0].field).toBe('/body/relation');
    expect((await inject('POST', `/households/${ownHousehold}/members`, worker, { personId: p.id, relation: 'tenant' })).statusCode).toBe(409);
    const bad = await inject('POST', `/households/${h.id}/members`, worker, { personId: second.id, relation: 'cousin' });
    expect(bad.json().errors[0].field).toBe('/body/relation');
    const removed = await inject('POST', `/households/${h.id}/members/${p.id}/remove`, worker);
    expect(removed.json().members).toEqual([]);
    expect((await inject('POST', `/households/${h.id}/members/${p.id}/remove`, worker)).statusCode).toBe(404);
    const trail = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(['person.create', 'household.add_member', 'household.remove_member']));
  });

  it('lets a 楼长 see the households of their building only', async () => {
    const list = (await inject('GET', '/households?limit=200', louzhang)).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((h: any) => h.regionId === region['GC-C01-G01-B01'])).toBe(true);
    const other = (await inject('GET', `/households?regionId=${region['GC-C01-G01-B02']}`, admin)).json().items[0];
    expect((await inject('GET', `/households/${other.id}`, louzhang)).statusCode).toBe(403);
    expect((await inject('GET', `/households?regionId=${region['GC-C01-G01-B02']}`, louzhang)).statusCode).toBe(403);
    const mine = await inject('GET', `/households/${ownHousehold}`, louzhang);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().members.find((m: any) => m.name === '居民').phone).toBe('138****0001');
  });

  it('lets a resident read their own household but not others or the list', async () => {
    expect((await inject('GET', `/households/${ownHousehold}`, resident)).statusCode).toBe(200);
    const other = (await inject('GET', '/households?limit=200', admin)).json().items.find((h: any) => h.id !== ownHousehold);
    expect((await inject('GET', `/households/${other.id}`, resident)).statusCode).toBe(403);
    expect((await inject('GET', '/households', resident)).statusCode).toBe(403);
    expect((await inject('GET', '/households/01890000-0000-7000-8000-000000000000', resident)).statusCode).toBe(404);
  });

  it('searches by address and room, pages, and exports the ledger', async () => {
    for (let i = 1; i <= 3; i++) await inject('POST', '/households', worker, { regionId: region['GC-C01-G02-B01'], address: `检索路${i}号`, room: `TR-${i}` });
    const first = (await inject('GET', '/households?q=检索路&limit=2', worker)).json();
    const next = (await inject('GET', `/households?q=检索路&limit=2&cursor=${first.nextCursor}`, worker)).json();
    expect([...first.items, ...next.items].map((h: any) => h.room).sort()).toEqual(['TR-1', 'TR-2', 'TR-3']);
    expect((await inject('GET', '/households?q=TR-2', worker)).json().items.map((h: any) => h.address)).toEqual(['检索路2号']);
    const res = await inject('GET', '/households/export.xlsx?q=检索路', worker);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.worksheets[0].rowCount).toBe(4);
    expect((await inject('GET', '/households/export.xlsx', resident)).statusCode).toBe(403);
  });

  it('shows a resident their neighbourhood with the people serving them and their phones in full', async () => {
    const [lz] = await t.database.db.select({ id: people.id }).from(people).innerJoin(accounts, eq(accounts.personId, people.id)).where(eq(accounts.login, 'louzhang'));
    await t.database.db.update(people).set({ phone: '13900000002' }).where(eq(people.id, lz.id));
    const grid = (await inject('POST', '/people', worker, { name: '网格员小周', phone: '13900000003', homeRegionId: region['GC-C01'] })).json();
    await inject('POST', '/assignments', worker, { personId: grid.id, role: 'grid_worker', regionId: region['GC-C01-G01'], startDate: '2026-01-01' });
    const gone = (await inject('POST', '/people', worker, { name: '已卸任', phone: '13900000004', homeRegionId: region['GC-C01'] })).json();
    await inject('POST', '/assignments', worker, { personId: gone.id, role: 'street_head', regionId: region['GC-C01-G01'], startDate: '2025-01-01', endDate: '2025-12-31' });
    const far = (await inject('POST', '/people', admin, { name: '别楼楼长', phone: '13900000005', homeRegionId: region['GC-C01-G01-B02'] })).json();
    await inject('POST', '/assignments', admin, { personId: far.id, role: 'building_head', regionId: region['GC-C01-G01-B02'], startDate: '2026-01-01' });

    const res = await inject('GET', '/me/neighbourhood', resident);
    expect(res.statusCode).toBe(200);
    const n = res.json();
    expect(n.household).toMatchObject({ id: ownHousehold, relation: 'head' });
    expect(n.regions.map((r: any) => r.code)).toEqual(['GC-C01-G01-B01', 'GC-C01-G01', 'GC-C01', 'GC']);
    const contacts = n.contacts.map((c: any) => [c.name, c.role, c.phone]);
    expect(contacts).toEqual(
      expect.arrayContaining([
        ['楼长', 'building_head', '13900000002'],
        ['网格员小周', 'grid_worker', '13900000003'],
        ['社区工作者', 'community_staff', expect.stringMatching(/^1\d{10}$/)],
      ]),
    );
    expect(new Set(n.contacts.map((c: any) => c.role))).toEqual(new Set(['building_head', 'grid_worker', 'community_staff']));
    expect(n.contacts.map((c: any) => c.name)).not.toContain('已卸任');
    expect(n.contacts.map((c: any) => c.name)).not.toContain('别楼楼长');
    expect(n.contacts[0]).toMatchObject({ role: 'building_head', roleLabel: { zh: '楼长' } });
  });

  it('gives someone without a household the chain from their home region', async () => {
    const n = (await inject('GET', '/me/neighbourhood', worker)).json();
    expect(n.household).toBeNull();
    expect(n.regions.map((r: any) => r.code)).toEqual(['GC-C01', 'GC']);
    expect(n.contacts.length).toBeGreaterThan(0);
    expect(n.contacts.every((c: any) => c.role === 'community_staff' && c.regionId === region['GC-C01'])).toBe(true);
  });
});
