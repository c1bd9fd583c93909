import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, people, regions } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { venuesModule } from './index.js';

type VenueOut = { id: string; name: string; regionId: string; openNow: boolean; allowedActions: string[]; rooms: { id: string; name: string }[] };

const WEEKDAYS_9_TO_6 = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: '08:30', closes: '12:00' },
  { weekday, opens: '14:00', closes: '18:00' },
]);

describe('venues registry', () => {
  let t: TestApp;
  let admin: string;
  let worker: string;
  let louzhang: string;
  let resident: string;
  const region: Record<string, { id: string; path: string; name: string }> = {};
  const regionById = new Map<string, { path: string }>();
  // Demo data already holds venues: everything created here carries this token.
  const T = '甲乙丙';
  const q = (text = '') => `q=${encodeURIComponent(T + text)}`;
  let baseline: Map<string, number>;
  const figures = async (code: string) => new Map((await venuesModule.stats!(t.database.db, region[code])).map((f) => [f.key, f.value]));
  const startClock = new Date('2026-11-20T02:00:00Z'); // Friday 10:00 in Shanghai

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const createVenue = async (cookie: string, body: { name: string } & Record<string, unknown>) => {
    const res = await call(cookie, 'POST', '/venues', { ...body, name: T + body.name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  let centre: VenueOut;
  let station: VenueOut;
  let partyVenue: VenueOut;
  let otherStation: VenueOut;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.current = new Date(startClock);
    [admin, worker, louzhang, resident] = await Promise.all([t.login('admin'), t.login('worker'), t.login('louzhang'), t.login('13800000001')]);
    for (const r of await t.database.db.select().from(regions)) {
      region[r.code] = { id: r.id, path: r.path, name: r.name };
      regionById.set(r.id, { path: r.path });
    }
    baseline = await figures('GC-C01');
    centre = await createVenue(admin, { kind: 'service_centre', name: '桂城街道党群服务中心', regionId: region.GC.id, address: '桂城南海大道1号', phone: '0757-86200000', openingHours: WEEKDAYS_9_TO_6 });
    station = await createVenue(worker, { kind: 'acquaintance_station', name: '同德创熟加油站', regionId: region['GC-C01-G01'].id, openingHours: [{ weekday: 6, opens: '00:00', closes: '02:00' }] });
    partyVenue = await createVenue(worker, { kind: 'party_venue', name: '同德党建阵地', regionId: region['GC-C01'].id });
    otherStation = await createVenue(admin, { kind: 'acquaintance_station', name: '映月创熟加油站', regionId: region['GC-C02-G01'].id });
  });
  afterEach(() => {
    t.clock.current = new Date(startClock);
  });
  afterAll(async () => t?.close());

  it('registers venues with an audit row and shows them with hours, rooms and openNow', async () => {
    expect(centre).toMatchObject({ kind: 'service_centre', kindLabel: { zh: '党群服务中心' }, regionName: region.GC.name, phone: '0757-86200000', roomCount: 0, rooms: [], openNow: true });
    expect(centre.allowedActions).toEqual(['update', 'setOpeningHours', 'addRoom']);
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, centre.id))).map((a) => a.action)).toEqual(['venue.create']);
    const list = (await call(worker, 'GET', `/venues?${q()}`)).json();
    expect(list.items.map((v: VenueOut) => v.id).sort()).toEqual([station.id, partyVenue.id].sort());
    const byKind = (await call(admin, 'GET', `/venues?${q()}&kind=acquaintance_station`)).json();
    expect(byKind.items.map((v: VenueOut) => v.id).sort()).toEqual([station.id, otherStation.id].sort());
    const sub = (await call(admin, 'GET', `/venues?${q()}&regionId=${region['GC-C01'].id}&limit=1`)).json();
    expect(sub.items).toHaveLength(1);
    const next = (await call(admin, 'GET', `/venues?${q()}&regionId=${region['GC-C01'].id}&limit=1&cursor=${sub.nextCursor}`)).json();
    expect([sub.items[0].id, next.items[0].id].sort()).toEqual([station.id, partyVenue.id].sort());
    expect(next.nextCursor).toBeNull();
  });

  it('computes openNow on the Asia/Shanghai clock from the app clock', async () => {
    let cookie = admin;
    const openNow = async (id: string) => (await call(cookie, 'GET', `/venues/${id}`)).json().openNow as boolean;
    expect(await openNow(centre.id)).toBe(true); // Friday 10:00
    t.clock.current = new Date('2026-11-20T04:00:00Z'); // Friday 12:00: closes is exclusive
    expect(await openNow(centre.id)).toBe(false);
    t.clock.current = new Date('2026-11-20T00:30:00Z'); // Friday 08:30: opens is inclusive
    expect(await openNow(centre.id)).toBe(true);
    t.clock.current = new Date('2026-11-19T23:00:00Z'); // Thursday in UTC, Friday 07:00 in Shanghai
    expect(await openNow(centre.id)).toBe(false);
    // Friday 17:00 UTC is already Saturday 01:00 in Shanghai, when the station is open.
    t.clock.current = new Date('2026-11-20T17:00:00Z');
    cookie = await t.login('admin'); // the morning session has expired by then
    expect(await openNow(station.id)).toBe(true);
    expect(await openNow(centre.id)).toBe(false);
    const list = (await call(cookie, 'GET', `/venues?${q()}&kind=acquaintance_station`)).json();
    expect(Object.fromEntries(list.items.map((v: VenueOut) => [v.id, v.openNow]))).toEqual({ [station.id]: true, [otherStation.id]: false });
  });

  it('replaces opening hours, rejecting overlaps and closing times not after opening with field paths', async () => {
    const overlap = await call(worker, 'PUT', `/venues/${partyVenue.id}/opening-hours`, {
      hours: [
        { weekday: 1, opens: '09:00', closes: '12:00' },
        { weekday: 1, opens: '13:00', closes: '17:00' },
        { weekday: 1, opens: '11:00', closes: '14:00' },
      ],
    });
    expect(overlap.statusCode).toBe(400);
    // 11:00–14:00 overlaps both others; 13:00–17:00 in turn overlaps it.
    expect(overlap.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['/body/hours/1/opens', 'overlap'],
      ['/body/hours/2/opens', 'overlap'],
    ]);
    const inside = await call(worker, 'PUT', `/venues/${partyVenue.id}/opening-hours`, {
      hours: [
        { weekday: 1, opens: '09:00', closes: '12:00' },
        { weekday: 2, opens: '10:00', closes: '11:00' },
        { weekday: 1, opens: '10:00', closes: '11:00' },
      ],
    });
    expect(inside.json().errors).toEqual([expect.objectContaining({ field: '/body/hours/2/opens', code: 'overlap' })]);

    const backwards = await call(worker, 'PUT', `/venues/${partyVenue.id}/opening-hours`, {
      hours: [
        { weekday: 2, opens: '09:00', closes: '12:00' },
        { weekday: 3, opens: '09:00', closes: '12:00' },
        { weekday: 3, opens: '18:00', closes: '18:00' },
      ],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: '/body/hours/2/closes', code: 'not_after_opens' })]);

    const malformed = await call(worker, 'PUT', `/venues/${partyVenue.id}/opening-hours`, { hours: [{ weekday: 8, opens: '9:00', closes: '25:00' }] });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['/body/hours/0/closes', '/body/hours/0/opens', '/body/hours/0/weekday']);
    expect((await call(worker, 'GET', `/venues/${partyVenue.id}`)).json().openingHours).toEqual([]);

    // Touching periods are fine, midnight closes as 24:00, and the week comes back sorted.
    const ok = await call(worker, 'PUT', `/venues/${partyVenue.id}/opening-hours`, {
      hours: [
        { weekday: 5, opens: '12:00', closes: '24:00' },
        { weekday: 5, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '19:00', closes: '21:00' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().openingHours).toEqual([
      { weekday: 1, opens: '19:00', closes: '21:00' },
      { weekday: 5, opens: '08:00', closes: '12:00' },
      { weekday: 5, opens: '12:00', closes: '24:00' },
    ]);
    expect(ok.json().openNow).toBe(true);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, partyVenue.id), eq(auditLog.action, 'venue.set_opening_hours')));
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toEqual({ openingHours: [] });
  });

  it('adds and edits rooms; a second room of the same name is a 409', async () => {
    const add = await call(worker, 'POST', `/venues/${station.id}/rooms`, { name: '舞蹈室', capacity: 30 });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json()).toMatchObject({ venueId: station.id, name: '舞蹈室', capacity: 30, description: null, allowedActions: ['update'] });
    await call(worker, 'POST', `/venues/${station.id}/rooms`, { name: '四点半课堂', description: '放学后的儿童托管' });
    expect((await call(worker, 'POST', `/venues/${station.id}/rooms`, { name: '舞蹈室' })).statusCode).toBe(409);
    expect((await call(worker, 'POST', `/venues/${station.id}/rooms`, { name: '书法室', capacity: 0 })).json().errors[0].field).toBe('/body/capacity');

    const patched = await call(worker, 'PATCH', `/venues/${station.id}/rooms/${add.json().id}`, { capacity: null, description: '周末开放' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: '舞蹈室', capacity: null, description: '周末开放' });
    expect((await call(worker, 'PATCH', `/venues/${partyVenue.id}/rooms/${add.json().id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await call(worker, 'PATCH', `/venues/${station.id}/rooms/${add.json().id}`, { name: '四点半课堂' })).statusCode).toBe(409);

    const detail = (await call(worker, 'GET', `/venues/${station.id}`)).json();
    expect(detail.roomCount).toBe(2);
    expect(detail.rooms.map((r: { name: string }) => r.name)).toEqual(['舞蹈室', '四点半课堂']);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, station.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['venue.create', 'venue.room_add', 'venue.room_add', 'venue.room_update']);
  });

  it('keeps room names unique per venue under simultaneous adds', async () => {
    const results = await Promise.all([0, 1].map(() => call(admin, 'POST', `/venues/${centre.id}/rooms`, { name: '会议室', capacity: 40 })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('edits and moves a venue only inside the caller’s scope', async () => {
    const res = await call(worker, 'PATCH', `/venues/${partyVenue.id}`, { address: '同德路8号', phone: null, regionId: region['GC-C01-G02'].id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ address: '同德路8号', phone: null, regionId: region['GC-C01-G02'].id });
    expect((await call(worker, 'PATCH', `/venues/${partyVenue.id}`, { regionId: region['GC-C02'].id })).statusCode).toBe(403);
    expect((await call(worker, 'PATCH', `/venues/${otherStation.id}`, { name: '越权' })).statusCode).toBe(403);
    expect((await call(worker, 'PUT', `/venues/${otherStation.id}/opening-hours`, { hours: [] })).statusCode).toBe(403);
    expect((await call(worker, 'POST', `/venues/${otherStation.id}/rooms`, { name: '会议室' })).statusCode).toBe(403);
    expect((await call(worker, 'GET', `/venues/${otherStation.id}`)).statusCode).toBe(403);
    expect((await call(worker, 'GET', `/venues/${uuidv7()}`)).statusCode).toBe(404);
    expect((await call(worker, 'PATCH', `/venues/${partyVenue.id}`, { kind: 'chapel' })).json().errors[0].field).toBe('/body/kind');
  });

  it('refuses a 楼长 creating a venue, and a 楼长 or resident reading venues outside their grants', async () => {
    expect((await call(louzhang, 'POST', '/venues', { kind: 'party_venue', name: '楼道阵地', regionId: region['GC-C01-G01-B01'].id })).statusCode).toBe(403);
    expect((await call(louzhang, 'GET', `/venues/${station.id}`)).statusCode).toBe(403);
    expect((await call(louzhang, 'GET', `/venues?${q()}`)).json().items).toEqual([]);
    expect((await call(resident, 'GET', '/venues')).statusCode).toBe(403);
    expect((await call(resident, 'GET', `/venues/${station.id}`)).statusCode).toBe(403);
  });

  it('shows a resident the venues and organisations of their community plus the service centre', async () => {
    const club = await call(admin, 'POST', '/organisations', { kind: 'club', name: `${T}同德合唱团`, regionId: region['GC-C01-G01'].id });
    const otherClub = await call(admin, 'POST', '/organisations', { kind: 'club', name: `${T}映月合唱团`, regionId: region['GC-C02'].id });
    const [{ residentId }] = await t.database.db.select({ residentId: people.id }).from(people).innerJoin(accounts, eq(accounts.personId, people.id)).where(eq(accounts.login, '13800000001'));
    const joined = await call(admin, 'POST', `/organisations/${club.json().id}/members`, { personId: residentId, role: 'member', joinedOn: '2025-01-01' });
    expect(joined.statusCode, joined.body).toBe(201);

    const res = await call(resident, 'GET', '/me/nearby');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.community).toEqual({ id: region['GC-C01'].id, name: region['GC-C01'].name });
    const ids = body.venues.map((v: VenueOut) => v.id);
    expect(ids).toEqual(expect.arrayContaining([centre.id, station.id, partyVenue.id]));
    expect(ids).not.toContain(otherStation.id);
    // Every venue is the subdistrict's own or inside the resident's community.
    for (const v of body.venues as VenueOut[]) {
      const path = regionById.get(v.regionId)!.path;
      expect(path === region.GC.path || path.startsWith(region['GC-C01'].path)).toBe(true);
    }
    const mineStation = body.venues.find((v: VenueOut) => v.id === station.id);
    expect(mineStation.rooms.map((r: { name: string }) => r.name)).toEqual(['舞蹈室', '四点半课堂']);
    expect(mineStation.allowedActions).toEqual([]);
    expect(body.venues.find((v: VenueOut) => v.id === centre.id).openNow).toBe(true);

    const orgIds = body.organisations.map((o: { id: string }) => o.id);
    expect(orgIds).toContain(club.json().id);
    expect(orgIds).not.toContain(otherClub.json().id);
    const shown = body.organisations.find((o: { id: string }) => o.id === club.json().id);
    expect(Object.keys(shown).sort()).toEqual(['id', 'kind', 'kindLabel', 'memberCount', 'name']);
    expect(shown.memberCount).toBe(1);
    expect(JSON.stringify(body)).not.toContain('138');
  });

  it('exports the venues ledger as a readable xlsx', async () => {
    const res = await call(admin, 'GET', `/venues/export.xlsx?kind=service_centre&${q()}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '阵地名称', '类型', '所属区域', '地址', '联系电话', '房间数', '开放时间']);
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2).values as unknown[];
    expect(row.slice(1, 7)).toEqual([`${T}桂城街道党群服务中心`, '党群服务中心', region.GC.name, '桂城南海大道1号', '0757-86200000', 1]);
    expect(row[7]).toBe('周一 08:30-12:00、14:00-18:00；周二 08:30-12:00、14:00-18:00；周三 08:30-12:00、14:00-18:00；周四 08:30-12:00、14:00-18:00；周五 08:30-12:00、14:00-18:00');
    expect((await call(resident, 'GET', '/venues/export.xlsx')).statusCode).toBe(403);
  });

  it('contributes live venue figures with drill-down paths', async () => {
    const all = await venuesModule.stats!(t.database.db, region['GC-C01']);
    const now = new Map(all.map((f) => [f.key, f.value]));
    const delta = (key: string) => now.get(key)! - baseline.get(key)!;
    expect(delta('venues.acquaintance_station')).toBe(1);
    expect(delta('venues.party_venue')).toBe(1);
    expect(delta('venues.by_kind')).toBe(2); // the service centre sits at the subdistrict, outside GC-C01
    const byKind = all.find((f) => f.key === 'venues.by_kind')!;
    expect(byKind.breakdown!.map((b) => b.key)).toEqual(['party_venue', 'acquaintance_station', 'service_centre', 'service_station', 'notable_tea_room']);
    const stations = all.find((f) => f.key === 'venues.acquaintance_station')!;
    expect(stations.zh).toBe('创熟加油站');
    expect(stations.listPath).toBe(`/api/v1/venues?kind=acquaintance_station&regionId=${region['GC-C01'].id}`);
    const listed = await call(admin, 'GET', `${stations.listPath!.replace('/api/v1', '')}&limit=200`);
    expect(listed.json().items).toHaveLength(stations.value);
  });
});
