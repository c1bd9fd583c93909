import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { caller, regionId } from '../appeals/appeals.fixtures.js';
import { workingCalendar } from '../appeals/appeals.setup.js';
import { refreshCalendar } from './calendar.loader.js';

/** Holiday years: seeded from the shipped notices, kept by admins, and what the SLA clocks count on. */
let t: TestApp;
let admin: string;

const call = (method: 'GET' | 'PUT', url: string, payload?: unknown, cookie = admin) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie, 'accept-language': 'zh-CN' }, ...(payload === undefined ? {} : { payload: payload as any }) });

async function rows(query: ReturnType<typeof sql>): Promise<any[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: any[] }).rows;
}

const year2027 = {
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-03-02', name: '演练假日' },
  ],
  makeupWorkdays: ['2027-03-06'],
  source: '测试通知',
};

beforeAll(async () => {
  t = await createTestApp();
  // Monday 2027-03-01 10:00 Shanghai: a year with no shipped data (sessions follow the clock, so move it first).
  t.clock.current = new Date('2027-03-01T10:00:00+08:00');
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('holiday years', () => {
  it('are seeded from the shipped 2025–2026 notices, one row per year, each day named', async () => {
    const res = await call('GET', '/holiday-years');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((y: any) => y.year)).toEqual([2025, 2026]);
    const y2025 = res.json().items[0];
    // 261 weekdays, 18 of them off, 5 weekend days worked.
    expect(y2025).toMatchObject({ holidayDays: 28, makeupWorkdays: 5, workingDays: 248 });
    expect(y2025.names).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节、中秋节']);
    const one = (await call('GET', '/holiday-years/2026')).json();
    expect(one.holidays.filter((h: any) => h.name === '春节').map((h: any) => h.date)).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    expect(one.makeupWorkdays).toContain('2026-02-14');
    expect(one.allowedActions).toEqual(['edit']);
    expect((await call('GET', '/holiday-years/2031')).statusCode).toBe(404);
  });

  it('are for subdistrict admins only', async () => {
    for (const login of ['worker', 'auditor', '13800000001']) {
      const cookie = await t.login(login);
      expect((await call('GET', '/holiday-years', undefined, cookie)).statusCode).toBe(403);
      expect((await call('GET', '/holiday-years/2026', undefined, cookie)).statusCode).toBe(403);
      expect((await call('PUT', '/holiday-years/2027', year2027, cookie)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/holiday-years' })).statusCode).toBe(401);
    expect((await rows(sql`select count(*)::int as n from holiday_years where year = 2027`))[0].n).toBe(0);
  });

  it('refuses dates outside the year, a day both off and worked, a weekday make-up day, nonsense dates — on the field', async () => {
    const bad = async (body: unknown, field: string, code: string, year = 2027) => {
      const res = await call('PUT', `/holiday-years/${year}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
    };
    await bad({ holidays: [{ date: '2026-12-31', name: '元旦' }], makeupWorkdays: [] }, '/body/holidays/0/date', 'outside_year');
    await bad({ holidays: [{ date: '2027-03-06', name: 'x' }], makeupWorkdays: ['2027-03-06'] }, '/body/makeupWorkdays/0', 'both_holiday_and_workday');
    await bad({ holidays: [], makeupWorkdays: ['2027-03-03'] }, '/body/makeupWorkdays/0', 'not_weekend');
    await bad({ holidays: [{ date: '2027-02-30', name: 'x' }], makeupWorkdays: [] }, '/body/holidays/0/date', 'format');
    await bad({ holidays: [{ date: '27-3-1', name: 'x' }], makeupWorkdays: [] }, '/body/holidays/0/date', 'format');
    await bad({ holidays: [{ date: '2027-03-01', name: '' }], makeupWorkdays: [] }, '/body/holidays/0/name', 'minLength');
    await bad({ holidays: [], makeupWorkdays: [], extra: 1 }, '/body/extra', 'additionalProperties');
    expect((await call('PUT', '/holiday-years/1999', { holidays: [], makeupWorkdays: [] })).json().errors[0].field).toBe('/params/year');
    expect((await call('PUT', '/holiday-years/abc', { holidays: [], makeupWorkdays: [] })).statusCode).toBe(400);
    const msg = (await call('PUT', '/holiday-years/2027', { holidays: [{ date: '2028-01-01', name: 'x' }], makeupWorkdays: [] })).json().errors[0].message;
    expect(msg).toContain('2027');
  });

  it('a new year is saved, audited, and the SLA clocks count on it at once', async () => {
    // Monday 10:00: a hygiene report (grid: resolution 1 working day) is due Tuesday 10:00.
    const resident = caller(t, await t.login('13800000001'));
    const b1 = await regionId(t, 'GC-C01-G01-B01');
    const report = async () => {
      const res = await resident.post('/appeals', { categoryCode: 'hygiene', description: '垃圾没人收', regionId: b1 });
      expect(res.statusCode).toBe(201);
      return (await caller(t, admin).get(`/appeals/${res.json().id}`)).json();
    };
    expect((await report()).resolutionDueAt).toBe('2027-03-02T02:00:00.000Z');

    const res = await call('PUT', '/holiday-years/2027', year2027);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, source: '测试通知', makeupWorkdays: ['2027-03-06'], updatedBy: '管理员' });
    expect(res.json().workingDays).toBe(261 - 2 + 1);
    expect(workingCalendar.isWorkday('2027-03-02')).toBe(false);
    expect(workingCalendar.holidayName('2027-03-02')).toBe('演练假日');
    expect(workingCalendar.isWorkday('2027-03-06')).toBe(true);
    // Tuesday is now a day off: the same report is due Wednesday 10:00.
    expect((await report()).resolutionDueAt).toBe('2027-03-03T02:00:00.000Z');

    const audit = await rows(sql`select action, entity_id, region_path, before, after from audit_log where entity_type = 'holiday_year' order by at`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'holiday_year.create', entity_id: '2027', before: null, after: { makeupWorkdays: ['2027-03-06'] } });
    expect(audit[0].region_path).toMatch(/^\/.+\/$/);
    expect((await call('GET', '/holiday-years')).json().items.map((y: any) => y.year)).toEqual([2025, 2026, 2027]);
  });

  it('replacing a year takes days out as well as in, with the year as it was in the audit trail', async () => {
    const res = await call('PUT', '/holiday-years/2027', { holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json().source).toBe('测试通知');
    expect(workingCalendar.isWorkday('2027-03-02')).toBe(true);
    expect(workingCalendar.isWorkday('2027-03-06')).toBe(false);
    const [audit] = await rows(sql`select before, after from audit_log where action = 'holiday_year.update' and entity_id = '2027'`);
    expect(audit.before.holidays).toHaveLength(2);
    expect(audit.after.holidays).toEqual([{ date: '2027-01-01', name: '元旦' }]);
  });

  it('another instance’s save reaches this instance’s calendar on the next poll', async () => {
    expect(await refreshCalendar(t.database.db)).toBe(false);
    // As another instance would write it.
    await t.database.db.execute(sql`update holiday_years set holidays = '[{"date":"2027-01-01","name":"元旦"},{"date":"2027-04-05","name":"清明节"}]'::jsonb, updated_at = updated_at + interval '1 second' where year = 2027`);
    expect(workingCalendar.isWorkday('2027-04-05')).toBe(true);
    expect(await refreshCalendar(t.database.db)).toBe(true);
    expect(workingCalendar.isWorkday('2027-04-05')).toBe(false);
  });
});
