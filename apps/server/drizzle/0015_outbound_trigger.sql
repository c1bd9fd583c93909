-- The outbox follows the inbox: every statement that inserts notifications also queues one outbound delivery per
-- enabled channel (outbound_channels, written at boot from the configuration), in the same statement and so the
-- same transaction. A rolled-back command leaves no delivery; a committed one loses none. Email is queued only for
-- recipients with an address. Delivery ids are UUIDv7 of the notice's time (PostgreSQL 15 has no uuidv7()).
CREATE OR REPLACE FUNCTION outbound_uuidv7(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION outbound_enqueue() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM outbound_channels) THEN
    RETURN NULL;
  END IF;
  INSERT INTO outbound_deliveries (id, notification_id, channel, next_attempt_at, region_path, created_at)
  SELECT outbound_uuidv7(n.created_at), n.id, c.channel, n.created_at, n.region_path, n.created_at
  FROM new_rows n CROSS JOIN outbound_channels c
  WHERE c.channel <> 'email' OR EXISTS (SELECT 1 FROM people p WHERE p.id = n.recipient_person_id AND p.email IS NOT NULL)
  ORDER BY n.id, c.channel;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER notifications_outbound AFTER INSERT ON notifications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbound_enqueue();
