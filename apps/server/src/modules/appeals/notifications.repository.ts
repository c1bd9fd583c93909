import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { decodeCursor } from '../../shared/paging.js';

export type NotificationRow = typeof notifications.$inferSelect;

export async function listInbox(db: DbOrTx, personId: string, f: { unread?: boolean; cursor?: string; limit: number }): Promise<NotificationRow[]> {
  const where = [eq(notifications.recipientPersonId, personId)];
  if (f.unread) where.push(isNull(notifications.readAt));
  if (f.cursor) where.push(lt(notifications.id, decodeCursor(f.cursor)[1]));
  return db.select().from(notifications).where(and(...where)).orderBy(desc(notifications.id)).limit(f.limit + 1);
}

export async function markRead(db: DbOrTx, personId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  const [row] = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` }).where(and(eq(notifications.id, id), eq(notifications.recipientPersonId, personId))).returning();
  return row;
}

export async function markAllRead(db: DbOrTx, personId: string, at: Date): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: at }).where(and(eq(notifications.recipientPersonId, personId), isNull(notifications.readAt))).returning({ id: notifications.id });
  return rows.length;
}
