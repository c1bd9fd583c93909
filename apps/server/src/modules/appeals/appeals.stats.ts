import { sql } from 'drizzle-orm';
import { APPEAL_LEVEL_LABELS, APPEAL_LEVELS, ratePercent, type AppealLevel } from '@shuren/core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { StatFigure } from '../manifest.js';
import { rebuildAppealTrends } from './appeals.trends.js';

/** The panel shows 0 where there is nothing to divide by (a figure, not a gap in a chart). */
const pct = (num: number, den: number) => ratePercent(num, den) ?? 0;

const SUMS = sql.raw(`coalesce(sum(total), 0)::int as total, coalesce(sum(responded_on_time), 0)::int as responded_on_time, coalesce(sum(accepted), 0)::int as accepted,
  coalesce(sum(closed), 0)::int as closed, coalesce(sum(closed_on_time), 0)::int as closed_on_time, coalesce(sum(rated), 0)::int as rated,
  coalesce(sum(satisfied), 0)::int as satisfied, coalesce(sum(handled), 0)::int as handled, coalesce(sum(reworked), 0)::int as reworked,
  coalesce(sum(closed_ms), 0)::float8 as closed_ms, coalesce(sum(closed_grid), 0)::int as grid, coalesce(sum(closed_compound), 0)::int as compound,
  coalesce(sum(closed_community), 0)::int as community, coalesce(sum(closed_subdistrict), 0)::int as subdistrict, coalesce(sum(closed_department), 0)::int as department`);

/**
 * The 接诉即办 figures for a region subtree. They come from `appeal_rollups` (per place and category, kept by
 * triggers in the same transaction as every command, migration 0008), so a subdistrict with a million appeals
 * sums a few thousand rows instead of counting the appeals; `rebuildAppealRollups` recounts them from the rows.
 * Rates are percentages with one decimal; merged duplicates are not counted as separate matters.
 */
export async function appealStats(db: DbOrTx, region: { id: string; path: string }): Promise<StatFigure[]> {
  const prefix = region.path + '%';
  const totals = await db.execute(sql`select ${SUMS} from appeal_rollups where region_path like ${prefix}`);
  const t = (totals.rows ?? totals)[0] as Record<string, number>;
  t.avg_hours = t.closed === 0 ? 0 : Number(t.closed_ms) / t.closed / 3_600_000;
  const byCategory = await db.execute(sql`
    select r.category_code as code, c.name_zh as zh, c.name_en as en, sum(r.total)::int as n
    from appeal_rollups r join appeal_categories c on c.code = r.category_code
    where r.region_path like ${prefix} group by r.category_code, c.name_zh, c.name_en having sum(r.total) > 0 order by n desc, r.category_code`);
  const closedAt = (levels: AppealLevel[]) => levels.reduce((s, l) => s + t[l], 0);
  const list = (q: string) => `/api/v1/appeals?view=area&regionId=${region.id}${q}`;
  return [
    { key: 'appeals.total', zh: '诉求总数', en: 'Appeals', value: t.total, listPath: list('&includeFinished=true'),
      breakdown: ((byCategory.rows ?? byCategory) as { code: string; zh: string; en: string; n: number }[]).map((r) => ({ key: r.code, zh: r.zh, en: r.en, value: r.n })) },
    { key: 'appeals.response_rate', zh: '响应率（%）', en: 'Responded on time (%)', value: pct(t.responded_on_time, t.total) },
    { key: 'appeals.resolution_rate', zh: '解决率（%）', en: 'Resolved (%)', value: pct(t.closed, t.accepted) },
    { key: 'appeals.satisfaction_rate', zh: '满意率（%）', en: 'Satisfied (%)', value: pct(t.satisfied, t.rated) },
    { key: 'appeals.on_time_close_rate', zh: '按期结案率（%）', en: 'Closed on time (%)', value: pct(t.closed_on_time, t.closed) },
    { key: 'appeals.rework_rate', zh: '返工率（%）', en: 'Rework (%)', value: pct(t.reworked, t.handled) },
    { key: 'appeals.avg_handling_hours', zh: '平均办理时长（小时）', en: 'Average handling time (hours)', value: Math.round(Number(t.avg_hours) * 10) / 10 },
    { key: 'appeals.closed_by_level', zh: '各层级办结数', en: 'Closed at each level', value: t.closed,
      breakdown: APPEAL_LEVELS.map((l) => ({ key: l, zh: APPEAL_LEVEL_LABELS[l].zh, en: APPEAL_LEVEL_LABELS[l].en, value: closedAt([l]) })) },
    { key: 'appeals.settled_in_community', zh: '小事不出社区（%）', en: 'Settled within the community (%)', value: pct(closedAt(['grid', 'compound', 'community']), t.closed) },
    { key: 'appeals.settled_in_subdistrict', zh: '大事不出街道（%）', en: 'Settled within the subdistrict (%)', value: pct(closedAt(['grid', 'compound', 'community', 'subdistrict']), t.closed) },
  ];
}

/**
 * The rollup rows counted straight from the appeals (written independently of the trigger's appeal_rollup_row,
 * so comparing the two checks both): rebuild uses it, and tests compare it with what the triggers kept.
 */
export const RECOUNT_SQL = `select region_path, category_code,
  count(*) filter (where status <> 'merged')::int, count(*) filter (where status <> 'merged' and responded_on_time)::int,
  count(*) filter (where status not in ('merged', 'rejected'))::int, count(*) filter (where status = 'closed')::int,
  count(*) filter (where status = 'closed' and handled_on_time)::int, count(*) filter (where satisfaction is not null)::int,
  count(*) filter (where satisfaction in ('satisfied', 'basically_satisfied'))::int,
  count(*) filter (where handled_at is not null or status = 'closed' or rework_count > 0)::int, count(*) filter (where rework_count > 0)::int,
  coalesce(sum(round(extract(epoch from (closed_at - submitted_at)) * 1000)) filter (where status = 'closed' and closed_at is not null), 0)::bigint,
  count(*) filter (where status = 'closed' and closed_level = 'grid')::int, count(*) filter (where status = 'closed' and closed_level = 'compound')::int,
  count(*) filter (where status = 'closed' and closed_level = 'community')::int, count(*) filter (where status = 'closed' and closed_level = 'subdistrict')::int,
  count(*) filter (where status = 'closed' and closed_level = 'department')::int
  from appeals group by region_path, category_code`;
const RECOUNT = sql.raw(RECOUNT_SQL);

/**
 * Recounts the rollups and the weekly trends from the appeal rows (after a bulk load that skipped triggers, or to repair). One
 * transaction: readers see the old figures until the new ones are complete.
 */
export async function rebuildAppealRollups(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from appeal_rollups`);
    await tx.execute(sql`insert into appeal_rollups ${RECOUNT}`);
    await rebuildAppealTrends(tx);
  });
}
