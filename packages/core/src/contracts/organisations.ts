import { Type, type Static } from 'typebox';
import { ORG_KINDS, ORG_MEMBER_ROLES } from '../registry/organisations.js';
import { AllowedActions, DateOnly, Id, LabelZhEn, ListQueryProps, LongText, Name, Timestamp } from './common.js';

export const OrgKindSchema = Type.Enum([...ORG_KINDS]);
export const OrgMemberRoleSchema = Type.Enum([...ORG_MEMBER_ROLES]);

/** An organisation as listed: no member data beyond the count of current members. */
export const Organisation = Type.Object({
  id: Id,
  kind: OrgKindSchema,
  kindLabel: LabelZhEn,
  name: Type.String(),
  regionId: Id,
  regionName: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  foundedOn: Type.Union([DateOnly, Type.Null()]),
  dissolved: Type.Boolean(),
  dissolvedOn: Type.Union([DateOnly, Type.Null()]),
  dissolvedReason: Type.Union([Type.String(), Type.Null()]),
  /** Current members (no leaving date). */
  memberCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowedActions: AllowedActions,
});
export type Organisation = Static<typeof Organisation>;

export const OrgMember = Type.Object({
  id: Id,
  personId: Id,
  personName: Type.String(),
  /** Always masked here (138****5678); the full number is revealed, with an audit row, from the person's record. */
  phone: Type.Union([Type.String(), Type.Null()]),
  role: OrgMemberRoleSchema,
  joinedOn: DateOnly,
  leftOn: Type.Union([DateOnly, Type.Null()]),
  active: Type.Boolean(),
  allowedActions: AllowedActions,
});
export type OrgMember = Static<typeof OrgMember>;

export const OrganisationDetail = Type.Object({
  ...Organisation.properties,
  /** Current members first, then former ones; at most 1000 (see membersTruncated). */
  members: Type.Array(OrgMember),
  membersTruncated: Type.Boolean(),
});
export type OrganisationDetail = Static<typeof OrganisationDetail>;

export const OrganisationListQuery = Type.Object(
  {
    ...ListQueryProps,
    kind: Type.Optional(OrgKindSchema),
    /** Dissolved organisations are left out unless asked for. */
    includeDissolved: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export const OrganisationExportQuery = Type.Object(
  { regionId: ListQueryProps.regionId, q: ListQueryProps.q, kind: Type.Optional(OrgKindSchema), includeDissolved: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);

export const CreateOrganisationBody = Type.Object(
  { kind: OrgKindSchema, name: Name, regionId: Id, description: Type.Optional(LongText), foundedOn: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
/** Kind is fixed at creation: a club does not become a party branch (create a new record instead). */
export const UpdateOrganisationBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Type.Union([LongText, Type.Null()])),
    foundedOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    regionId: Type.Optional(Id),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const DissolveOrganisationBody = Type.Object(
  { date: DateOnly, reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export const AddOrgMemberBody = Type.Object(
  { personId: Id, role: OrgMemberRoleSchema, joinedOn: DateOnly },
  { additionalProperties: false },
);
export const LeaveOrgMemberBody = Type.Object({ leftOn: DateOnly }, { additionalProperties: false });
export const OrgMemberParams = Type.Object({ id: Id, memberId: Id }, { additionalProperties: false });
