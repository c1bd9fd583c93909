import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt } from './columns.js';
import { regions } from './regions.js';

export const households = pgTable(
  'households',
  {
    id: pk(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    regionPath: text('region_path').notNull(),
    address: text('address').notNull(),
    /** Unit/room label inside the building or lane, e.g. "3-502"; unique per level-3 grid. */
    room: text('room').notNull(),
    /** Exclusive floor area in m² (专有部分面积), used for owners' votes. */
    floorArea: numeric('floor_area', { precision: 10, scale: 2 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('households_region_room_uq').on(t.regionId, t.room),
    index('households_path_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.id),
  ],
);

export const people = pgTable(
  'people',
  {
    id: pk(),
    name: text('name').notNull(),
    gender: text('gender').notNull().default('unspecified'),
    birthYear: integer('birth_year'),
    phone: text('phone'),
    /** For outbound notices by email; optional, masked like the phone in lists. */
    email: text('email'),
    idNumber: text('id_number'),
    partyMember: boolean('party_member').notNull().default(false),
    homeRegionId: uuid('home_region_id').references(() => regions.id),
    /** Denormalised path of the home region: the scope key for permissions and statistics. */
    homePath: text('home_path').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    householdRelation: text('household_relation'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('people_id_number_uq').on(t.idNumber).where(sql`${t.idNumber} is not null`),
    index('people_home_path_idx').using('btree', t.homePath.op('text_pattern_ops'), t.id),
    index('people_phone_idx').on(t.phone),
    index('people_household_idx').on(t.householdId),
  ],
);

/** A person holds a role over a region node for a period; end date inclusive, null = open-ended. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: pk(),
    personId: uuid('person_id').notNull().references(() => people.id),
    role: text('role').notNull(),
    regionId: uuid('region_id').notNull().references(() => regions.id),
    regionPath: text('region_path').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    endReason: text('end_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_assignments_person_idx').on(t.personId),
    index('role_assignments_path_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.role),
    index('role_assignments_role_idx').on(t.role, t.regionPath),
  ],
);
