import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { generateAppeals } from '../../seed/appeals.js';
import { commandTour, keptFigures, regionId, startOnWorkingMorning } from './appeals.fixtures.js';
import { rebuildAppealRollups } from './appeals.stats.js';
import { shanghaiDayStart, shanghaiWeekStart, type AppealTrends } from '@shuren/core';
import { appealTrends } from './appeals.trends.js';

const DAY = 86_400_000;
// Instants from 2000 to 2100.
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('appeal trends: kept weekly rows equal a recount; the endpoint', () => {
  let t: TestApp;
  let admin: string;
  const rows = async (text: string): Promise<Record<string, any>[]> => ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
  const kept = () => keptFigures(t).trends();
  const expectConsistent = async () => {
    const k = await kept();
    expect(k.length).toBeGreaterThan(0);
    expect(k).toEqual(await keptFigures(t).trendRecount());
  };
  const trends = async (id: string, query = '', cookie = admin) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${id}/appeal-trends${query}`, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as AppealTrends & { errors?: { field: string; code: string; message: string }[] } };
  };
  const sum = (b: AppealTrends, k: 'submitted' | 'closed' | 'resolved' | 'accepted') => b.weeks.reduce((s, w) => s + w[k], 0);

  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('the database buckets instants into the same Shanghai weeks as the code', async () => {
    const sample = fc.sample(instant, 300);
    const list = sql.join(sample.map((ms) => sql`(${new Date(ms).toISOString()}::timestamptz)`), sql`, `);
    const res = (await t.database.db.execute(sql`select appeal_week(x)::text as w from (values ${list}) v(x)`)) as unknown as { rows: { w: string }[] };
    expect(res.rows.map((r) => r.w)).toEqual(sample.map((ms) => shanghaiWeekStart(ms)));
  });

  it('after generated history, every command (reopen and close again in a later week), the sweeper and a rebuild', async () => {
    await generateAppeals(t.database.db, { count: 200, now: t.clock.now(), spanDays: 120 });
    await expectConsistent();

    const tour = await commandTour(t, expectConsistent);
    const { as, ok } = tour;
    const root = await regionId(t, 'GC');
    const c01 = await regionId(t, 'GC-C01');
    const thisWeek = () => shanghaiWeekStart(t.clock.now());
    const week = async (id: string, w: string, query = '') => (await trends(id, `?weeks=8${query}`)).body.weeks.find((x) => x.week === w)!;

    const before = await week(c01, thisWeek(), '&categoryCode=living_environment');
    const a = await tour.reworkedAndClosed();
    const firstClose = thisWeek();
    const closedOnce = await week(c01, firstClose, '&categoryCode=living_environment');
    expect(closedOnce.submitted).toBe(before.submitted + 1);
    expect(closedOnce.closed).toBe(before.closed + 1);
    expect(closedOnce.reworked).toBe(before.reworked + 1);
    expect(closedOnce.satisfied).toBe(before.satisfied + 1);

    // Eight days later (another week) the resident reopens it: it leaves the week it was closed in…
    t.clock.advance(8 * DAY);
    // Sessions end when the clock jumps days ahead: everyone signs in again.
    await tour.signInAgain();
    admin = await t.login('admin');
    await ok(as.resident.post(`/appeals/${a}/reopen`, { reason: '又积水了' }));
    await expectConsistent();
    const reopened = await week(c01, firstClose, '&categoryCode=living_environment');
    expect(reopened.closed).toBe(before.closed);
    expect(reopened.submitted).toBe(closedOnce.submitted);
    expect(reopened.resolved).toBe(closedOnce.resolved - 1);
    // …and closing it again counts it in the new week.
    const secondClose = thisWeek();
    expect(secondClose).not.toBe(firstClose);
    const ahead = await week(c01, secondClose, '&categoryCode=living_environment');
    await ok(as.worker.post(`/appeals/${a}/handle`, { note: '更换排水管' }));
    await ok(as.resident.post(`/appeals/${a}/verify`, { fixed: true }));
    await ok(as.resident.post(`/appeals/${a}/close`, { satisfaction: 'satisfied' }));
    await expectConsistent();
    expect((await week(c01, secondClose, '&categoryCode=living_environment')).closed).toBe(ahead.closed + 1);
    expect((await week(c01, firstClose, '&categoryCode=living_environment')).resolved).toBe(closedOnce.resolved);

    // Reject, merge (a merged duplicate is not a matter of its own), pause/resume, escalate; then the sweeper.
    await tour.rejectMergePauseEscalate(async (merge) => {
      const noiseBefore = await week(root, thisWeek(), '&categoryCode=noise');
      await merge();
      expect((await week(root, thisWeek(), '&categoryCode=noise')).submitted).toBe(noiseBefore.submitted - 1);
    });
    await tour.overdueSweep();

    // A rebuild (bulk loads rely on it) gives the same rows.
    const keptRows = await kept();
    await rebuildAppealRollups(t.database.db);
    expect(await kept()).toEqual(keptRows);
  });

  it('the endpoint: N weeks ending now; the subdistrict and community answers (rollup) equal a count of the appeals in the window', async () => {
    admin = await t.login('admin'); // the clock moved past the earlier session's lifetime
    const root = await regionId(t, 'GC');
    const now = t.clock.now();
    const { status, body } = await trends(root, '?weeks=52');
    expect(status).toBe(200);
    expect(body.weeks).toHaveLength(52);
    expect(body.weeks[51].week).toBe(shanghaiWeekStart(now));
    expect(body.categoryCode).toBeNull();
    const from = shanghaiDayStart(body.weeks[0].week).toISOString();
    const [direct] = await rows(`select count(*) filter (where status <> 'merged' and submitted_at >= '${from}')::int as submitted,
      count(*) filter (where status = 'closed' and closed_at >= '${from}')::int as closed from appeals`);
    expect(sum(body, 'submitted')).toBe(direct.submitted);
    expect(sum(body, 'closed')).toBe(direct.closed);
    expect(sum(body, 'submitted')).toBeGreaterThan(0);
    // Default 26 weeks.
    expect((await trends(root)).body.weeks).toHaveLength(26);
    // Rates follow the counts.
    for (const w of body.weeks) {
      if (w.closed === 0) expect(w.rates.onTimeClose).toBeNull();
      else expect(w.rates.onTimeClose).toBe(Math.round((w.closedOnTime / w.closed) * 1000) / 10);
      if (w.rated > 0) expect(w.rates.satisfaction).toBe(Math.round((w.satisfied / w.rated) * 1000) / 10);
    }
  });

  it('for any community, the rollup answer equals counting its appeals; categories add up to the total', async () => {
    admin = await t.login('admin');
    const communities = await rows(`select id::text as id, path from regions where level = 'community' order by code`);
    const grids = await rows(`select id::text as id, path from regions where level = 'grid2' order by code`);
    const now = t.clock.now();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 4, max: 30 }), async (pick, weeks) => {
        const c = communities[pick % communities.length];
        const viaRollup = await appealTrends(t.database.db, { path: c.path, level: 'community' }, { now, weeks });
        const viaAppeals = await appealTrends(t.database.db, { path: c.path, level: 'grid2' }, { now, weeks });
        expect(viaRollup).toEqual(viaAppeals);
      }),
      { numRuns: 15 },
    );
    // A level-2 grid below a community: its children's submissions never exceed the community's.
    const g = grids[0];
    const c = communities.find((x) => g.path.startsWith(x.path))!;
    const grid = await trends(g.id, '?weeks=52');
    const community = await trends(c.id, '?weeks=52');
    expect(grid.status).toBe(200);
    grid.body.weeks.forEach((w, i) => expect(w.submitted).toBeLessThanOrEqual(community.body.weeks[i].submitted));
    // Per category figures add up to the total.
    const root = await regionId(t, 'GC');
    const total = await trends(root, '?weeks=30');
    const cats = await rows(`select distinct category_code as code from appeals`);
    let submitted = 0;
    for (const { code } of cats) {
      const r = await trends(root, `?weeks=30&categoryCode=${code}`);
      expect(r.status).toBe(200);
      expect(r.body.categoryCode).toBe(code);
      submitted += sum(r.body, 'submitted');
    }
    expect(submitted).toBe(sum(total.body, 'submitted'));
  });

  it('refusals: bad query 400 with field errors, unknown region 404, outside the caller’s scope 403, no session 401', async () => {
    admin = await t.login('admin');
    const root = await regionId(t, 'GC');
    const c02 = await regionId(t, 'GC-C02');
    const c01 = await regionId(t, 'GC-C01');
    for (const [q, field] of [
      ['?weeks=3', '/query/weeks'],
      ['?weeks=105', '/query/weeks'],
      ['?weeks=abc', '/query/weeks'],
      ['?weeks=4.5', '/query/weeks'],
      ['?categoryCode=NOISE', '/query/categoryCode'],
      ['?categoryCode=no_such_category', '/query/categoryCode'],
      ['?region=x', '/query/region'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${root}/appeal-trends${q}`, headers: { cookie: admin, 'accept-language': 'zh-CN' } });
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unknown = await trends('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect((await trends('not-a-uuid')).status).toBe(400);
    // A community worker sees their own community, not the neighbour's nor the subdistrict.
    const worker = await t.login('worker');
    expect((await trends(c01, '', worker)).status).toBe(200);
    expect((await trends(c02, '', worker)).status).toBe(403);
    expect((await trends(root, '', worker)).status).toBe(403);
    // Residents hold no stats.read.
    expect((await trends(c01, '', await t.login('13800000001'))).status).toBe(403);
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${root}/appeal-trends` });
    expect(anon.statusCode).toBe(401);
  });
});
