import { Type, type Static } from 'typebox';
import { AllowedActions, DateOnly, Timestamp } from './common.js';

/* The working calendar's holiday years (节假日安排), kept by subdistrict admins. */

export const HolidayYearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });

export const PutHolidayYearBody = Type.Object(
  {
    holidays: Type.Array(Type.Object({ date: DateOnly, name: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }), { maxItems: 120 }),
    makeupWorkdays: Type.Array(DateOnly, { maxItems: 30 }),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PutHolidayYearBody = Static<typeof PutHolidayYearBody>;

export const HolidayYearView = Type.Object({
  year: Type.Integer(),
  holidays: Type.Array(Type.Object({ date: Type.String(), name: Type.String() })),
  makeupWorkdays: Type.Array(Type.String()),
  source: Type.Union([Type.String(), Type.Null()]),
  /** Working days in the year on this calendar (Monday–Friday, minus holidays, plus make-up days). */
  workingDays: Type.Integer(),
  updatedAt: Timestamp,
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  allowedActions: AllowedActions,
});
export type HolidayYearView = Static<typeof HolidayYearView>;

export const HolidayYearSummary = Type.Object({
  year: Type.Integer(),
  holidayDays: Type.Integer(),
  makeupWorkdays: Type.Integer(),
  /** Holiday names in date order (元旦, 春节 …). */
  names: Type.Array(Type.String()),
  workingDays: Type.Integer(),
  updatedAt: Timestamp,
});
export type HolidayYearSummary = Static<typeof HolidayYearSummary>;

export const HolidayYearList = Type.Object({ items: Type.Array(HolidayYearSummary), allowedActions: AllowedActions });
export type HolidayYearList = Static<typeof HolidayYearList>;
