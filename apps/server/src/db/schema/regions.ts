import { doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt } from './columns.js';

/** The region tree (治理单元). `path` is the materialized path `/root/.../self/`; a subtree is a prefix. */
export const regions = pgTable(
  'regions',
  {
    id: pk(),
    parentId: uuid('parent_id'),
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    /** A representative point (WGS-84 degrees) — a building's door, a compound's gate; optional. */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('regions_code_uq').on(t.code),
    index('regions_parent_idx').on(t.parentId),
    index('regions_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('regions_level_idx').on(t.level, t.kind),
  ],
);

/** Every name and position a node ever had (renames and moves keep history). */
export const regionHistory = pgTable(
  'region_history',
  {
    id: pk(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    change: text('change').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true, mode: 'date' }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true, mode: 'date' }),
    reason: text('reason'),
    actorPersonId: uuid('actor_person_id'),
  },
  (t) => [index('region_history_region_idx').on(t.regionId, t.validFrom)],
);
