import { Type, type Static } from 'typebox';
import { HouseholdRelationSchema, RoleSchema } from './people.js';
import { RegionKindSchema, RegionLevelSchema } from './regions.js';
import { AllowedActions, Id, LabelZhEn, ListQueryProps, Timestamp } from './common.js';

/** Exclusive floor area in m² (专有部分面积), at most two decimals; owners' votes weigh by it. */
export const FloorArea = Type.Number({ minimum: 0, maximum: 99_999_999.99, description: 'm², at most 2 decimals' });
export const Room = Type.String({ minLength: 1, maxLength: 40, description: 'Unit/room label, e.g. 3-502; unique per level-3 grid' });
export const Address = Type.String({ minLength: 1, maxLength: 200 });

export const HouseholdMember = Type.Object({
  personId: Id,
  name: Type.String(),
  relation: Type.Union([HouseholdRelationSchema, Type.Null()]),
  relationLabel: Type.Union([LabelZhEn, Type.Null()]),
  /** Always masked here; reveal through the person record. */
  phone: Type.Union([Type.String(), Type.Null()]),
  phoneMasked: Type.Boolean(),
});

export const Household = Type.Object({
  id: Id,
  regionId: Id,
  regionName: Type.String(),
  address: Type.String(),
  room: Type.String(),
  floorArea: Type.Union([Type.Number(), Type.Null()]),
  memberCount: Type.Integer(),
  members: Type.Optional(Type.Array(HouseholdMember)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowedActions: AllowedActions,
});
export type Household = Static<typeof Household>;

export const CreateHouseholdBody = Type.Object(
  { regionId: Id, address: Address, room: Room, floorArea: Type.Optional(Type.Union([FloorArea, Type.Null()])) },
  { additionalProperties: false },
);
export const UpdateHouseholdBody = Type.Object(
  { address: Type.Optional(Address), room: Type.Optional(Room), floorArea: Type.Optional(Type.Union([FloorArea, Type.Null()])) },
  { additionalProperties: false, minProperties: 1 },
);
export const AddHouseholdMemberBody = Type.Object({ personId: Id, relation: HouseholdRelationSchema }, { additionalProperties: false });
export const HouseholdMemberParams = Type.Object({ id: Id, personId: Id }, { additionalProperties: false });

const HouseholdFilterProps = { regionId: ListQueryProps.regionId, q: ListQueryProps.q };
/** `q` searches address and room. */
export const HouseholdListQuery = Type.Object({ ...ListQueryProps, ...HouseholdFilterProps }, { additionalProperties: false });
export const HouseholdExportQuery = Type.Object(HouseholdFilterProps, { additionalProperties: false });

/** One person serving a resident: a public contact point, so the phone is shown in full for tap-to-call. */
export const NeighbourhoodContact = Type.Object({
  personId: Id,
  name: Type.String(),
  role: RoleSchema,
  roleLabel: LabelZhEn,
  regionId: Id,
  regionName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
});

export const NeighbourhoodRegion = Type.Object({ id: Id, level: RegionLevelSchema, kind: RegionKindSchema, name: Type.String(), code: Type.String() });

export const Neighbourhood = Type.Object({
  household: Type.Union([Type.Object({ id: Id, address: Type.String(), room: Type.String(), relation: Type.Union([HouseholdRelationSchema, Type.Null()]) }), Type.Null()]),
  /** From the nearest node up to the subdistrict (building → compound → community → subdistrict). */
  regions: Type.Array(NeighbourhoodRegion),
  contacts: Type.Array(NeighbourhoodContact),
});
export type Neighbourhood = Static<typeof Neighbourhood>;
