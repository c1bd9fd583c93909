-- appeal_rollup_row returned one row, not a set, and PostgreSQL inlines a function called in FROM only when it returns
-- a set: in the insert trigger (migration 0017) every appeal of an intake statement paid a whole SQL-function call,
-- about two thirds of the trigger's cost (docs/benchmarks.md, "What limits submitting"). Returning a set of one row,
-- its body is planned into the trigger's query. The same body, so the same figures; the update path's
-- `SELECT appeal_rollup_row(n) FROM new_rows n` gets one row per appeal as before.
DROP FUNCTION appeal_rollup_row(appeals);--> statement-breakpoint
CREATE FUNCTION appeal_rollup_row(a appeals) RETURNS SETOF appeal_rollups ROWS 1 LANGUAGE sql IMMUTABLE AS $$
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
$$;
