import { sql } from 'drizzle-orm';
import { APPEAL_LEVEL_LABELS, APPEAL_LEVELS, type AppealLevel } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import type { StatFigure } from '../manifest.js';

const pct = (num: number, den: number) => (den === 0 ? 0 : Math.round((num / den) * 1000) / 10);

/**
 * The 接诉即办 figures for a region subtree, counted from the appeal rows (never typed in).
 * Rates are percentages with one decimal; merged duplicates are not counted as separate matters.
 */
export async function appealStats(db: DbOrTx, region: { id: string; path: string }): Promise<StatFigure[]> {
  const prefix = region.path + '%';
  const totals = await db.execute(sql`
    select
      count(*) filter (where status <> 'merged')::int as total,
      count(*) filter (where responded_on_time is true and status <> 'merged')::int as responded_on_time,
      count(*) filter (where status not in ('merged','rejected'))::int as accepted,
      count(*) filter (where status = 'closed')::int as closed,
      count(*) filter (where status = 'closed' and handled_on_time is true)::int as closed_on_time,
      count(*) filter (where satisfaction is not null)::int as rated,
      count(*) filter (where satisfaction in ('satisfied','basically_satisfied'))::int as satisfied,
      count(*) filter (where handled_at is not null or status = 'closed' or rework_count > 0)::int as handled,
      count(*) filter (where rework_count > 0)::int as reworked,
      coalesce(avg(extract(epoch from (closed_at - submitted_at)) / 3600.0) filter (where status = 'closed'), 0)::float as avg_hours
    from appeals where region_path like ${prefix}`);
  const t = (totals.rows ?? totals)[0] as Record<string, number>;
  const byLevel = await db.execute(sql`select closed_level as level, count(*)::int as n from appeals where region_path like ${prefix} and status = 'closed' group by closed_level`);
  const byCategory = await db.execute(sql`
    select a.category_code as code, c.name_zh as zh, c.name_en as en, count(*)::int as n
    from appeals a join appeal_categories c on c.id = a.category_id
    where a.region_path like ${prefix} and a.status <> 'merged' group by a.category_code, c.name_zh, c.name_en order by n desc`);
  const levelRows = (byLevel.rows ?? byLevel) as { level: AppealLevel; n: number }[];
  const closedAt = (levels: AppealLevel[]) => levelRows.filter((r) => levels.includes(r.level)).reduce((s, r) => s + r.n, 0);
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
