import { Type, type Static } from 'typebox';
import { DateOnly } from './common.js';
import { RoleSchema } from './people.js';

/** Largest roster or household file accepted in one upload. */
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Column headers of the import templates, in template order (the importer finds them by name, in any order). */
export const ROSTER_COLUMNS = ['姓名', '手机号', '身份证号', '角色', '网格编码', '开始日期', '是否党员'] as const;
export const ROSTER_REQUIRED_COLUMNS = ['姓名', '手机号', '角色', '网格编码', '开始日期'] as const;
export const HOUSEHOLD_COLUMNS = ['网格编码', '房号', '地址', '面积', '户主姓名', '户主手机号'] as const;
export const HOUSEHOLD_REQUIRED_COLUMNS = ['网格编码', '房号', '地址'] as const;

/** Roles a roster may assign: the 三长. */
export const ROSTER_ROLE_LABELS = { 楼长: 'building_head', 巷长: 'lane_head', 街长: 'street_head' } as const;

export const ImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ default: true, description: 'true (default): check only and report what would be created; false: import' })) },
  { additionalProperties: false },
);

const PersonPlan = Type.Enum(['create', 'reuse']);

export const RosterPlanRow = Type.Object({
  row: Type.Integer({ description: 'Excel row number' }),
  name: Type.String(),
  role: RoleSchema,
  regionCode: Type.String(),
  regionName: Type.String(),
  startDate: DateOnly,
  partyMember: Type.Boolean(),
  person: PersonPlan,
  assignment: Type.Enum(['create', 'skip']),
});
export type RosterPlanRow = Static<typeof RosterPlanRow>;

export const RosterImportResult = Type.Object({
  dryRun: Type.Boolean(),
  rowCount: Type.Integer(),
  counts: Type.Object({
    peopleCreated: Type.Integer(),
    peopleReused: Type.Integer(),
    assignmentsCreated: Type.Integer(),
    assignmentsSkipped: Type.Integer(),
  }),
  /** With dryRun: what each row would do. */
  rows: Type.Optional(Type.Array(RosterPlanRow)),
});
export type RosterImportResult = Static<typeof RosterImportResult>;

export const HouseholdPlanRow = Type.Object({
  row: Type.Integer({ description: 'Excel row number' }),
  regionCode: Type.String(),
  regionName: Type.String(),
  room: Type.String(),
  address: Type.String(),
  floorArea: Type.Union([Type.Number(), Type.Null()]),
  head: Type.Union([Type.Object({ name: Type.String(), person: PersonPlan }), Type.Null()]),
});
export type HouseholdPlanRow = Static<typeof HouseholdPlanRow>;

export const HouseholdImportResult = Type.Object({
  dryRun: Type.Boolean(),
  rowCount: Type.Integer(),
  counts: Type.Object({ householdsCreated: Type.Integer(), peopleCreated: Type.Integer(), peopleLinked: Type.Integer() }),
  rows: Type.Optional(Type.Array(HouseholdPlanRow)),
});
export type HouseholdImportResult = Static<typeof HouseholdImportResult>;
