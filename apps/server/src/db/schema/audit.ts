import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { pk } from './columns.js';

/** Append-only (a trigger refuses UPDATE and DELETE): who did what to which record, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: pk(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorPersonId: uuid('actor_person_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    regionPath: text('region_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_actor_idx').on(t.actorPersonId, t.at),
    index('audit_at_idx').on(t.at),
    index('audit_path_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.at),
  ],
);
