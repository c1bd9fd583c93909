import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { generateAppeals } from '../../seed/appeals.js';
import type { StatFigure } from '../manifest.js';
import { commandTour, keptFigures, startOnWorkingMorning } from './appeals.fixtures.js';
import { appealStats, rebuildAppealRollups } from './appeals.stats.js';

describe('appeals: the dashboard rollups always equal a recount of the appeals', () => {
  let t: TestApp;
  const rows = async (text: string): Promise<Record<string, any>[]> => ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({ ...r, closed_ms: Number(r.closed_ms) }));
  const kept = () => keptFigures(t).rollups();
  const expectConsistent = async () => expect(await kept()).toEqual(await keptFigures(t).rollupRecount());

  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
  });
  afterAll(async () => t?.close());

  it('after generated history, every command path, the sweeper and a rebuild', async () => {
    await generateAppeals(t.database.db, { count: 150, now: t.clock.now(), spanDays: 20 });
    await expectConsistent();

    const tour = await commandTour(t, expectConsistent);
    const a = await tour.reworkedAndClosed();
    // Reopen, reject, merge, pause/resume, escalate.
    await tour.ok(tour.as.resident.post(`/appeals/${a}/reopen`, { reason: '又积水了' }));
    await tour.rejectMergePauseEscalate();
    // Nobody responds: the sweeper climbs the ladder (figures unchanged, rollups untouched but still equal).
    await tour.overdueSweep();

    // The figures the dashboard shows equal the same figures counted from the rows.
    const root = (await rows(`select id, path from regions where parent_id is null`))[0] as unknown as { id: string; path: string };
    const fig = Object.fromEntries((await appealStats(t.database.db, root)).map((f: StatFigure) => [f.key, f]));
    const [direct] = await rows(`select count(*) filter (where status <> 'merged')::int as total, count(*) filter (where status = 'closed')::int as closed,
      count(*) filter (where status not in ('merged','rejected'))::int as accepted from appeals`);
    expect(fig['appeals.total'].value).toBe(direct.total);
    expect(fig['appeals.closed_by_level'].value).toBe(direct.closed);
    expect(fig['appeals.resolution_rate'].value).toBe(Math.round(((direct.closed as number) / (direct.accepted as number)) * 1000) / 10);
    expect(fig['appeals.total'].breakdown!.reduce((s, x) => s + x.value, 0)).toBe(direct.total);

    // A rebuild (after a bulk load, or to repair) gives the same rows.
    const before = await kept();
    await rebuildAppealRollups(t.database.db);
    expect(await kept()).toEqual(before);
  });

  it('the row functions the insert trigger calls in FROM are planned inline, not called once per appeal', async () => {
    // A function PostgreSQL cannot inline shows as a Function Scan: one SQL-function call per appeal of a group.
    for (const fn of ['appeal_rollup_row', 'appeal_trend_rows']) {
      const plan = (await rows(`explain select x.* from appeals a, ${fn}(a) x`)).map((r) => Object.values(r)[0]).join('\n');
      expect(plan, fn).not.toMatch(/Function Scan/);
      expect(plan, fn).toMatch(/Seq Scan on appeals|Index.*Scan.*appeals/);
    }
  });
});
