import { Type, type Static } from 'typebox';
import { CLOSES_PATTERN, OPENS_PATTERN, VENUE_KINDS } from '../registry/venues.js';
import { OrgKindSchema } from './organisations.js';
import { AllowedActions, Id, LabelZhEn, ListQueryProps, LongText, Name, Timestamp } from './common.js';

export const VenueKindSchema = Type.Enum([...VENUE_KINDS]);

export const OpeningHoursEntry = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' }),
    opens: Type.String({ pattern: OPENS_PATTERN, description: 'HH:MM, Asia/Shanghai' }),
    closes: Type.String({ pattern: CLOSES_PATTERN, description: 'HH:MM (24:00 = midnight), after opens' }),
  },
  { additionalProperties: false },
);
export type OpeningHoursEntry = Static<typeof OpeningHoursEntry>;
export const OpeningHoursList = Type.Array(OpeningHoursEntry, { maxItems: 70 });

export const VenueRoom = Type.Object({
  id: Id,
  venueId: Id,
  name: Type.String(),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  allowedActions: AllowedActions,
});
export type VenueRoom = Static<typeof VenueRoom>;

export const Venue = Type.Object({
  id: Id,
  kind: VenueKindSchema,
  kindLabel: LabelZhEn,
  name: Type.String(),
  regionId: Id,
  regionName: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  /** The venue's public contact number (not personal data). */
  phone: Type.Union([Type.String(), Type.Null()]),
  openingHours: OpeningHoursList,
  /** Open at the moment of the request, in Asia/Shanghai. */
  openNow: Type.Boolean(),
  roomCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowedActions: AllowedActions,
});
export type Venue = Static<typeof Venue>;

export const VenueDetail = Type.Object({ ...Venue.properties, rooms: Type.Array(VenueRoom) });
export type VenueDetail = Static<typeof VenueDetail>;

export const VenueListQuery = Type.Object({ ...ListQueryProps, kind: Type.Optional(VenueKindSchema) }, { additionalProperties: false });
export const VenueExportQuery = Type.Object(
  { regionId: ListQueryProps.regionId, q: ListQueryProps.q, kind: Type.Optional(VenueKindSchema) },
  { additionalProperties: false },
);

const VenuePhone = Type.String({ minLength: 3, maxLength: 30, pattern: '^[0-9+() -]+$' });

export const CreateVenueBody = Type.Object(
  {
    kind: VenueKindSchema,
    name: Name,
    regionId: Id,
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    phone: Type.Optional(VenuePhone),
    openingHours: Type.Optional(OpeningHoursList),
  },
  { additionalProperties: false },
);
export const UpdateVenueBody = Type.Object(
  {
    kind: Type.Optional(VenueKindSchema),
    name: Type.Optional(Name),
    regionId: Type.Optional(Id),
    address: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    phone: Type.Optional(Type.Union([VenuePhone, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const SetOpeningHoursBody = Type.Object({ hours: OpeningHoursList }, { additionalProperties: false });

export const CreateVenueRoomBody = Type.Object(
  { name: Name, capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })), description: Type.Optional(LongText) },
  { additionalProperties: false },
);
export const UpdateVenueRoomBody = Type.Object(
  {
    name: Type.Optional(Name),
    capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()])),
    description: Type.Optional(Type.Union([LongText, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const VenueRoomParams = Type.Object({ id: Id, roomId: Id }, { additionalProperties: false });

/** What a resident sees near home: venues with rooms and hours, organisations without member data. */
export const NearbyOrganisation = Type.Object({ id: Id, kind: OrgKindSchema, kindLabel: LabelZhEn, name: Type.String(), memberCount: Type.Integer() });
export const Nearby = Type.Object({
  community: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  venues: Type.Array(VenueDetail),
  organisations: Type.Array(NearbyOrganisation),
});
export type Nearby = Static<typeof Nearby>;
