import { sql } from 'drizzle-orm';
import { lastWeeks, shanghaiDayStart, trendWeek, type AppealTrendWeek } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';

/**
 * Weekly 接诉即办 trends of a region subtree (the dashboard's trend chart). Weeks run Monday to Sunday in
 * Asia/Shanghai. A subdistrict or a community sums `appeal_trends` (kept per community, category and week by the
 * rollup triggers, migration 0013): a few thousand rows however many appeals there are. Below the community the
 * rollup is too coarse, and the subtree small enough to count its own appeals through the index on region_path.
 */

const TREND_COLUMNS = 'region_path, category_code, week, submitted, accepted, responded_on_time, resolved, closed, closed_on_time, rated, satisfied, reworked, closed_ms';

// Written independently of the trigger's appeal_trend_place / appeal_week / appeal_trend_rows, so that comparing the
// kept rows with this recount checks both: the place is cut with split_part, the week by the ISO weekday at UTC+8.
const PLACE = `'/' || split_part(region_path, '/', 2) || '/' || case when split_part(region_path, '/', 3) = '' then '' else split_part(region_path, '/', 3) || '/' end`;
const WEEK = (col: string) => `((${col} at time zone 'UTC') + interval '8 hours')::date - (extract(isodow from (${col} at time zone 'UTC') + interval '8 hours')::int - 1)`;

/** The appeal_trends rows counted straight from the appeals (rebuild uses it; tests compare it with the kept rows). */
export const TRENDS_RECOUNT_SQL = `select region_path, category_code, week, sum(submitted)::int, sum(accepted)::int, sum(responded_on_time)::int, sum(resolved)::int,
  sum(closed)::int, sum(closed_on_time)::int, sum(rated)::int, sum(satisfied)::int, sum(reworked)::int, sum(closed_ms)::bigint
  from (
    select ${PLACE} as region_path, category_code, ${WEEK('submitted_at')} as week,
      count(*) filter (where status <> 'merged') as submitted, count(*) filter (where status not in ('merged', 'rejected')) as accepted,
      count(*) filter (where status <> 'merged' and responded_on_time) as responded_on_time, count(*) filter (where status = 'closed') as resolved,
      0 as closed, 0 as closed_on_time, 0 as rated, 0 as satisfied, 0 as reworked, 0 as closed_ms
    from appeals group by 1, 2, 3
    union all
    select ${PLACE}, category_code, ${WEEK('closed_at')}, 0, 0, 0, 0,
      count(*), count(*) filter (where handled_on_time), count(*) filter (where satisfaction is not null),
      count(*) filter (where satisfaction in ('satisfied', 'basically_satisfied')), count(*) filter (where rework_count > 0),
      sum(round(extract(epoch from (closed_at - submitted_at)) * 1000))
    from appeals where status = 'closed' and closed_at is not null group by 1, 2, 3
  ) x
  group by region_path, category_code, week
  having sum(submitted) + sum(accepted) + sum(closed) > 0`;

/** Recounts appeal_trends inside the caller's transaction (rebuildAppealRollups). */
export async function rebuildAppealTrends(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`delete from appeal_trends`);
  await tx.execute(sql.raw(`insert into appeal_trends (${TREND_COLUMNS}) ${TRENDS_RECOUNT_SQL}`));
}

/** The week's sums, columns of `appeal_trends` or of `appeal_trend_rows` under the alias `p`. */
const sums = (p: string) =>
  sql.raw(
    ['submitted', 'accepted', 'responded_on_time', 'resolved', 'closed', 'closed_on_time', 'rated', 'satisfied', 'reworked']
      .map((c) => `sum(${p}.${c})::int as ${c}`)
      .concat(`sum(${p}.closed_ms)::float8 as closed_ms`)
      .join(', '),
  );

interface WeekSums {
  week: string;
  submitted: number;
  accepted: number;
  responded_on_time: number;
  resolved: number;
  closed: number;
  closed_on_time: number;
  rated: number;
  satisfied: number;
  reworked: number;
  closed_ms: number;
}

function presentWeek(week: string, s: WeekSums | undefined): AppealTrendWeek {
  const n = (k: keyof Omit<WeekSums, 'week'>) => Number(s?.[k] ?? 0);
  return trendWeek(week, {
    submitted: n('submitted'),
    accepted: n('accepted'),
    respondedOnTime: n('responded_on_time'),
    resolved: n('resolved'),
    closed: n('closed'),
    closedOnTime: n('closed_on_time'),
    rated: n('rated'),
    satisfied: n('satisfied'),
    reworked: n('reworked'),
    closedMs: n('closed_ms'),
  });
}

/** Levels whose subtree the rollup answers (rows are kept per community, or per place above it). */
const ROLLUP_LEVELS = new Set(['subdistrict', 'community']);

export async function appealTrends(
  db: DbOrTx,
  region: { path: string; level: string },
  opts: { now: Date; weeks: number; categoryCode?: string },
): Promise<AppealTrendWeek[]> {
  const weeks = lastWeeks(opts.now, opts.weeks);
  const from = weeks[0];
  const to = weeks[weeks.length - 1];
  const prefix = region.path + '%';
  const since = shanghaiDayStart(from).toISOString();
  const category = opts.categoryCode ? sql`and r.category_code = ${opts.categoryCode}` : sql``;
  const result = ROLLUP_LEVELS.has(region.level)
    ? await db.execute(sql`select r.week::text as week, ${sums('r')} from appeal_trends r
        where r.region_path like ${prefix} and r.week between ${from}::date and ${to}::date ${category} group by r.week`)
    : await db.execute(sql`select t.week::text as week, ${sums('t')}
        from appeals a, appeal_trend_rows(a) t
        where a.region_path like ${prefix} ${opts.categoryCode ? sql`and a.category_code = ${opts.categoryCode}` : sql``}
          and (a.submitted_at >= ${since}::timestamptz or a.closed_at >= ${since}::timestamptz)
          and t.week between ${from}::date and ${to}::date
        group by t.week`);
  const rows = ((result as unknown as { rows: WeekSums[] }).rows ?? []) as WeekSums[];
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return weeks.map((w) => presentWeek(w, byWeek.get(w)));
}
