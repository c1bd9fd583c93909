import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { generateAppeals } from '../../seed/appeals.js';
import type { StatFigure } from '../manifest.js';
import { commandTour, startOnWorkingMorning } from './appeals.fixtures.js';
import { appealStats, rebuildAppealRollups, RECOUNT_SQL } from './appeals.stats.js';

const COLUMNS = 'region_path, category_code, total, responded_on_time, accepted, closed, closed_on_time, rated, satisfied, handled, reworked, closed_ms, closed_grid, closed_compound, closed_community, closed_subdistrict, closed_department';

describe('appeals: the dashboard rollups always equal a recount of the appeals', () => {
  let t: TestApp;
  const rows = async (text: string): Promise<Record<string, any>[]> => ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({ ...r, closed_ms: Number(r.closed_ms) }));
  const kept = () => rows(`select ${COLUMNS} from appeal_rollups where total <> 0 or accepted <> 0 order by region_path, category_code`);
  const recount = () => rows(`select * from (${RECOUNT_SQL}) r(${COLUMNS}) where total <> 0 or accepted <> 0 order by region_path, category_code`);
  const expectConsistent = async () => expect(await kept()).toEqual(await recount());

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
});
