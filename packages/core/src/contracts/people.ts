import { Type, type Static } from 'typebox';
import { ROLES } from '../registry/roles.js';
import { CN_MOBILE_PATTERN } from '../registry/pii.js';
import { HOUSEHOLD_RELATIONS } from '../registry/households.js';
import { AllowedActions, DateOnly, Id, LabelZhEn, ListQueryProps, Name, Timestamp } from './common.js';

export const RoleSchema = Type.Enum([...ROLES]);
export const Phone = Type.String({ pattern: CN_MOBILE_PATTERN, description: 'Mainland mobile number, 11 digits' });
export const Email = Type.String({ format: 'email', maxLength: 254, description: 'Email address, for outbound notices' });
export const IdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: '18-character resident ID number' });
export const Gender = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('unspecified')]);
export const HouseholdRelationSchema = Type.Enum([...HOUSEHOLD_RELATIONS]);

export const Person = Type.Object({
  id: Id,
  name: Type.String(),
  gender: Gender,
  birthYear: Type.Union([Type.Integer(), Type.Null()]),
  /** Masked (138****5678) unless the caller may see it and asked to reveal. */
  phone: Type.Union([Type.String(), Type.Null()]),
  idNumber: Type.Union([Type.String(), Type.Null()]),
  phoneMasked: Type.Boolean(),
  idNumberMasked: Type.Boolean(),
  /** Masked (z***@example.org) like the phone; revealed by the same audited command. */
  email: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  emailMasked: Type.Optional(Type.Boolean()),
  partyMember: Type.Boolean(),
  homeRegionId: Type.Union([Id, Type.Null()]),
  homeRegionName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  householdId: Type.Union([Id, Type.Null()]),
  householdRelation: Type.Union([HouseholdRelationSchema, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowedActions: AllowedActions,
});
export type Person = Static<typeof Person>;

export const CreatePersonBody = Type.Object(
  {
    name: Name,
    gender: Type.Optional(Gender),
    birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    phone: Type.Optional(Phone),
    email: Type.Optional(Email),
    idNumber: Type.Optional(IdNumber),
    partyMember: Type.Optional(Type.Boolean()),
    homeRegionId: Id,
  },
  { additionalProperties: false },
);
export const UpdatePersonBody = Type.Object(
  {
    name: Type.Optional(Name),
    gender: Type.Optional(Gender),
    birthYear: Type.Optional(Type.Union([Type.Integer({ minimum: 1900, maximum: 2100 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    idNumber: Type.Optional(Type.Union([IdNumber, Type.Null()])),
    partyMember: Type.Optional(Type.Boolean()),
    homeRegionId: Type.Optional(Id),
  },
  { additionalProperties: false, minProperties: 1 },
);

const PeopleFilterProps = {
  regionId: ListQueryProps.regionId,
  q: ListQueryProps.q,
  /** People holding an assignment of this role that is in force today. */
  role: Type.Optional(RoleSchema),
  partyMember: Type.Optional(Type.Boolean()),
};
export const PeopleListQuery = Type.Object({ ...ListQueryProps, ...PeopleFilterProps }, { additionalProperties: false });
/** The ledger export takes the list's filters, without paging. */
export const PeopleExportQuery = Type.Object(PeopleFilterProps, { additionalProperties: false });

export const RevealBody = Type.Object(
  { fields: Type.Array(Type.Union([Type.Literal('phone'), Type.Literal('idNumber'), Type.Literal('email')]), { minItems: 1, maxItems: 3, uniqueItems: true }), reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);
export const RevealResult = Type.Object({
  phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  idNumber: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const Assignment = Type.Object({
  id: Id,
  personId: Id,
  personName: Type.String(),
  role: RoleSchema,
  regionId: Id,
  regionName: Type.String(),
  startDate: DateOnly,
  endDate: Type.Union([DateOnly, Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  roleLabel: LabelZhEn,
  createdAt: Timestamp,
  allowedActions: AllowedActions,
});
export type Assignment = Static<typeof Assignment>;

export const CreateAssignmentBody = Type.Object(
  { personId: Id, role: RoleSchema, regionId: Id, startDate: DateOnly, endDate: Type.Optional(Type.Union([DateOnly, Type.Null()])) },
  { additionalProperties: false },
);
export const EndAssignmentBody = Type.Object({ endDate: DateOnly, reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
/** `q` searches the person's name; `activeOn` keeps assignments in force on that day (default: active and ended). */
export const AssignmentListQuery = Type.Object(
  { ...ListQueryProps, role: Type.Optional(RoleSchema), personId: Type.Optional(Id), activeOn: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
