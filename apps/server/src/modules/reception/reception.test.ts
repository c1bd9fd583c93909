import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isoWeekday } from '@shuren/core';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog, regions } from '../../db/schema/index.js';

describe('reception days (楼长接待日)', () => {
  let t: TestApp;
  let admin: string, worker: string, louzhang: string, resident: string;
  const region: Record<string, string> = {};
  const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const B01 = () => region['GC-C01-G01-B01']!;

  beforeAll(async () => {
    t = await createTestApp();
    // Wednesday 2026-03-04 12:00 in Shanghai.
    t.clock.current = new Date('2026-03-04T04:00:00Z');
    [admin, worker, louzhang, resident] = await Promise.all(['admin', 'worker', 'louzhang', '13800000001'].map((l) => t.login(l)));
    for (const r of await t.database.db.select().from(regions)) region[r.code] = r.id;
  });
  afterAll(async () => t?.close());

  it('shows the seeded schedule of the demo 楼长 with the next 4 sessions in Shanghai time', async () => {
    const res = await inject('GET', `/reception-days?regionId=${B01()}`, louzhang);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.slots).toHaveLength(2);
    expect(body.slots[0]).toMatchObject({ holder: { name: '楼长', roleLabel: { zh: '楼长' } }, status: 'active', allowedActions: ['end', 'cancelSession'] });
    // Wednesday 19:00 (today, not yet begun), Saturday 09:00, then the next week.
    expect(body.upcoming.map((s: { date: string; startTime: string }) => `${s.date} ${s.startTime}`)).toEqual(['2026-03-04 19:00', '2026-03-07 09:00', '2026-03-11 19:00', '2026-03-14 09:00']);
    expect(body.upcoming[0]).toMatchObject({ startsAt: '2026-03-04T11:00:00.000Z', place: '1栋架空层', holderName: '楼长' });
  });

  it('lets the 楼长 schedule a one-off session, audited, and refuses bad times with the field', async () => {
    const ok = await inject('POST', '/reception-days', louzhang, { regionId: B01(), kind: 'once', date: '2026-03-05', startTime: '15:00', endTime: '16:00', place: '1栋门口' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'once', date: '2026-03-05', weekday: null, holder: { name: '楼长' }, allowedActions: ['end', 'cancelSession'] });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, ok.json().id), eq(auditLog.action, 'reception.create')));
    expect(audit).toHaveLength(1);
    const upcoming = (await inject('GET', `/reception-days?regionId=${B01()}`, resident)).json().upcoming;
    expect(upcoming[1]).toMatchObject({ date: '2026-03-05', startTime: '15:00', place: '1栋门口' });

    const bad = async (payload: object, field: string) => {
      const r = await inject('POST', '/reception-days', louzhang, { regionId: B01(), kind: 'weekly', weekday: 2, startTime: '09:00', endTime: '10:00', place: '架空层', ...payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ startTime: '25:00' }, '/body/startTime');
    await bad({ endTime: '08:30' }, '/body/endTime');
    await bad({ endTime: '09:00' }, '/body/endTime');
    await bad({ weekday: 8 }, '/body/weekday');
    await bad({ weekday: undefined }, '/body/weekday');
    await bad({ kind: 'once', weekday: undefined, date: '2026-03-01' }, '/body/date');
    await bad({ place: '' }, '/body/place');
  });

  it('refuses a holder without an active head assignment there (400), and other buildings to a 楼长 (403)', async () => {
    const residentPerson = (await inject('GET', '/auth/me', resident)).json();
    const personId = residentPerson.personId ?? residentPerson.person?.id;
    expect(typeof personId).toBe('string');
    const notHead = await inject('POST', '/reception-days', worker, { regionId: B01(), holderPersonId: personId, kind: 'weekly', weekday: 1, startTime: '09:00', endTime: '10:00', place: '架空层' });
    expect(notHead.statusCode).toBe(400);
    expect(notHead.json().errors[0].field).toBe('/body/holderPersonId');
    const community = await inject('POST', '/reception-days', worker, { regionId: region['GC-C01'], kind: 'weekly', weekday: 1, startTime: '09:00', endTime: '10:00', place: '架空层' });
    expect(community.statusCode).toBe(400);
    expect(community.json().errors[0].field).toBe('/body/regionId');
    const worksHimself = await inject('POST', '/reception-days', worker, { regionId: B01(), kind: 'weekly', weekday: 1, startTime: '09:00', endTime: '10:00', place: '架空层' });
    expect(worksHimself.statusCode).toBe(400);
    const other = await inject('POST', '/reception-days', louzhang, { regionId: region['GC-C01-G01-B02'], kind: 'weekly', weekday: 1, startTime: '09:00', endTime: '10:00', place: '架空层' });
    expect(other.statusCode).toBe(403);
    const byResident = await inject('POST', '/reception-days', resident, { regionId: B01(), kind: 'weekly', weekday: 1, startTime: '09:00', endTime: '10:00', place: '架空层' });
    expect(byResident.statusCode).toBe(403);
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/reception-days?regionId=${B01()}` });
    expect(anon.statusCode).toBe(401);
  });

  it('lets staff with assignment.manage schedule for the 楼长; residents read but cannot act', async () => {
    const louzhangId = (await inject('GET', `/reception-days?regionId=${B01()}`, worker)).json().slots[0].holder.personId;
    const res = await inject('POST', '/reception-days', worker, { regionId: B01(), holderPersonId: louzhangId, kind: 'weekly', weekday: 7, startTime: '14:00', endTime: '15:00', place: '小区广场' });
    expect(res.statusCode).toBe(201);
    expect(res.json().allowedActions).toEqual(['end', 'cancelSession']);
    const asResident = (await inject('GET', `/reception-days?regionId=${B01()}`, resident)).json();
    expect(asResident.slots.every((s: { allowedActions: string[] }) => s.allowedActions.length === 0)).toBe(true);
    expect((await inject('POST', `/reception-days/${res.json().id}/end`, resident, {})).statusCode).toBe(403);
    // A resident of B01 cannot read another building's schedule.
    expect((await inject('GET', `/reception-days?regionId=${region['GC-C01-G01-B02']}`, resident)).statusCode).toBe(403);
    expect((await inject('GET', `/reception-days?regionId=00000000-0000-7000-8000-000000000000`, admin)).statusCode).toBe(404);
  });

  it('cancels a session with a reason: it leaves the upcoming list and residents see why', async () => {
    const before = (await inject('GET', `/reception-days?regionId=${B01()}`, louzhang)).json();
    const saturday = before.slots.find((s: { weekday: number | null }) => s.weekday === 6);
    const res = await inject('POST', `/reception-days/${saturday.id}/cancel-session`, louzhang, { date: '2026-03-07', reason: '楼长外出开会' });
    expect(res.statusCode).toBe(200);
    expect(res.json().cancelledSessions).toEqual([{ date: '2026-03-07', reason: '楼长外出开会' }]);
    const after = (await inject('GET', '/me/reception-days', resident)).json().forMyHome;
    expect(after.upcoming.some((s: { slotId: string; date: string }) => s.slotId === saturday.id && s.date === '2026-03-07')).toBe(false);
    expect(after.upcoming.some((s: { slotId: string; date: string }) => s.date === '2026-03-08')).toBe(true);
    expect(after.slots.find((s: { id: string }) => s.id === saturday.id).cancelledSessions[0].reason).toBe('楼长外出开会');

    const again = await inject('POST', `/reception-days/${saturday.id}/cancel-session`, louzhang, { date: '2026-03-07', reason: '再次' });
    expect(again.statusCode).toBe(409);
    const notSaturday = await inject('POST', `/reception-days/${saturday.id}/cancel-session`, louzhang, { date: '2026-03-09', reason: 'x' });
    expect(notSaturday.statusCode).toBe(400);
    expect(notSaturday.json().errors[0].field).toBe('/body/date');
    const noReason = await inject('POST', `/reception-days/${saturday.id}/cancel-session`, louzhang, { date: '2026-03-14' });
    expect(noReason.statusCode).toBe(400);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, saturday.id), eq(auditLog.action, 'reception.cancel_session')));
    expect(audit).toHaveLength(1);
  });

  it('ends a slot: no more sessions from it, a second end is 409, and it is audited', async () => {
    const mine = (await inject('GET', '/me/reception-days', louzhang)).json().holding;
    const wednesday = mine.slots.find((s: { weekday: number | null }) => s.weekday === 3);
    const res = await inject('POST', `/reception-days/${wednesday.id}/end`, louzhang, { reason: '改到周六' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ended', endReason: '改到周六', allowedActions: [] });
    const now = (await inject('GET', '/me/reception-days', louzhang)).json().holding;
    expect(now.slots.some((s: { id: string }) => s.id === wednesday.id)).toBe(false);
    expect(now.upcoming.every((s: { slotId: string; date: string }) => s.slotId !== wednesday.id)).toBe(true);
    expect(now.upcoming.every((s: { weekday: number; date: string }) => isoWeekday(s.date) === s.weekday)).toBe(true);
    expect((await inject('POST', `/reception-days/${wednesday.id}/end`, louzhang, {})).statusCode).toBe(409);
    const withEnded = (await inject('GET', `/reception-days?regionId=${B01()}&includeEnded=true`, louzhang)).json();
    expect(withEnded.slots.find((s: { id: string }) => s.id === wednesday.id).status).toBe('ended');
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, wednesday.id), eq(auditLog.action, 'reception.end')));
    expect(audit).toHaveLength(1);
  });

  it('refuses unknown fields and unknown ids', async () => {
    const extra = await inject('POST', '/reception-days', louzhang, { regionId: B01(), kind: 'weekly', weekday: 1, startTime: '09:00', endTime: '10:00', place: 'x', colour: 'red' });
    expect(extra.statusCode).toBe(400);
    expect((await inject('POST', '/reception-days/00000000-0000-7000-8000-000000000000/end', admin, {})).statusCode).toBe(404);
    expect((await inject('GET', '/reception-days', admin)).statusCode).toBe(400);
  });
});
