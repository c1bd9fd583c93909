-- The insert path of the rollup trigger (migrations 0008, 0013), written for inserts alone: new appeals only add,
-- so their figures are grouped and upserted straight from the transition table, without building arrays for the
-- general add-and-subtract merge the update path needs. Intake inserts one appeal per statement, and this was
-- about 40 % of the database's work for a report (docs/benchmarks.md, "What limits submitting").
-- Same figures as before: appeal_rollup_row / appeal_trend_rows decide them; all-zero groups are skipped.
CREATE OR REPLACE FUNCTION appeal_rollups_after_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO appeal_rollups AS r
  SELECT x.region_path, x.category_code,
    sum(x.total)::int, sum(x.responded_on_time)::int, sum(x.accepted)::int, sum(x.closed)::int, sum(x.closed_on_time)::int,
    sum(x.rated)::int, sum(x.satisfied)::int, sum(x.handled)::int, sum(x.reworked)::int, sum(x.closed_ms)::bigint,
    sum(x.closed_grid)::int, sum(x.closed_compound)::int, sum(x.closed_community)::int, sum(x.closed_subdistrict)::int, sum(x.closed_department)::int
  -- In FROM, the row function runs once per appeal (in the select list, each (x).field would call it again).
  FROM new_rows n, appeal_rollup_row(n) x
  GROUP BY 1, 2
  HAVING (sum(x.total), sum(x.responded_on_time), sum(x.accepted), sum(x.closed), sum(x.closed_on_time), sum(x.rated), sum(x.satisfied),
    sum(x.handled), sum(x.reworked), sum(x.closed_ms), sum(x.closed_grid), sum(x.closed_compound), sum(x.closed_community),
    sum(x.closed_subdistrict), sum(x.closed_department)) IS DISTINCT FROM (0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::numeric, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint)
  ORDER BY 1, 2
  ON CONFLICT (region_path, category_code) DO UPDATE SET
    total = r.total + excluded.total, responded_on_time = r.responded_on_time + excluded.responded_on_time, accepted = r.accepted + excluded.accepted,
    closed = r.closed + excluded.closed, closed_on_time = r.closed_on_time + excluded.closed_on_time, rated = r.rated + excluded.rated,
    satisfied = r.satisfied + excluded.satisfied, handled = r.handled + excluded.handled, reworked = r.reworked + excluded.reworked,
    closed_ms = r.closed_ms + excluded.closed_ms, closed_grid = r.closed_grid + excluded.closed_grid, closed_compound = r.closed_compound + excluded.closed_compound,
    closed_community = r.closed_community + excluded.closed_community, closed_subdistrict = r.closed_subdistrict + excluded.closed_subdistrict,
    closed_department = r.closed_department + excluded.closed_department;
  INSERT INTO appeal_trends AS r (region_path, category_code, week, submitted, accepted, responded_on_time, resolved, closed, closed_on_time, rated, satisfied, reworked, closed_ms)
  SELECT t.region_path, t.category_code, t.week, sum(t.submitted)::int, sum(t.accepted)::int, sum(t.responded_on_time)::int, sum(t.resolved)::int,
    sum(t.closed)::int, sum(t.closed_on_time)::int, sum(t.rated)::int, sum(t.satisfied)::int, sum(t.reworked)::int, sum(t.closed_ms)::bigint
  FROM new_rows n, appeal_trend_rows(n) t
  GROUP BY 1, 2, 3
  HAVING (sum(t.submitted), sum(t.accepted), sum(t.responded_on_time), sum(t.resolved), sum(t.closed), sum(t.closed_on_time), sum(t.rated), sum(t.satisfied),
    sum(t.reworked), sum(t.closed_ms)) IS DISTINCT FROM (0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::numeric)
  ORDER BY 1, 2, 3
  ON CONFLICT (region_path, category_code, week) DO UPDATE SET
    submitted = r.submitted + excluded.submitted, accepted = r.accepted + excluded.accepted, responded_on_time = r.responded_on_time + excluded.responded_on_time,
    resolved = r.resolved + excluded.resolved, closed = r.closed + excluded.closed, closed_on_time = r.closed_on_time + excluded.closed_on_time,
    rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied, reworked = r.reworked + excluded.reworked,
    closed_ms = r.closed_ms + excluded.closed_ms;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
