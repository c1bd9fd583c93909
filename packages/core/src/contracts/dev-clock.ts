import { Type, type Static } from 'typebox';
import { Timestamp } from './common.js';

/**
 * The server clock an admin may move forward on a test or training server (CLOCK_CONTROL=true, never in
 * production), so "nobody responds" can be shown without waiting: SLA clocks run out and the sweeper escalates.
 */
export const CLOCK_MAX_ADVANCE_MINUTES = 60 * 24 * 60;

export const AdvanceClockBody = Type.Object(
  {
    /** Minutes to move the server clock forward (up to 60 days); one sweep runs at the new time. */
    advanceMinutes: Type.Integer({ minimum: 1, maximum: CLOCK_MAX_ADVANCE_MINUTES }),
  },
  { additionalProperties: false },
);
export type AdvanceClockBody = Static<typeof AdvanceClockBody>;

export const ServerClock = Type.Object({
  now: Timestamp,
  /** How far the server clock is ahead of the real time, in minutes (0 after a reset). */
  offsetMinutes: Type.Number(),
});
export type ServerClock = Static<typeof ServerClock>;

/** What the sweep did at the new time. */
export const ClockSweep = Type.Object({
  escalated: Type.Integer(),
  overdueAtTop: Type.Integer(),
  warned: Type.Integer(),
  fixedChecks: Type.Integer(),
  photosPurged: Type.Integer(),
});

export const ClockAdvanced = Type.Intersect([ServerClock, Type.Object({ sweep: ClockSweep })]);
export type ClockAdvanced = Static<typeof ClockAdvanced>;
