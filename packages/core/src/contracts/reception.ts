import { Type, type Static } from 'typebox';
import { AllowedActions, DateOnly, Id, LabelZhEn, Timestamp } from './common.js';
import { TIME_OF_DAY_PATTERN } from '../reception/next-sessions.js';

export * from '../reception/next-sessions.js';

/** 楼长接待日 (reception days): a weekly slot or a one-off session held by the 楼长/巷长/街长 of a grid. */
export const RECEPTION_SLOT_KINDS = ['weekly', 'once'] as const;
export type ReceptionSlotKind = (typeof RECEPTION_SLOT_KINDS)[number];

export const WEEKDAY_LABELS: Record<number, { zh: string; en: string }> = {
  1: { zh: '周一', en: 'Monday' },
  2: { zh: '周二', en: 'Tuesday' },
  3: { zh: '周三', en: 'Wednesday' },
  4: { zh: '周四', en: 'Thursday' },
  5: { zh: '周五', en: 'Friday' },
  6: { zh: '周六', en: 'Saturday' },
  7: { zh: '周日', en: 'Sunday' },
};

export const TimeOfDay = Type.String({ pattern: TIME_OF_DAY_PATTERN, description: 'HH:MM, 24-hour, Asia/Shanghai' });
export const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' });

export const ReceptionHolder = Type.Object({ personId: Id, name: Type.String(), roleLabel: LabelZhEn });

export const ReceptionSlot = Type.Object({
  id: Id,
  regionId: Id,
  regionName: Type.String(),
  kind: Type.Enum([...RECEPTION_SLOT_KINDS]),
  weekday: Type.Union([Weekday, Type.Null()]),
  date: Type.Union([DateOnly, Type.Null()]),
  startTime: TimeOfDay,
  endTime: TimeOfDay,
  place: Type.String(),
  holder: ReceptionHolder,
  status: Type.Enum(['active', 'ended'] as const),
  endedAt: Type.Union([Timestamp, Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  /** Cancelled sessions from today on, with the reason residents are shown. */
  cancelledSessions: Type.Array(Type.Object({ date: DateOnly, reason: Type.String() })),
  createdAt: Timestamp,
  allowedActions: AllowedActions,
});
export type ReceptionSlot = Static<typeof ReceptionSlot>;

export const ReceptionSession = Type.Object({
  slotId: Id,
  date: DateOnly,
  weekday: Weekday,
  startTime: TimeOfDay,
  endTime: TimeOfDay,
  startsAt: Timestamp,
  endsAt: Timestamp,
  place: Type.String(),
  regionId: Id,
  regionName: Type.String(),
  holderName: Type.String(),
});
export type ReceptionSession = Static<typeof ReceptionSession>;

/** The schedule of one or more grids: active slots and the next sessions they produce. */
export const ReceptionSchedule = Type.Object({
  slots: Type.Array(ReceptionSlot),
  upcoming: Type.Array(ReceptionSession),
});
export type ReceptionSchedule = Static<typeof ReceptionSchedule>;

export const ReceptionScheduleQuery = Type.Object(
  { regionId: Id, includeEnded: Type.Optional(Type.Boolean({ description: 'Also list ended slots' })) },
  { additionalProperties: false },
);

export const MyReceptionDays = Type.Object({
  /** Slots I hold as 楼长/巷长/街长 and their next sessions. */
  holding: ReceptionSchedule,
  /** Slots of the grids above my household (my 楼长's reception days). */
  forMyHome: ReceptionSchedule,
});
export type MyReceptionDays = Static<typeof MyReceptionDays>;

export const CreateReceptionSlotBody = Type.Object(
  {
    regionId: Id,
    /** Defaults to the caller (a 楼长 scheduling their own reception day). */
    holderPersonId: Type.Optional(Id),
    kind: Type.Enum([...RECEPTION_SLOT_KINDS]),
    weekday: Type.Optional(Weekday),
    date: Type.Optional(DateOnly),
    startTime: TimeOfDay,
    endTime: TimeOfDay,
    place: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type CreateReceptionSlotBody = Static<typeof CreateReceptionSlotBody>;

export const EndReceptionSlotBody = Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false });
export const CancelReceptionSessionBody = Type.Object({ date: DateOnly, reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
