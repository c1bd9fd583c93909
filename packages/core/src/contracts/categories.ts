import { Type, type Static } from 'typebox';
import { AllowedActions, Id, Timestamp } from './common.js';
import { AppealLevelSchema, CategoryCode, DepartmentSchema } from './appeals.js';

/* Admin editing of the appeal category tree (诉求类别). Residents read the active tree at GET /appeals/categories. */

const Label = Type.String({ minLength: 1, maxLength: 100 });
const LabelPair = Type.Object({ zh: Label, en: Label }, { additionalProperties: false });
const Key = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$', description: 'lower_snake_case; also the Open311 attribute code' });

export const SlaDuration = Type.Object(
  { amount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }), unit: Type.Enum(['hours', 'days'], { description: 'working hours, or working days of 7.5 h' }) },
  { additionalProperties: false },
);
export const SlaTargetBody = Type.Object({ response: SlaDuration, resolution: SlaDuration }, { additionalProperties: false });
/** Targets per ladder level; a level left out uses the default targets for that level. */
export const SlaTableBody = Type.Object(
  {
    grid: Type.Optional(SlaTargetBody),
    compound: Type.Optional(SlaTargetBody),
    community: Type.Optional(SlaTargetBody),
    subdistrict: Type.Optional(SlaTargetBody),
    department: Type.Optional(SlaTargetBody),
  },
  { additionalProperties: false },
);

export const CategoryQuestionBody = Type.Object(
  {
    key: Key,
    label: LabelPair,
    type: Type.Enum(['text', 'number', 'boolean', 'choice']),
    required: Type.Boolean(),
    choices: Type.Optional(Type.Array(Type.Object({ key: Key, zh: Label, en: Label }, { additionalProperties: false }), { maxItems: 30 })),
  },
  { additionalProperties: false },
);

const SettingsProps = {
  name: LabelPair,
  defaultLevel: AppealLevelSchema,
  department: Type.Optional(Type.Union([DepartmentSchema, Type.Null()])),
  sla: Type.Optional(SlaTableBody),
  questions: Type.Optional(Type.Array(CategoryQuestionBody, { maxItems: 20 })),
  mediation: Type.Optional(Type.Boolean()),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
};

export const CreateCategoryBody = Type.Object(
  { code: CategoryCode, parentCode: Type.Optional(Type.Union([CategoryCode, Type.Null()])), ...SettingsProps },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

/** Any subset of the settings; the code and the place in the tree do not change (appeals name the code). */
export const UpdateCategoryBody = Type.Object(
  {
    name: Type.Optional(LabelPair),
    defaultLevel: Type.Optional(AppealLevelSchema),
    department: SettingsProps.department,
    sla: SettingsProps.sla,
    questions: SettingsProps.questions,
    mediation: SettingsProps.mediation,
    sortOrder: SettingsProps.sortOrder,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const AdminCategory = Type.Object({
  id: Id,
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.Object({ zh: Type.String(), en: Type.String() }),
  defaultLevel: AppealLevelSchema,
  department: Type.Union([Type.String(), Type.Null()]),
  sla: Type.Record(Type.String(), Type.Object({ response: Type.Object({ amount: Type.Number(), unit: Type.String() }), resolution: Type.Object({ amount: Type.Number(), unit: Type.String() }) })),
  questions: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.Object({ zh: Type.String(), en: Type.String() }),
      type: Type.Enum(['text', 'number', 'boolean', 'choice']),
      required: Type.Boolean(),
      choices: Type.Optional(Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String() }))),
    }),
  ),
  mediation: Type.Boolean(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowedActions: AllowedActions,
});
export type AdminCategory = Static<typeof AdminCategory>;

export const AdminCategoryList = Type.Object({ items: Type.Array(AdminCategory), allowedActions: AllowedActions });
export type AdminCategoryList = Static<typeof AdminCategoryList>;
