import { Type, type Static } from 'typebox';
import { REGION_LEVELS, ALL_REGION_KINDS } from '../registry/regions.js';
import { AllowedActions, Id, ListQueryProps, Name, Timestamp } from './common.js';

export const RegionLevelSchema = Type.Enum([...REGION_LEVELS]);
export const RegionKindSchema = Type.Enum([...ALL_REGION_KINDS]);
export const RegionCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });

export const Region = Type.Object({
  id: Id,
  parentId: Type.Union([Id, Type.Null()]),
  level: RegionLevelSchema,
  kind: RegionKindSchema,
  code: Type.String(),
  name: Type.String(),
  path: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  childCount: Type.Optional(Type.Integer()),
  allowedActions: AllowedActions,
});
export type Region = Static<typeof Region>;

export const CreateRegionBody = Type.Object(
  { parentId: Id, kind: RegionKindSchema, code: RegionCode, name: Name },
  { additionalProperties: false },
);
export const RenameRegionBody = Type.Object({ name: Name, reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const MoveRegionBody = Type.Object({ newParentId: Id, reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

export const RegionListQuery = Type.Object(
  {
    ...ListQueryProps,
    parentId: Type.Optional(Id),
    level: Type.Optional(RegionLevelSchema),
    kind: Type.Optional(RegionKindSchema),
  },
  { additionalProperties: false },
);

export const RegionHistoryEntry = Type.Object({
  id: Id,
  regionId: Id,
  change: Type.Union([Type.Literal('created'), Type.Literal('renamed'), Type.Literal('moved')]),
  name: Type.String(),
  parentId: Type.Union([Id, Type.Null()]),
  path: Type.String(),
  validFrom: Timestamp,
  validTo: Type.Union([Timestamp, Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});
