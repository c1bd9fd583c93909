import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { accounts, regions } from '../../db/schema/index.js';
import type { TestApp } from '../../../test/helpers.js';
import { workingCalendar } from './appeals.setup.js';
import { sweepOverdue } from './appeals.sweeper.js';
import { RECOUNT_SQL } from './appeals.stats.js';
import { TRENDS_RECOUNT_SQL } from './appeals.trends.js';

/** Test helpers for the appeals suites: region ids by demo code, person ids by demo login, JSON calls. */
export async function regionId(t: TestApp, code: string): Promise<string> {
  const [r] = await t.database.db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  return r.id;
}

export async function personOf(t: TestApp, login: string): Promise<string> {
  const [a] = await t.database.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.login, login));
  return a.personId;
}

export function caller(t: TestApp, cookie: string) {
  return {
    post: (url: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload: payload as any }),
    get: (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } }),
  };
}

/**
 * Every path of commands an appeal can take, through the API, for the suites that check kept figures (rollups,
 * weekly trends) against a recount: a resident of building GC-C01-G01-B01 reports, the operations centre (admin)
 * accepts and dispatches, the community worker works it. `check` runs after each step that moves the figures.
 * `as` holds the signed-in callers; `signInAgain` renews their sessions after the clock jumps days ahead.
 */
export async function commandTour(t: TestApp, check: () => Promise<void>) {
  const as = { resident: caller(t, await t.login('13800000001')), ops: caller(t, await t.login('admin')), worker: caller(t, await t.login('worker')) };
  const signInAgain = async () => {
    as.resident = caller(t, await t.login('13800000001'));
    as.ops = caller(t, await t.login('admin'));
    as.worker = caller(t, await t.login('worker'));
  };
  const b1 = await regionId(t, 'GC-C01-G01-B01');
  const submit = async (categoryCode: string, description: string) => {
    const res = await as.resident.post('/appeals', { categoryCode, description, regionId: b1 });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const ok = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
  };
  return {
    as,
    signInAgain,
    submit,
    ok,
    /** Submit, dispatch down to the grid, start, handle, "not fixed" (rework), handle again, verify, close with a rating. */
    async reworkedAndClosed(): Promise<string> {
      const a = await submit('living_environment', '小区空地积水');
      await ok(as.ops.post(`/appeals/${a}/accept`));
      await ok(as.ops.post(`/appeals/${a}/dispatch`, { level: 'grid' }));
      await ok(as.worker.post(`/appeals/${a}/start`));
      await ok(as.worker.post(`/appeals/${a}/handle`, { note: '已清理' }));
      await ok(as.resident.post(`/appeals/${a}/verify`, { fixed: false, note: '还有积水' }));
      await check();
      await ok(as.worker.post(`/appeals/${a}/handle`, { note: '已疏通排水' }));
      await ok(as.resident.post(`/appeals/${a}/verify`, { fixed: true }));
      await ok(as.resident.post(`/appeals/${a}/close`, { satisfaction: 'basically_satisfied' }));
      await check();
      return a;
    },
    /** Reject one report; merge a duplicate into another (`aroundMerge` may look before and after); pause, resume and escalate the survivor. */
    async rejectMergePauseEscalate(aroundMerge: (merge: () => Promise<void>) => Promise<void> = (merge) => merge()) {
      const b = await submit('other', '咨询事项');
      await ok(as.ops.post(`/appeals/${b}/reject`, { reason: '不属于受理范围' }));
      const c = await submit('noise', '夜间噪音');
      const d = await submit('noise', '夜间噪音，同一件事');
      await aroundMerge(() => ok(as.ops.post(`/appeals/${d}/merge`, { survivorId: c })));
      await ok(as.worker.post(`/appeals/${c}/pause`, { reason: '请补充具体时段' }));
      await ok(as.resident.post(`/appeals/${c}/resume`, { note: '晚上十一点后' }));
      await ok(as.worker.post(`/appeals/${c}/escalate`, { reason: '需要社区协调' }));
      await check();
    },
    /** Nobody responds: ten days later the sweeper climbs the ladder (the figures stay as they were). */
    async overdueSweep() {
      await submit('hygiene', '垃圾没人清');
      t.clock.advance(10 * 86_400_000);
      await sweepOverdue(t.database.db, t.clock.now());
      await check();
    },
  };
}

/**
 * Moves the test clock forward to 10:00 Asia/Shanghai on the next working day, so SLA arithmetic in a test
 * does not depend on the day the suite runs. (Forward only: the seed's records keep coming first.)
 */
export function startOnWorkingMorning(t: TestApp): Date {
  let day = new Date(t.clock.now().getTime() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  while (!workingCalendar.isWorkday(day)) day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  t.clock.current = new Date(`${day}T10:00:00+08:00`);
  return t.clock.current;
}

/** A multipart/form-data body with several files, for app.inject. */
export function photoUpload(files: { data: Buffer; filename?: string; type?: string }[]) {
  const boundary = `----shuren${Math.random().toString(16).slice(2)}`;
  const parts = files.map((f, i) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.filename ?? `photo-${i}.jpg`}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`),
      f.data,
      Buffer.from('\r\n'),
    ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads photos as the cookie's person and returns the response. */
export function uploadPhotos(t: TestApp, cookie: string, files: { data: Buffer; filename?: string; type?: string }[], query = '') {
  const m = photoUpload(files);
  return t.app.inject({ method: 'POST', url: `/api/v1/appeals/photos${query}`, headers: { cookie, ...m.headers }, payload: m.payload });
}

const ROLLUP_COLUMNS = 'region_path, category_code, total, responded_on_time, accepted, closed, closed_on_time, rated, satisfied, handled, reworked, closed_ms, closed_grid, closed_compound, closed_community, closed_subdistrict, closed_department';
const TREND_COLUMNS = 'region_path, category_code, week, submitted, accepted, responded_on_time, resolved, closed, closed_on_time, rated, satisfied, reworked, closed_ms';
const TREND_SELECT = 'select region_path, category_code, week::text as week, submitted, accepted, responded_on_time, resolved, closed, closed_on_time, rated, satisfied, reworked, closed_ms';

/**
 * The kept figures (appeal_rollups, appeal_trends) and the same rows counted from the appeals, in one order, for
 * the suites that compare them. Rows that are all zero are left out of the kept side, as a recount has none.
 */
export function keptFigures(t: TestApp) {
  const rows = async (text: string): Promise<Record<string, unknown>[]> =>
    ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({ ...r, ...('week' in r ? { week: String(r.week) } : {}), closed_ms: Number(r.closed_ms) }));
  return {
    rollups: () => rows(`select ${ROLLUP_COLUMNS} from appeal_rollups where total <> 0 or accepted <> 0 order by region_path, category_code`),
    rollupRecount: () => rows(`select * from (${RECOUNT_SQL}) r(${ROLLUP_COLUMNS}) where total <> 0 or accepted <> 0 order by region_path, category_code`),
    trends: () => rows(`${TREND_SELECT} from appeal_trends where submitted <> 0 or closed <> 0 order by region_path, category_code, week`),
    trendRecount: () => rows(`${TREND_SELECT} from (${TRENDS_RECOUNT_SQL}) r(${TREND_COLUMNS}) order by region_path, category_code, week`),
  };
}
