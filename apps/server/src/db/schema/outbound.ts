import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns.js';
import { notifications } from './appeals.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Outbound channels switched on by the configuration (`email`, `webhook`), written at boot. The trigger on
 * `notifications` reads it, so every inbox row gets one delivery per channel in the same statement.
 */
export const outboundChannels = pgTable('outbound_channels', { channel: text('channel').primaryKey() });

/**
 * The outbox: one row per (notification, channel), written by a trigger on `notifications` in the same
 * transaction as the inbox row, so a rollback leaves none and a crash loses none. The delivery worker claims due
 * rows (`FOR UPDATE SKIP LOCKED`), sends, and marks them sent, or schedules a retry with exponential backoff until
 * the attempts run out (`failed`, last error kept). `attempts` doubles as the claim token.
 */
export const outboundDeliveries = pgTable(
  'outbound_deliveries',
  {
    /** UUIDv7 made by the trigger from the notification's time. */
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id').notNull().references(() => notifications.id),
    channel: text('channel').notNull(),
    /** pending → sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastAttemptAt: ts('last_attempt_at'),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    /** The notification's appeal place, for scoped reading. */
    regionPath: text('region_path'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbound_deliveries_notification_channel_uq').on(t.notificationId, t.channel),
    index('outbound_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbound_deliveries_status_idx').on(t.status, t.id),
  ],
);
