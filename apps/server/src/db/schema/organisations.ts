import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt } from './columns.js';
import { regions } from './regions.js';
import { people } from './people.js';

export const organisations = pgTable(
  'organisations',
  {
    id: pk(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    regionPath: text('region_path').notNull(),
    description: text('description'),
    foundedOn: date('founded_on', { mode: 'string' }),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    dissolvedReason: text('dissolved_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('organisations_path_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.kind), index('organisations_kind_idx').on(t.kind)],
);

export const organisationMembers = pgTable(
  'organisation_members',
  {
    id: pk(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    role: text('role').notNull().default('member'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('organisation_members_org_idx').on(t.organisationId),
    index('organisation_members_person_idx').on(t.personId),
    // One open membership per person and organisation, also under concurrent adds on PostgreSQL.
    uniqueIndex('organisation_members_active_uq').on(t.organisationId, t.personId).where(sql`${t.leftOn} is null`),
  ],
);

export const venues = pgTable(
  'venues',
  {
    id: pk(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    regionPath: text('region_path').notNull(),
    address: text('address'),
    phone: text('phone'),
    /** [{ weekday 1–7, opens "HH:MM", closes "HH:MM" }] in Asia/Shanghai. */
    openingHours: jsonb('opening_hours').notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('venues_path_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.kind)],
);

export const venueRooms = pgTable(
  'venue_rooms',
  {
    id: pk(),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    name: text('name').notNull(),
    capacity: integer('capacity'),
    description: text('description'),
    createdAt: createdAt(),
  },
  (t) => [index('venue_rooms_venue_idx').on(t.venueId)],
);
