import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { ConfigError, loadConfig } from '../../config.js';
import { ensureDemoData } from '../../seed/demo.js';
import { DEMO_PASSWORD } from '../../seed/demo-accounts.js';
import { OffsetClock } from '../../shared/time.js';
import { cookieOf, createTestApp, freshDatabase, type TestApp } from '../../../test/helpers.js';
import { workingCalendar } from '../appeals/index.js';

/** A server as `CLOCK_CONTROL=true` starts it: the demo data and an OffsetClock (real time plus what admins add). */
async function clockApp() {
  const database = await freshDatabase();
  const clock = new OffsetClock();
  const config = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv, { sessionCacheSeconds: 0, clockControl: true });
  const app = await buildApp({ config, database, clock });
  await ensureDemoData(database.db, { scale: 'small' });
  await app.ready();
  return { app, database, clock, close: async () => (await app.close(), await database.drop()) };
}

async function login(app: FastifyInstance, who: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: who, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return cookieOf(res);
}

/** 10:00 Asia/Shanghai on the first working day after `from`. */
function nextWorkingMorning(from: Date): Date {
  let day = new Date(from.getTime() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  while (!workingCalendar.isWorkday(day)) day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(`${day}T10:00:00+08:00`);
}

describe('CLOCK_CONTROL: the configuration', () => {
  it('is off unless asked for, and refused in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).clockControl).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', CLOCK_CONTROL: 'true' }).clockControl).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', CLOCK_CONTROL: 'true' }).clockControl).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', CLOCK_CONTROL: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', CLOCK_CONTROL: 'true' })).toThrow(/CLOCK_CONTROL must not be set in production/);
    expect(loadConfig({ NODE_ENV: 'production', CLOCK_CONTROL: 'false' }).clockControl).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'development', CLOCK_CONTROL: 'soon' })).toThrow(/CLOCK_CONTROL must be true or false/);
  });

  it('OffsetClock: ahead of the real time by exactly what was added, back to it on reset, never backwards', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 * 24 * 60 * 60_000 }), { maxLength: 20 }), (steps) => {
        const clock = new OffsetClock();
        for (const ms of steps) clock.advance(ms);
        const total = steps.reduce((s, x) => s + x, 0);
        expect(clock.offsetMs()).toBe(total);
        const before = Date.now();
        const now = clock.now().getTime();
        expect(now - total).toBeGreaterThanOrEqual(before);
        expect(now - total).toBeLessThanOrEqual(Date.now());
        clock.reset();
        expect(clock.offsetMs()).toBe(0);
      }),
    );
    const clock = new OffsetClock();
    expect(() => clock.advance(0)).toThrow(RangeError);
    expect(() => clock.advance(-60_000)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(clock.offsetMs()).toBe(0);
  });
});

describe('CLOCK_CONTROL off: there is no clock to move', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers 404 to the admin, and the OpenAPI document does not list it', async () => {
    const cookie = await t.login('admin');
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/v1/dev/clock', headers: { cookie }, ...(method === 'POST' ? { payload: { advanceMinutes: 60 } } : {}) });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).not.toContain('/api/v1/dev/clock');
  });
});

