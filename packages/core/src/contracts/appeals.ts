import { Type, type Static } from 'typebox';
import { APPEAL_COMMANDS, APPEAL_LEVELS, APPEAL_SOURCES, APPEAL_STATUSES, DEPARTMENTS, SATISFACTIONS } from '../appeals/model.js';
import { AllowedActions, Id, LabelZhEn, PageQueryProps, Timestamp } from './common.js';

export const AppealStatusSchema = Type.Enum([...APPEAL_STATUSES]);
export const AppealLevelSchema = Type.Enum([...APPEAL_LEVELS]);
export const AppealSourceSchema = Type.Enum([...APPEAL_SOURCES]);
export const SatisfactionSchema = Type.Enum([...SATISFACTIONS]);
export const DepartmentSchema = Type.Enum([...DEPARTMENTS]);
export const AppealCommandSchema = Type.Enum([...APPEAL_COMMANDS]);

export const CategoryCode = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9_]+$' });
/** Photo limits: per report and per workflow step; per file (bigger uploads get 413). */
export const APPEAL_PHOTOS_PER_STEP = 6;
export const APPEAL_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Longest side of the served photo and of its thumbnail, pixels. */
export const APPEAL_PHOTO_MAX_SIDE = 2048;
export const APPEAL_PHOTO_THUMB_SIDE = 320;
/** public: on the public timeline; staff: only staff handling the appeal (and the uploader) see it. */
export const APPEAL_PHOTO_VISIBILITIES = ['public', 'staff'] as const;
export type AppealPhotoVisibility = (typeof APPEAL_PHOTO_VISIBILITIES)[number];

/**
 * Ids of photos uploaded with `POST /api/v1/appeals/photos` by the same person and not used yet; up to 6 per
 * report and per step. Each photo belongs to the one report or step that first references it.
 */
export const PhotoRefs = Type.Array(Id, { maxItems: APPEAL_PHOTOS_PER_STEP, description: 'Photo ids from POST /appeals/photos' });
export const PublicNote = Type.String({ minLength: 1, maxLength: 2000, description: 'Shown to the reporter and followers' });
export const InternalNote = Type.String({ minLength: 1, maxLength: 2000, description: 'Staff only' });
export const Reason = Type.String({ minLength: 1, maxLength: 500 });

const WorkingDuration = Type.Object({ amount: Type.Number({ exclusiveMinimum: 0 }), unit: Type.Enum(['hours', 'days']) });
const SlaTarget = Type.Object({ response: WorkingDuration, resolution: WorkingDuration });

export const AppealCategory = Type.Object({
  id: Id,
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  name: LabelZhEn,
  defaultLevel: AppealLevelSchema,
  department: Type.Union([Type.String(), Type.Null()]),
  sla: Type.Record(Type.String(), SlaTarget),
  questions: Type.Array(
    Type.Object({
      key: Type.String(),
      label: LabelZhEn,
      type: Type.Enum(['text', 'number', 'boolean', 'choice']),
      required: Type.Boolean(),
      choices: Type.Optional(Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String() }))),
    }),
  ),
  mediation: Type.Boolean(),
  sortOrder: Type.Integer(),
});
export type AppealCategory = Static<typeof AppealCategory>;

/** Where the matter is: a household (its building), or any region node (building, lane, compound, community). */
const PlaceProps = {
  regionId: Type.Optional(Id),
  householdId: Type.Optional(Id),
};

/** A point in WGS-84 degrees (what a phone's location or an Open311 client's lat/long gives). */
export const GeoPoint = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false });

export const CreateAppealBody = Type.Object(
  {
    categoryCode: CategoryCode,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    description: Type.String({ minLength: 1, maxLength: 5000 }),
    ...PlaceProps,
    locationText: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Where exactly, if the phone knows: used to find the same matter reported within ~100 m. */
    point: Type.Optional(GeoPoint),
    answers: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean(), Type.Null()]))),
    source: Type.Optional(AppealSourceSchema),
    /** A 楼长 or staff reporting for a registered resident (楼长接待日). */
    onBehalfOfPersonId: Type.Optional(Id),
    /** A hotline caller who is not registered. */
    caller: Type.Optional(Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), phone: Type.Optional(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })) }, { additionalProperties: false })),
    photoRefs: Type.Optional(PhotoRefs),
    /**
     * Only for categories that offer mediation (邻里矛盾, 噪音, 宠物, 停车…): true when the resident agrees that a
     * people's mediator (人民调解员) or the 楼长 first visits both sides to talk it through; false when they decline.
     */
    mediation: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateAppealBody = Static<typeof CreateAppealBody>;

