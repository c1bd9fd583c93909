import { sql } from 'drizzle-orm';
import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt } from './columns.js';
import { households, people } from './people.js';
import { regions } from './regions.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Binary column: node-postgres returns a Buffer, PGlite a Uint8Array; both come back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

/** The configurable category tree (seeded from the subdistrict's reported categories). */
export const appealCategories = pgTable(
  'appeal_categories',
  {
    id: pk(),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    defaultLevel: text('default_level').notNull(),
    department: text('department'),
    /** { [level]: { response: {amount, unit}, resolution: {amount, unit} } } */
    sla: jsonb('sla').notNull().default({}),
    questions: jsonb('questions').notNull().default([]),
    mediation: boolean('mediation').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('appeal_categories_code_uq').on(t.code)],
);

/**
 * One appeal (诉求). `state` is the workflow machine's full state; the columns beside it are copies
 * for queries (queues, the sweeper, statistics). `region_path` is the place's path: the scope key.
 */
export const appeals = pgTable(
  'appeals',
  {
    id: pk(),
    trackingCode: text('tracking_code').notNull(),
    version: integer('version').notNull().default(1),
    categoryId: uuid('category_id').notNull().references(() => appealCategories.id),
    categoryCode: text('category_code').notNull(),
    title: text('title'),
    description: text('description').notNull(),
    answers: jsonb('answers').notNull().default({}),
    source: text('source').notNull(),
    photoRefs: jsonb('photo_refs').notNull().default([]),
    placeRegionId: uuid('place_region_id').notNull().references(() => regions.id),
    regionPath: text('region_path').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    locationText: text('location_text'),
    /** The reported point (WGS-84 degrees): from the phone or an Open311 client, else the place's own point, else null. */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    reporterPersonId: uuid('reporter_person_id').references(() => people.id),
    onBehalfOfPersonId: uuid('on_behalf_of_person_id').references(() => people.id),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    /** For categories offering people's mediation: did the resident agree to a mediator/楼长 visit first (null: not asked). */
    mediationConsent: boolean('mediation_consent'),
    status: text('status').notNull(),
    level: text('level').notNull(),
    unitRegionId: uuid('unit_region_id').references(() => regions.id),
    unitPath: text('unit_path').notNull(),
    department: text('department'),
    state: jsonb('state').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    respondedAt: ts('responded_at'),
    respondedOnTime: boolean('responded_on_time'),
    responseDueAt: ts('response_due_at'),
    resolutionDueAt: ts('resolution_due_at'),
    /** The next clock to run out; far future when none runs (paused, handled, finished): queue order and sweeper key. */
    dueAt: ts('due_at').notNull(),
    dueClock: text('due_clock'),
    /** The due instant the sweeper last acted on (top of the ladder: notified once, not escalated). */
    sweptDueAt: ts('swept_due_at'),
    /** The due instant a "nearing deadline" notice was sent for. */
    warnedDueAt: ts('warned_due_at'),
    /** When the "is it fixed?" check goes to the reporter and followers; set on closing, cleared once sent or on reopening. */
    fixedCheckDueAt: ts('fixed_check_due_at'),
    pausedAt: ts('paused_at'),
    handledAt: ts('handled_at'),
    handledOnTime: boolean('handled_on_time'),
    closedAt: ts('closed_at'),
    closedLevel: text('closed_level'),
    satisfaction: text('satisfaction'),
    reworkCount: integer('rework_count').notNull().default(0),
    escalationCount: integer('escalation_count').notNull().default(0),
    mergedIntoId: uuid('merged_into_id'),
    followerCount: integer('follower_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('appeals_tracking_code_uq').on(t.trackingCode),
    // A unit's queue: scoped by the unit's path, ordered by deadline (overdue first).
    index('appeals_queue_idx').using('btree', t.unitPath.op('text_pattern_ops'), t.dueAt, t.id),
    // Work still to do, as queues show it by default: a unit's open appeals (partial, so finished ones cost nothing)…
    index('appeals_open_queue_idx').using('btree', t.unitPath.op('text_pattern_ops'), t.dueAt, t.id).where(sql`status not in ('rejected','merged','closed')`),
    // …and the whole subdistrict's (operations centre), read in deadline order and stopped after one page.
    index('appeals_open_due_idx').on(t.dueAt, t.id).where(sql`status not in ('rejected','merged','closed')`),
    // Everything placed in a region subtree (area view, statistics, Open311 lists).
    index('appeals_region_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.categoryCode, t.submittedAt),
    // The sweeper: open work whose clock runs out soonest.
    index('appeals_due_idx').on(t.dueAt).where(sql`status in ('submitted','accepted','returned','dispatched','in_progress')`),
    index('appeals_reporter_idx').on(t.reporterPersonId, t.submittedAt),
    // Reports made for someone (reception day): most reports are not, and their empty field is left out of the index.
    index('appeals_on_behalf_idx').on(t.onBehalfOfPersonId).where(sql`on_behalf_of_person_id is not null`),
    // Duplicates "at the building": open appeals of a category in a region subtree, oldest first.
    index('appeals_open_place_idx').using('btree', t.categoryCode, t.regionPath.op('text_pattern_ops'), t.submittedAt).where(sql`status not in ('rejected','merged','closed')`),
    // Duplicates "within ~100 m": open appeals of a category by latitude band (partial: only open work with a point).
    index('appeals_open_point_idx').on(t.categoryCode, t.lat, t.lng).where(sql`lat is not null and status not in ('rejected','merged','closed')`),
    // The sweeper's "is it fixed?" pass: only appeals whose check is still owed are in this index.
    index('appeals_fixed_check_idx').on(t.fixedCheckDueAt).where(sql`fixed_check_due_at is not null`),
  ],
);

/** The append-only timeline: one row per workflow event (a trigger refuses UPDATE and DELETE). */
export const appealEvents = pgTable(
  'appeal_events',
  {
    id: pk(),
    appealId: uuid('appeal_id').notNull().references(() => appeals.id),
    /** Position in the appeal's timeline; unique, so two writers cannot both append the same step. */
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: ts('at').notNull(),
    actorPersonId: uuid('actor_person_id'),
    actorName: text('actor_name'),
    /** The part the actor played: reporter, dispatcher, handler, supervisor, inspector, system. */
    actorRole: text('actor_role').notNull(),
    level: text('level').notNull(),
    unitRegionId: uuid('unit_region_id'),
    publicNote: text('public_note'),
    internalNote: text('internal_note'),
    photoRefs: jsonb('photo_refs').notNull().default([]),
    data: jsonb('data').notNull().default({}),
    regionPath: text('region_path').notNull(),
  },
  (t) => [uniqueIndex('appeal_events_seq_uq').on(t.appealId, t.seq)],
);

/** People who follow an appeal (+1), including reporters of duplicates merged into it. */
export const appealFollowers = pgTable(
  'appeal_followers',
  {
    appealId: uuid('appeal_id').notNull().references(() => appeals.id),
    personId: uuid('person_id').notNull().references(() => people.id),
    via: text('via').notNull().default('follow'),
    regionPath: text('region_path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.personId] }), index('appeal_followers_person_idx').on(t.personId)],
);

/** In-app inbox. The outbound adapter (console, email, webhook) sends copies after commit. */
export const notifications = pgTable(
  'notifications',
  {
    id: pk(),
    // No foreign key: recipients are read from role assignments in the same instant, and people are never deleted.
    // The key's check locked each person on duty once per report (migration 0020).
    recipientPersonId: uuid('recipient_person_id').notNull(),
    kind: text('kind').notNull(),
    appealId: uuid('appeal_id'),
    trackingCode: text('tracking_code'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    regionPath: text('region_path'),
    createdAt: createdAt(),
    readAt: ts('read_at'),
  },
  // A person's inbox, newest first. Nothing reads notices by appeal, so there is no index on appeal_id: it would
  // cost every new report one index entry per person on duty (migration 0020).
  (t) => [index('notifications_recipient_idx').on(t.recipientPersonId, t.id)],
);

/**
 * Photos of a report or of a workflow step, stored in the database so every instance serves them. Only
 * re-encoded versions are kept (EXIF, GPS included, stripped; orientation applied): the camera original is
 * dropped at upload. Uploaded first (appeal_id null, only the uploader sees it), then attached by the one
 * submit/handle/verify command that references it.
 */
export const appealPhotos = pgTable(
  'appeal_photos',
  {
    id: pk(),
    uploaderPersonId: uuid('uploader_person_id').notNull().references(() => people.id),
    /** public: on the public timeline; staff: staff (and the uploader) only. */
    visibility: text('visibility').notNull().default('public'),
    appealId: uuid('appeal_id').references(() => appeals.id),
    /** The step it documents: submit, handle, verify. */
    step: text('step'),
    regionPath: text('region_path'),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    data: bytea('data').notNull(),
    thumbMime: text('thumb_mime').notNull(),
    thumbWidth: integer('thumb_width').notNull(),
    thumbHeight: integer('thumb_height').notNull(),
    thumbBytes: integer('thumb_bytes').notNull(),
    thumb: bytea('thumb').notNull(),
    /** What was uploaded (detected from the bytes), for support questions; the original itself is not kept. */
    originalMime: text('original_mime').notNull(),
    originalBytes: integer('original_bytes').notNull(),
    createdAt: createdAt(),
    attachedAt: ts('attached_at'),
  },
  (t) => [
    index('appeal_photos_appeal_idx').on(t.appealId),
    // Pending uploads per person (the cap) and the purge of abandoned ones.
    index('appeal_photos_pending_idx').on(t.uploaderPersonId, t.createdAt).where(sql`appeal_id is null`),
    index('appeal_photos_abandoned_idx').on(t.createdAt).where(sql`appeal_id is null`),
  ],
);
