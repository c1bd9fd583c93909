import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

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
