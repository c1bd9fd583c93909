import { Type, type Static, type TSchema } from 'typebox';

export const Id = Type.String({ format: 'uuid', description: 'UUID' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** A human name or title: 1–100 characters, Chinese or otherwise (emoji allowed, NUL refused by the server). */
export const Name = Type.String({ minLength: 1, maxLength: 100 });
export const LongText = Type.String({ maxLength: 2000 });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD (Asia/Shanghai calendar day)' });
export const Timestamp = Type.String({ format: 'date-time' });

export const PageQueryProps = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

/** List filters shared by registry lists: region subtree, free text. */
export const ListQueryProps = {
  ...PageQueryProps,
  regionId: Type.Optional(Id),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

/** What the caller may do to this resource now; the UI shows exactly these actions. */
export const AllowedActions = Type.Array(Type.String(), { description: 'Actions the caller may take on this resource now' });

export const LabelZhEn = Type.Object({ zh: Type.String(), en: Type.String() });

export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.Optional(Type.String()),
  errors: Type.Optional(
    Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
  ),
  allowedActions: Type.Optional(Type.Array(Type.String())),
});
export type ProblemBody = Static<typeof ProblemSchema>;