describe('CLOCK_CONTROL on: nobody responds, the admin moves the clock, the appeal climbs the ladder', () => {
  let s: Awaited<ReturnType<typeof clockApp>>;
  beforeAll(async () => {
    s = await clockApp();
  });
  afterAll(async () => s?.close());

  const call = (cookie: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    s.app.inject({ method, url: `/api/v1${url}`, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as any } : {}) });

  it('lets only a subdistrict admin read or move it, and refuses malformed input with field errors', async () => {
    expect((await call(null, 'POST', '/dev/clock', { advanceMinutes: 60 })).statusCode).toBe(401);
    for (const who of ['13800000001', 'louzhang', 'gridworker', 'worker', 'auditor']) {
      const cookie = await login(s.app, who);
      for (const method of ['GET', 'POST', 'DELETE'] as const) {
        const res = await call(cookie, method, '/dev/clock', method === 'POST' ? { advanceMinutes: 60 } : undefined);
        expect(res.statusCode, `${who} ${method}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect(s.clock.offsetMs()).toBe(0);

    const admin = await login(s.app, 'admin');
    for (const body of [{}, { advanceMinutes: 0 }, { advanceMinutes: -5 }, { advanceMinutes: 1.5 }, { advanceMinutes: '60' }, { advanceMinutes: 60 * 24 * 60 + 1 }, { advanceMinutes: 60, to: 'tomorrow' }]) {
      const res = await call(admin, 'POST', '/dev/clock', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(problem.errors?.length, JSON.stringify(problem)).toBeGreaterThan(0);
      expect(problem.errors.every((f: { field: string; message: string }) => f.field.startsWith('/body') && f.message)).toBe(true);
    }
    // In the caller's language: Chinese by default, English when asked for.
    const zh = (await call(admin, 'POST', '/dev/clock', { advanceMinutes: 0 })).json();
    const en = (await s.app.inject({ method: 'POST', url: '/api/v1/dev/clock', headers: { cookie: admin, 'accept-language': 'en' }, payload: { advanceMinutes: 0 } })).json();
    expect(zh.errors).toEqual([expect.objectContaining({ field: '/body/advanceMinutes', code: 'minimum' })]);
    expect(en.errors).toEqual([expect.objectContaining({ field: '/body/advanceMinutes', code: 'minimum' })]);
    expect(zh.errors[0].message).not.toBe(en.errors[0].message);
    const bad = await s.app.inject({ method: 'POST', url: '/api/v1/dev/clock', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"advanceMinutes": ' });
    expect(bad.statusCode).toBe(400);
    expect(s.clock.offsetMs()).toBe(0);
    const read = await call(admin, 'GET', '/dev/clock');
    expect(read.statusCode).toBe(200);
    expect(read.json().offsetMinutes).toBe(0);
  });

  it('escalates at each deadline with notices to the next unit and audit rows, then goes back to the real time', async () => {
    let admin = await login(s.app, 'admin');
    // Start at 10:00 on a working morning (the clock only moves forward), then everyone signs in again.
    const morning = nextWorkingMorning(s.clock.now());
    const toMorning = await call(admin, 'POST', '/dev/clock', { advanceMinutes: Math.ceil((morning.getTime() - s.clock.now().getTime()) / 60_000) });
    expect(toMorning.statusCode, toMorning.body).toBe(200);
    expect(Date.parse(toMorning.json().now)).toBeGreaterThanOrEqual(morning.getTime());
    admin = await login(s.app, 'admin');
    const resident = await login(s.app, '13800000001');
    const household = (await call(resident, 'GET', '/me/neighbourhood')).json().household.id;
    const created = await call(resident, 'POST', '/appeals', { categoryCode: 'hygiene', description: '垃圾桶满了三天没人清', householdId: household });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().level).toBe('grid');

    const detail = async () => (await call(admin, 'GET', `/appeals/${id}`)).json();
    const minutesPast = (iso: string) => Math.ceil((Date.parse(iso) - s.clock.now().getTime()) / 60_000) + 1;
    const inbox = async (who: string) => (await call(await login(s.app, who), 'GET', '/me/notifications?unread=true&limit=50')).json().items as { kind: string; appealId: string; title: string }[];

    // Not yet due: moving the clock a little escalates nothing.
    const early = await call(admin, 'POST', '/dev/clock', { advanceMinutes: 30 });
    expect(early.json().sweep.escalated).toBe(0);
    expect((await detail()).unit.level).toBe('grid');

    // Past the building's response deadline: one rung up, to the compound, and the compound's grid worker hears of it.
    const first = await call(admin, 'POST', '/dev/clock', { advanceMinutes: minutesPast((await detail()).responseDueAt) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().sweep.escalated).toBe(1);
    const d1 = await detail();
    expect(d1.unit.level).toBe('compound');
    expect(d1.escalationCount).toBe(1);
    expect(d1.timeline.filter((e: any) => e.type === 'escalated')).toEqual([expect.objectContaining({ actor: expect.objectContaining({ role: 'system' }), data: expect.objectContaining({ automatic: 'response' }) })]);
    expect((await inbox('gridworker')).some((n) => n.kind === 'escalated' && n.appealId === id && n.title.includes('小区'))).toBe(true);
    expect((await inbox('louzhang')).some((n) => n.kind === 'overdue' && n.appealId === id)).toBe(true);

    // Still nobody: past the compound's deadline it climbs to the community, whose worker hears of it.
    admin = await login(s.app, 'admin');
    const second = await call(admin, 'POST', '/dev/clock', { advanceMinutes: minutesPast(d1.dueAt) });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().sweep.escalated).toBe(1);
    admin = await login(s.app, 'admin');
    const d2 = await detail();
    expect(d2.unit.level).toBe('community');
    expect(d2.timeline.filter((e: any) => e.type === 'escalated')).toHaveLength(2);
    expect((await inbox('worker')).some((n) => n.kind === 'escalated' && n.appealId === id && n.title.includes('社区'))).toBe(true);

    // Every move of the clock is audited with who moved it; so are the escalations.
    const audit = (await s.database.db.execute(`select action, actor_name, entity_id, after from audit_log where entity_type = 'clock' or (entity_type = 'appeal' and entity_id = '${id}') order by at, id`)) as unknown as { rows: { action: string; actor_name: string | null; after: any }[] };
    const clockMoves = audit.rows.filter((r) => r.action === 'clock.advance');
    expect(clockMoves).toHaveLength(4);
    expect(clockMoves.every((r) => r.actor_name !== null && r.after.advanceMinutes > 0)).toBe(true);
    expect(audit.rows.filter((r) => r.action === 'appeal.escalate.auto')).toHaveLength(2);

    // Back to the real time: deadlines count from now again (the escalations stay).
    const back = await call(admin, 'DELETE', '/dev/clock');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().offsetMinutes).toBe(0);
    expect(Math.abs(Date.parse(back.json().now) - Date.now())).toBeLessThan(60_000);
    const resets = (await s.database.db.execute(`select count(*)::int as n from audit_log where action = 'clock.reset'`)) as unknown as { rows: { n: number }[] };
    expect(resets.rows[0].n).toBe(1);
    // The admin's session was made at the moved time, so it is still valid now.
    expect((await detail()).unit.level).toBe('community');
  });

  it('never answers a body of any shape with a 5xx; every refusal is problem+json', async () => {
    let admin = await login(s.app, 'admin');
    const body = fc.oneof(
      fc.anything(),
      fc.record({ advanceMinutes: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.array(fc.integer())) }, { requiredKeys: [] }),
      fc.string().map((x) => ({ advanceMinutes: 1, [x || 'extra']: x })),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await s.app.inject({ method: 'POST', url: '/api/v1/dev/clock', headers: { cookie: admin, 'content-type': 'application/json' }, payload: JSON.stringify(payload) ?? 'null' });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        // A valid body moved the clock; a long move ends the session the next calls run on.
        if (res.statusCode === 200) admin = await login(s.app, 'admin');
      }),
      { numRuns: 60, seed: 20261121 },
    );
  });
});