export const DuplicateQueryBody = Type.Object({ categoryCode: CategoryCode, ...PlaceProps, point: Type.Optional(GeoPoint) }, { additionalProperties: false });

export const AppealUnitView = Type.Object({
  level: AppealLevelSchema,
  levelName: LabelZhEn,
  regionId: Type.Union([Id, Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]),
});

/** What staff see of an appeal (queues and detail). */
export const Appeal = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  version: Type.Integer(),
  category: Type.Object({ code: Type.String(), name: LabelZhEn }),
  title: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  answers: Type.Record(Type.String(), Type.Unknown()),
  source: Type.String(),
  status: AppealStatusSchema,
  statusName: LabelZhEn,
  unit: AppealUnitView,
  /** `point`: where it was reported (the phone's or an Open311 client's point, else the building's own), or null. */
  place: Type.Object({ regionId: Id, regionName: Type.String(), householdId: Type.Union([Id, Type.Null()]), locationText: Type.Union([Type.String(), Type.Null()]), point: Type.Union([GeoPoint, Type.Null()]) }),
  reporter: Type.Object({ personId: Type.Union([Id, Type.Null()]), name: Type.Union([Type.String(), Type.Null()]), onBehalfOfPersonId: Type.Union([Id, Type.Null()]), onBehalfOfName: Type.Union([Type.String(), Type.Null()]), callerName: Type.Union([Type.String(), Type.Null()]), callerPhone: Type.Union([Type.String(), Type.Null()]) }),
  submittedAt: Timestamp,
  responseDueAt: Type.Union([Timestamp, Type.Null()]),
  resolutionDueAt: Type.Union([Timestamp, Type.Null()]),
  /** The next clock to run out (null while paused or when no work is owed). */
  dueAt: Type.Union([Timestamp, Type.Null()]),
  overdue: Type.Boolean(),
  paused: Type.Boolean(),
  reworkCount: Type.Integer(),
  escalationCount: Type.Integer(),
  satisfaction: Type.Union([SatisfactionSchema, Type.Null()]),
  mergedIntoId: Type.Union([Id, Type.Null()]),
  followerCount: Type.Integer(),
  photoRefs: Type.Array(Type.String()),
  /** offered: the category offers people's mediation; accepted: the resident's answer when reporting (null: not asked). */
  mediation: Type.Object({ offered: Type.Boolean(), accepted: Type.Union([Type.Boolean(), Type.Null()]) }),
  allowedActions: AllowedActions,
});
export type Appeal = Static<typeof Appeal>;

/** The numbers on a handler's "待我处理" badge: open work in my units' queue whose clock runs, and how much of it is overdue. */
export const AppealQueueCounts = Type.Object({ open: Type.Integer(), overdue: Type.Integer() });
export type AppealQueueCounts = Static<typeof AppealQueueCounts>;

export const AppealEventView = Type.Object({
  id: Id,
  seq: Type.Integer(),
  type: Type.String(),
  at: Timestamp,
  actor: Type.Object({ personId: Type.Union([Id, Type.Null()]), name: Type.Union([Type.String(), Type.Null()]), role: Type.String(), roleName: LabelZhEn }),
  level: AppealLevelSchema,
  publicNote: Type.Union([Type.String(), Type.Null()]),
  internalNote: Type.Union([Type.String(), Type.Null()]),
  photoRefs: Type.Array(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const AppealDetail = Type.Intersect([Appeal, Type.Object({ timeline: Type.Array(AppealEventView) })]);

/** What the reporter, followers and anyone with the tracking code see: no internal notes, staff by role. */
export const PublicAppeal = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  category: Type.Object({ code: Type.String(), name: LabelZhEn }),
  title: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  status: AppealStatusSchema,
  statusName: LabelZhEn,
  level: AppealLevelSchema,
  levelName: LabelZhEn,
  placeName: Type.String(),
  submittedAt: Timestamp,
  satisfaction: Type.Union([SatisfactionSchema, Type.Null()]),
  followerCount: Type.Integer(),
  timeline: Type.Array(
    Type.Object({ type: Type.String(), at: Timestamp, actorRole: LabelZhEn, level: AppealLevelSchema, note: Type.Union([Type.String(), Type.Null()]), photoRefs: Type.Array(Type.String()) }),
  ),
  allowedActions: AllowedActions,
});
export type PublicAppeal = Static<typeof PublicAppeal>;

export const AppealSummaryPublic = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  status: AppealStatusSchema,
  placeName: Type.String(),
  submittedAt: Timestamp,
  followerCount: Type.Integer(),
});

