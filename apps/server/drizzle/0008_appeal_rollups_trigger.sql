-- The dashboard rollups (appeal_rollups) follow every write to appeals in the same transaction: statement-level
-- triggers with transition tables add each new row's figures and subtract the old row's, grouped per place and
-- category, and skip rows whose figures did not change (escalations, follower counts), so the sweeper and merges
-- take no rollup locks. One appeal's contribution to each figure:
CREATE OR REPLACE FUNCTION appeal_rollup_row(a appeals) RETURNS appeal_rollups LANGUAGE sql IMMUTABLE AS $$
  SELECT a.region_path, a.category_code,
    CASE WHEN a.status <> 'merged' THEN 1 ELSE 0 END,
    CASE WHEN a.status <> 'merged' AND a.responded_on_time IS TRUE THEN 1 ELSE 0 END,
    CASE WHEN a.status NOT IN ('merged', 'rejected') THEN 1 ELSE 0 END,
    CASE WHEN a.status = 'closed' THEN 1 ELSE 0 END,
    CASE WHEN a.status = 'closed' AND a.handled_on_time IS TRUE THEN 1 ELSE 0 END,
    CASE WHEN a.satisfaction IS NOT NULL THEN 1 ELSE 0 END,
    CASE WHEN a.satisfaction IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END,
    CASE WHEN a.handled_at IS NOT NULL OR a.status = 'closed' OR a.rework_count > 0 THEN 1 ELSE 0 END,
    CASE WHEN a.rework_count > 0 THEN 1 ELSE 0 END,
    CASE WHEN a.status = 'closed' AND a.closed_at IS NOT NULL THEN round(extract(epoch FROM (a.closed_at - a.submitted_at)) * 1000)::bigint ELSE 0 END,
    CASE WHEN a.status = 'closed' AND a.closed_level = 'grid' THEN 1 ELSE 0 END,
    CASE WHEN a.status = 'closed' AND a.closed_level = 'compound' THEN 1 ELSE 0 END,
    CASE WHEN a.status = 'closed' AND a.closed_level = 'community' THEN 1 ELSE 0 END,
    CASE WHEN a.status = 'closed' AND a.closed_level = 'subdistrict' THEN 1 ELSE 0 END,
    CASE WHEN a.status = 'closed' AND a.closed_level = 'department' THEN 1 ELSE 0 END
$$;--> statement-breakpoint
-- Adds the `plus` rows and subtracts the `minus` rows, grouped per place and category.
CREATE OR REPLACE FUNCTION appeal_rollups_merge(plus appeal_rollups[], minus appeal_rollups[]) RETURNS void AS $$
BEGIN
  WITH d AS (
    SELECT 1 AS sgn, p AS x FROM unnest(plus) AS p
    UNION ALL
    SELECT -1, m FROM unnest(minus) AS m
  ), g AS (
    SELECT (x).region_path AS region_path, (x).category_code AS category_code,
      sum(sgn * (x).total)::int AS total, sum(sgn * (x).responded_on_time)::int AS responded_on_time, sum(sgn * (x).accepted)::int AS accepted,
      sum(sgn * (x).closed)::int AS closed, sum(sgn * (x).closed_on_time)::int AS closed_on_time, sum(sgn * (x).rated)::int AS rated,
      sum(sgn * (x).satisfied)::int AS satisfied, sum(sgn * (x).handled)::int AS handled, sum(sgn * (x).reworked)::int AS reworked,
      sum(sgn * (x).closed_ms)::bigint AS closed_ms, sum(sgn * (x).closed_grid)::int AS closed_grid, sum(sgn * (x).closed_compound)::int AS closed_compound,
      sum(sgn * (x).closed_community)::int AS closed_community, sum(sgn * (x).closed_subdistrict)::int AS closed_subdistrict, sum(sgn * (x).closed_department)::int AS closed_department
    FROM d GROUP BY 1, 2
  )
  INSERT INTO appeal_rollups AS r
  SELECT * FROM g
  WHERE (total, responded_on_time, accepted, closed, closed_on_time, rated, satisfied, handled, reworked, closed_ms, closed_grid, closed_compound, closed_community, closed_subdistrict, closed_department)
    IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0::bigint, 0, 0, 0, 0, 0)
  ORDER BY region_path, category_code
  ON CONFLICT (region_path, category_code) DO UPDATE SET
    total = r.total + excluded.total, responded_on_time = r.responded_on_time + excluded.responded_on_time, accepted = r.accepted + excluded.accepted,
    closed = r.closed + excluded.closed, closed_on_time = r.closed_on_time + excluded.closed_on_time, rated = r.rated + excluded.rated,
    satisfied = r.satisfied + excluded.satisfied, handled = r.handled + excluded.handled, reworked = r.reworked + excluded.reworked,
    closed_ms = r.closed_ms + excluded.closed_ms, closed_grid = r.closed_grid + excluded.closed_grid, closed_compound = r.closed_compound + excluded.closed_compound,
    closed_community = r.closed_community + excluded.closed_community, closed_subdistrict = r.closed_subdistrict + excluded.closed_subdistrict,
    closed_department = r.closed_department + excluded.closed_department;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION appeal_rollups_after_insert() RETURNS trigger AS $$
BEGIN
  PERFORM appeal_rollups_merge(array(SELECT appeal_rollup_row(n) FROM new_rows n), '{}'::appeal_rollups[]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION appeal_rollups_after_update() RETURNS trigger AS $$
BEGIN
  PERFORM appeal_rollups_merge(array(SELECT appeal_rollup_row(n) FROM new_rows n), array(SELECT appeal_rollup_row(o) FROM old_rows o));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER appeal_rollups_on_insert AFTER INSERT ON appeals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_rollups_after_insert();--> statement-breakpoint
CREATE TRIGGER appeal_rollups_on_update AFTER UPDATE ON appeals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION appeal_rollups_after_update();--> statement-breakpoint
-- Appeals that exist already.
INSERT INTO appeal_rollups
SELECT (x).region_path, (x).category_code, sum((x).total), sum((x).responded_on_time), sum((x).accepted), sum((x).closed), sum((x).closed_on_time),
  sum((x).rated), sum((x).satisfied), sum((x).handled), sum((x).reworked), sum((x).closed_ms), sum((x).closed_grid), sum((x).closed_compound),
  sum((x).closed_community), sum((x).closed_subdistrict), sum((x).closed_department)
FROM (SELECT appeal_rollup_row(a) AS x FROM appeals a) d GROUP BY 1, 2;
