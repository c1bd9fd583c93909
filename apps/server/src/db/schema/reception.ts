import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt } from './columns.js';
import { people } from './people.js';
import { regions } from './regions.js';

/**
 * A 楼长接待日 slot: a weekly recurring time (weekday + HH:MM, Asia/Shanghai) or a one-off session on a date,
 * held by the 楼长/巷长/街长 of a level-2 or level-3 grid. Ending a slot keeps the row (history, audit).
 */
export const receptionSlots = pgTable(
  'reception_slots',
  {
    id: pk(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    regionPath: text('region_path').notNull(),
    holderPersonId: uuid('holder_person_id').notNull().references(() => people.id),
    /** 'weekly' (weekday set) or 'once' (date set). */
    kind: text('kind').notNull(),
    /** ISO weekday, 1 = Monday … 7 = Sunday; weekly slots only. */
    weekday: integer('weekday'),
    /** The day of a one-off session (Asia/Shanghai). */
    date: date('date', { mode: 'string' }),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    place: text('place').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    endReason: text('end_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('reception_slots_path_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.id),
    index('reception_slots_region_idx').on(t.regionId).where(sql`${t.endedAt} is null`),
    index('reception_slots_holder_idx').on(t.holderPersonId),
  ],
);

/** One cancelled occurrence of a slot (e.g. the 楼长 is away that week), with the reason residents are shown. */
export const receptionCancellations = pgTable(
  'reception_cancellations',
  {
    id: pk(),
    slotId: uuid('slot_id').notNull().references(() => receptionSlots.id),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    cancelledBy: uuid('cancelled_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reception_cancellations_slot_date_uq').on(t.slotId, t.date)],
);
