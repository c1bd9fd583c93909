import { Type, type Static } from 'typebox';
import { Id, PageQueryProps, Timestamp } from './common.js';

/** Filters shared by the audit list and its Excel export. */
const AuditFilterProps = {
  /** A record's history: both together, or the type alone. */
  entityType: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z][a-z0-9_]*$' })),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** What a person did (the acting person's id). */
  personId: Type.Optional(Id),
  /** Time window, from inclusive, to exclusive. */
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  /** Region subtree; rows without a region (sign-ins, accounts) are then left out. */
  regionId: Type.Optional(Id),
  /** Action prefix, e.g. `region.` or `person.reveal`. */
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.]+$' })),
};

export const AuditListQuery = Type.Object({ ...PageQueryProps, ...AuditFilterProps }, { additionalProperties: false });
export type AuditListQuery = Static<typeof AuditListQuery>;
export const AuditExportQuery = Type.Object(AuditFilterProps, { additionalProperties: false });
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditEntry = Type.Object({
  id: Id,
  at: Timestamp,
  /** The acting person; null for events without a signed-in actor (failed sign-ins, self-registration). */
  actor: Type.Union([Type.Object({ id: Type.Union([Id, Type.Null()]), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  action: Type.String(),
  entity: Type.Object({ type: Type.String(), id: Type.String() }),
  /** Snapshots of the record; phone and ID numbers inside are masked. */
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;
