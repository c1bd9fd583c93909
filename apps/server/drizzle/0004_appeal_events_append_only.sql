-- The appeal timeline is append-only: corrections are new events, never edits.
CREATE OR REPLACE FUNCTION appeal_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'appeal_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER appeal_events_append_only BEFORE UPDATE OR DELETE ON appeal_events FOR EACH ROW EXECUTE FUNCTION appeal_events_refuse_change();--> statement-breakpoint
CREATE TRIGGER appeal_events_no_truncate BEFORE TRUNCATE ON appeal_events FOR EACH STATEMENT EXECUTE FUNCTION appeal_events_refuse_change();
