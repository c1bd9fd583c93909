import { bigint, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

const count = (name: string) => integer(name).notNull().default(0);

/**
 * The 接诉即办 figures per place and category, kept by statement-level triggers on `appeals` in the same
 * transaction as every command (migration 0007/0008). The dashboard sums the rows of a region subtree instead of
 * counting a million appeals. Each column is the number of appeals for which the figure's condition holds
 * (see appealRollupVector in appeals.stats.ts); `closed_ms` sums closed_at − submitted_at of closed appeals.
 * Rows are keyed by what never changes on an appeal (its place and category), so one command moves one row.
 */
export const appealRollups = pgTable(
  'appeal_rollups',
  {
    regionPath: text('region_path').notNull(),
    categoryCode: text('category_code').notNull(),
    total: count('total'),
    respondedOnTime: count('responded_on_time'),
    accepted: count('accepted'),
    closed: count('closed'),
    closedOnTime: count('closed_on_time'),
    rated: count('rated'),
    satisfied: count('satisfied'),
    handled: count('handled'),
    reworked: count('reworked'),
    closedMs: bigint('closed_ms', { mode: 'number' }).notNull().default(0),
    closedGrid: count('closed_grid'),
    closedCompound: count('closed_compound'),
    closedCommunity: count('closed_community'),
    closedSubdistrict: count('closed_subdistrict'),
    closedDepartment: count('closed_department'),
  },
  (t) => [primaryKey({ columns: [t.regionPath, t.categoryCode] }), index('appeal_rollups_path_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);

/**
 * Weekly trends of the same figures, kept by the same triggers (migration with appeal_trend_rows): one row per
 * place truncated to its community (or the place itself above that), category and week (Monday, Asia/Shanghai).
 * An appeal counts in the week the event happened: submitted, accepted, responded_on_time and resolved (closed by
 * now) in its submitted week; closed, closed_on_time, rated, satisfied, reworked and closed_ms in its closing week,
 * only while it is closed (a reopen moves it out, closing again into the new week). Column order is the row type
 * appeal_trend_rows returns: keep it.
 */
export const appealTrends = pgTable(
  'appeal_trends',
  {
    regionPath: text('region_path').notNull(),
    categoryCode: text('category_code').notNull(),
    week: date('week', { mode: 'string' }).notNull(),
    submitted: count('submitted'),
    accepted: count('accepted'),
    respondedOnTime: count('responded_on_time'),
    resolved: count('resolved'),
    closed: count('closed'),
    closedOnTime: count('closed_on_time'),
    rated: count('rated'),
    satisfied: count('satisfied'),
    reworked: count('reworked'),
    closedMs: bigint('closed_ms', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionPath, t.categoryCode, t.week] }), index('appeal_trends_path_week_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.week)],
);
