-- Weekly trends (appeal_trends) kept by the SAME statement-level triggers as appeal_rollups (migration 0008): the
-- two trigger functions are replaced so one invocation per statement merges both, in the same transaction.
-- Each appeal counts in the week an event happened, Monday-start weeks in Asia/Shanghai, per place truncated to its
-- community (or the place itself above that), per category:
--   the week it was submitted: submitted, accepted, responded on time, and `resolved` (closed by now);
--   the week it was closed (only while closed): closed, closed on time, rated, satisfied, reworked, closed_ms.
-- Like the rollups, every column is a function of the current row, so a reopen takes the appeal out of the week
-- it was closed in and closing it again puts it into the new closing week: kept figures equal a recount.
CREATE OR REPLACE FUNCTION appeal_week(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('week', t AT TIME ZONE 'Asia/Shanghai')::date
$$;--> statement-breakpoint
-- '/subdistrict/community/…' → '/subdistrict/community/'; a path above the community level stays as it is.
CREATE OR REPLACE FUNCTION appeal_trend_place(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(substring(p FROM '^/[^/]+/[^/]+/'), p)
$$;--> statement-breakpoint
-- One appeal's contribution: a row for its submitted week and, when closed, one for its closing week.
CREATE OR REPLACE FUNCTION appeal_trend_rows(a appeals) RETURNS SETOF appeal_trends LANGUAGE sql IMMUTABLE AS $$
  SELECT appeal_trend_place(a.region_path), a.category_code, appeal_week(CASE WHEN k.closing THEN a.closed_at ELSE a.submitted_at END),
    CASE WHEN NOT k.closing AND a.status <> 'merged' THEN 1 ELSE 0 END,
    CASE WHEN NOT k.closing AND a.status NOT IN ('merged', 'rejected') THEN 1 ELSE 0 END,
    CASE WHEN NOT k.closing AND a.status <> 'merged' AND a.responded_on_time IS TRUE THEN 1 ELSE 0 END,
    CASE WHEN NOT k.closing AND a.status = 'closed' THEN 1 ELSE 0 END,
    CASE WHEN k.closing THEN 1 ELSE 0 END,
    CASE WHEN k.closing AND a.handled_on_time IS TRUE THEN 1 ELSE 0 END,
    CASE WHEN k.closing AND a.satisfaction IS NOT NULL THEN 1 ELSE 0 END,
    CASE WHEN k.closing AND a.satisfaction IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END,
    CASE WHEN k.closing AND a.rework_count > 0 THEN 1 ELSE 0 END,
    CASE WHEN k.closing THEN round(extract(epoch FROM (a.closed_at - a.submitted_at)) * 1000)::bigint ELSE 0::bigint END
  FROM (VALUES (false), (true)) AS k(closing)
  -- The closing row only while the appeal is closed.
  WHERE NOT k.closing OR (a.status = 'closed' AND a.closed_at IS NOT NULL)
$$;--> statement-breakpoint
-- Adds the `plus` rows and subtracts the `minus` rows per place, category and week; rows that cancel out are skipped.
CREATE OR REPLACE FUNCTION appeal_trends_merge(plus appeal_trends[], minus appeal_trends[]) RETURNS void AS $$
BEGIN
  WITH d AS (
    SELECT 1 AS sgn, p AS x FROM unnest(plus) AS p
    UNION ALL
    SELECT -1, m FROM unnest(minus) AS m
  ), g AS (
    SELECT (x).region_path AS region_path, (x).category_code AS category_code, (x).week AS week,
      sum(sgn * (x).submitted)::int AS submitted, sum(sgn * (x).accepted)::int AS accepted, sum(sgn * (x).responded_on_time)::int AS responded_on_time,
      sum(sgn * (x).resolved)::int AS resolved, sum(sgn * (x).closed)::int AS closed, sum(sgn * (x).closed_on_time)::int AS closed_on_time,
      sum(sgn * (x).rated)::int AS rated, sum(sgn * (x).satisfied)::int AS satisfied, sum(sgn * (x).reworked)::int AS reworked,
      sum(sgn * (x).closed_ms)::bigint AS closed_ms
    FROM d GROUP BY 1, 2, 3
  )
  INSERT INTO appeal_trends AS r (region_path, category_code, week, submitted, accepted, responded_on_time, resolved, closed, closed_on_time, rated, satisfied, reworked, closed_ms)
  SELECT * FROM g
  WHERE (submitted, accepted, responded_on_time, resolved, closed, closed_on_time, rated, satisfied, reworked, closed_ms)
    IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0::bigint)
  ORDER BY region_path, category_code, week
  ON CONFLICT (region_path, category_code, week) DO UPDATE SET
    submitted = r.submitted + excluded.submitted, accepted = r.accepted + excluded.accepted, responded_on_time = r.responded_on_time + excluded.responded_on_time,
    resolved = r.resolved + excluded.resolved, closed = r.closed + excluded.closed, closed_on_time = r.closed_on_time + excluded.closed_on_time,
    rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied, reworked = r.reworked + excluded.reworked,
    closed_ms = r.closed_ms + excluded.closed_ms;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- The existing triggers (one invocation per statement) now keep both tables.
CREATE OR REPLACE FUNCTION appeal_rollups_after_insert() RETURNS trigger AS $$
BEGIN
  PERFORM appeal_rollups_merge(array(SELECT appeal_rollup_row(n) FROM new_rows n), '{}'::appeal_rollups[]);
  PERFORM appeal_trends_merge(array(SELECT t FROM new_rows n, appeal_trend_rows(n) t), '{}'::appeal_trends[]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION appeal_rollups_after_update() RETURNS trigger AS $$
BEGIN
  PERFORM appeal_rollups_merge(array(SELECT appeal_rollup_row(n) FROM new_rows n), array(SELECT appeal_rollup_row(o) FROM old_rows o));
  PERFORM appeal_trends_merge(array(SELECT t FROM new_rows n, appeal_trend_rows(n) t), array(SELECT t FROM old_rows o, appeal_trend_rows(o) t));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Appeals that exist already.
INSERT INTO appeal_trends (region_path, category_code, week, submitted, accepted, responded_on_time, resolved, closed, closed_on_time, rated, satisfied, reworked, closed_ms)
SELECT t.region_path, t.category_code, t.week, sum(t.submitted), sum(t.accepted), sum(t.responded_on_time), sum(t.resolved), sum(t.closed),
  sum(t.closed_on_time), sum(t.rated), sum(t.satisfied), sum(t.reworked), sum(t.closed_ms)
FROM appeals a, appeal_trend_rows(a) t
WHERE (t.submitted, t.accepted, t.responded_on_time, t.resolved, t.closed, t.closed_on_time, t.rated, t.satisfied, t.reworked, t.closed_ms)
  IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0::bigint)
GROUP BY 1, 2, 3;
