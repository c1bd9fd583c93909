import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notifications, outboundChannels, outboundDeliveries } from '../../db/schema/index.js';
import { decodeCursor, subtreeOf } from '../../shared/paging.js';

export type DeliveryRow = typeof outboundDeliveries.$inferSelect;

/** One claimed delivery with what its channel needs to send it. */
export interface DeliveryJob {
  id: string;
  channel: string;
  /** The attempt this claim is (1 = first); the claim token for marking the outcome. */
  attempts: number;
  notificationId: string;
  kind: string;
  appealId: string | null;
  trackingCode: string | null;
  title: string;
  body: string;
  recipientPersonId: string;
  recipientName: string | null;
  recipientEmail: string | null;
  createdAt: Date;
}

/** Makes the table of enabled channels say exactly `channels` (at boot, from the configuration). */
export async function syncChannels(db: DbOrTx, channels: string[]): Promise<void> {
  await db.delete(outboundChannels).where(channels.length ? sql`${outboundChannels.channel} not in (${sql.join(channels.map((c) => sql`${c}`), sql`, `)})` : undefined);
  if (channels.length) await db.insert(outboundChannels).values(channels.map((channel) => ({ channel }))).onConflictDoNothing();
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/**
 * Claims up to `limit` due deliveries of the given channels in one statement: rows locked by another worker are
 * skipped (FOR UPDATE SKIP LOCKED), and the claimed ones get `attempts + 1` and a lease (`next_attempt_at = leaseUntil`)
 * so no other worker takes them while they are being sent. Returns them joined with their notice and recipient.
 */
export async function claimDue(db: DbOrTx, channels: string[], now: Date, leaseUntil: Date, limit: number): Promise<DeliveryJob[]> {
  if (channels.length === 0) return [];
  const list = sql.join(channels.map((c) => sql`${c}`), sql`, `);
  const res = (await db.execute(sql`
    with due as materialized (
      select id from outbound_deliveries
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz and channel in (${list})
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    ), claimed as (
      update outbound_deliveries d
      set attempts = d.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz, last_attempt_at = ${now.toISOString()}::timestamptz
      from due where d.id = due.id
      returning d.id, d.channel, d.attempts, d.notification_id
    )
    select c.id, c.channel, c.attempts, n.id as notification_id, n.kind, n.appeal_id, n.tracking_code, n.title, n.body,
      n.recipient_person_id, n.created_at, p.name as recipient_name, p.email as recipient_email
    from claimed c
    join notifications n on n.id = c.notification_id
    left join people p on p.id = n.recipient_person_id
    order by c.id`)) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map((r) => ({
    id: String(r.id),
    channel: String(r.channel),
    attempts: Number(r.attempts),
    notificationId: String(r.notification_id),
    kind: String(r.kind),
    appealId: (r.appeal_id as string | null) ?? null,
    trackingCode: (r.tracking_code as string | null) ?? null,
    title: String(r.title),
    body: String(r.body),
    recipientPersonId: String(r.recipient_person_id),
    recipientName: (r.recipient_name as string | null) ?? null,
    recipientEmail: (r.recipient_email as string | null) ?? null,
    createdAt: date(r.created_at),
  }));
}

/** Only the claim that is still current may record an outcome (a worker whose lease ran out finds 0 rows). */
const current = (job: Pick<DeliveryJob, 'id' | 'attempts'>) => and(eq(outboundDeliveries.id, job.id), eq(outboundDeliveries.attempts, job.attempts), eq(outboundDeliveries.status, 'pending'));

export async function markSent(db: DbOrTx, job: Pick<DeliveryJob, 'id' | 'attempts'>, at: Date): Promise<boolean> {
  const rows = await db.update(outboundDeliveries).set({ status: 'sent', sentAt: at, lastError: null }).where(current(job)).returning({ id: outboundDeliveries.id });
  return rows.length > 0;
}

export async function markRetry(db: DbOrTx, job: Pick<DeliveryJob, 'id' | 'attempts'>, nextAttemptAt: Date, error: string): Promise<boolean> {
  const rows = await db.update(outboundDeliveries).set({ nextAttemptAt, lastError: error }).where(current(job)).returning({ id: outboundDeliveries.id });
  return rows.length > 0;
}

export async function markFailed(db: DbOrTx, job: Pick<DeliveryJob, 'id' | 'attempts'>, error: string): Promise<boolean> {
  const rows = await db.update(outboundDeliveries).set({ status: 'failed', lastError: error }).where(current(job)).returning({ id: outboundDeliveries.id });
  return rows.length > 0;
}

export interface DeliveryListFilter {
  scopes: string[];
  status?: string;
  channel?: string;
  cursor?: string;
  limit: number;
}

/** Deliveries with their notice, newest first (ids are UUIDv7 of the notice's time), inside the caller's subtrees. */
export async function listDeliveries(db: DbOrTx, f: DeliveryListFilter) {
  const where: (SQL | undefined)[] = [subtreeOf(outboundDeliveries.regionPath, f.scopes)];
  if (f.status) where.push(eq(outboundDeliveries.status, f.status));
  if (f.channel) where.push(eq(outboundDeliveries.channel, f.channel));
  if (f.cursor) where.push(lt(outboundDeliveries.id, decodeCursor(f.cursor)[1]));
  return db
    .select({ delivery: outboundDeliveries, notification: { kind: notifications.kind, appealId: notifications.appealId, trackingCode: notifications.trackingCode, title: notifications.title, recipientPersonId: notifications.recipientPersonId } })
    .from(outboundDeliveries)
    .innerJoin(notifications, eq(notifications.id, outboundDeliveries.notificationId))
    .where(and(...where))
    .orderBy(desc(outboundDeliveries.id))
    .limit(f.limit + 1);
}

/** For tests and operators: deliveries of some notices. */
export async function deliveriesOf(db: DbOrTx, notificationIds: string[]): Promise<DeliveryRow[]> {
  if (notificationIds.length === 0) return [];
  return db.select().from(outboundDeliveries).where(inArray(outboundDeliveries.notificationId, notificationIds));
}