export const AppealListQuery = Type.Object(
  {
    ...PageQueryProps,
    /** queue: what my units must act on (default); area: everything placed in my region. */
    view: Type.Optional(Type.Enum(['queue', 'area'])),
    regionId: Type.Optional(Id),
    status: Type.Optional(AppealStatusSchema),
    categoryCode: Type.Optional(CategoryCode),
    overdue: Type.Optional(Type.Boolean()),
    /** Include finished (closed, rejected, merged) appeals; the queue hides them by default. */
    includeFinished: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const Versioned = {
  /** The version the client saw; a stale version is refused with 409 (optimistic concurrency). */
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  internalNote: Type.Optional(InternalNote),
};
const body = <P extends Record<string, any>>(props: P) => Type.Object({ ...props, ...Versioned }, { additionalProperties: false });

export const AppealCommandBodies = {
  accept: body({ note: Type.Optional(PublicNote) }),
  reject: body({ reason: Reason }),
  merge: body({ survivorId: Id, note: Type.Optional(PublicNote) }),
  dispatch: body({ level: AppealLevelSchema, regionId: Type.Optional(Id), department: Type.Optional(DepartmentSchema), note: Type.Optional(PublicNote) }),
  start: body({ note: Type.Optional(PublicNote) }),
  handle: body({ note: PublicNote, photoRefs: Type.Optional(PhotoRefs) }),
  verify: body({ fixed: Type.Boolean(), note: Type.Optional(PublicNote), photoRefs: Type.Optional(PhotoRefs) }),
  close: body({ satisfaction: SatisfactionSchema, note: Type.Optional(PublicNote) }),
  return: body({ reason: Reason }),
  escalate: body({ reason: Reason, department: Type.Optional(DepartmentSchema) }),
  pause: body({ reason: Reason }),
  resume: body({ note: Type.Optional(PublicNote) }),
  request_extension: body({ days: Type.Integer({ minimum: 1, maximum: 60 }), reason: Reason }),
  approve_extension: body({ approved: Type.Optional(Type.Boolean({ default: true })), note: Type.Optional(PublicNote) }),
  reopen: body({ reason: Reason }),
};

/** Route segment of each command (`POST /api/v1/appeals/:id/<segment>`); allowedActions carry the command names. */
export const APPEAL_COMMAND_PATHS: Record<(typeof APPEAL_COMMANDS)[number], string> = {
  accept: 'accept', reject: 'reject', merge: 'merge', dispatch: 'dispatch', start: 'start', handle: 'handle', verify: 'verify', close: 'close',
  return: 'return', escalate: 'escalate', pause: 'pause', resume: 'resume', request_extension: 'request-extension', approve_extension: 'approve-extension', reopen: 'reopen',
};

export const CreatedAppeal = Type.Object({
  id: Id,
  trackingCode: Type.String(),
  status: AppealStatusSchema,
  level: AppealLevelSchema,
});

export const AppealNotification = Type.Object({
  id: Id,
  kind: Type.String(),
  appealId: Type.Union([Id, Type.Null()]),
  trackingCode: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});
export type AppealNotification = Static<typeof AppealNotification>;

export const NotificationListQuery = Type.Object({ ...PageQueryProps, unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const TrackParams = Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }) }, { additionalProperties: false });

/** One uploaded photo (EXIF stripped, orientation applied). `url`/`thumbUrl` are for the uploader and staff. */
export const AppealPhoto = Type.Object({
  id: Id,
  visibility: Type.Enum([...APPEAL_PHOTO_VISIBILITIES]),
  mime: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer(),
  thumbWidth: Type.Integer(),
  thumbHeight: Type.Integer(),
  url: Type.String(),
  thumbUrl: Type.String(),
  createdAt: Timestamp,
});
export type AppealPhoto = Static<typeof AppealPhoto>;
export const UploadedPhotos = Type.Object({ items: Type.Array(AppealPhoto) });
export const PhotoUploadQuery = Type.Object({ visibility: Type.Optional(Type.Enum([...APPEAL_PHOTO_VISIBILITIES], { default: 'public' })) }, { additionalProperties: false });
export const TrackPhotoParams = Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }), id: Id }, { additionalProperties: false });

/** Where a photo is served to a signed-in uploader, reporter, follower or staff member. */
export function appealPhotoUrl(id: string, thumb = false): string {
  return `/api/v1/appeals/photos/${id}${thumb ? '/thumb' : ''}`;
}

/** Where a public photo is served on the public timeline (anyone with the tracking code). */
export function trackedPhotoUrl(trackingCode: string, id: string, thumb = false): string {
  return `/api/v1/appeals/track/${encodeURIComponent(trackingCode)}/photos/${id}${thumb ? '/thumb' : ''}`;
}
