import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { AppealActorRole, AppealLevel, AppealStatus, Satisfaction } from './model.js';
import type { SlaTable } from './sla.js';

/** Who holds an appeal: a ladder level and its region node (or, at department level, the department). */
export interface AppealUnit {
  level: AppealLevel;
  regionId: string | null;
  department: string | null;
}

/** Remaining working milliseconds on each clock while it is stopped (paused, or handled awaiting verification). */
export interface StoppedClocks {
  response: number | null;
  resolution: number | null;
}

/** Everything the machine needs to know about one appeal. Instants are epoch milliseconds. */
export interface AppealState {
  status: AppealStatus;
  unit: AppealUnit;
  /** The unit that dispatched it to the current one; a "not ours" return goes back there. */
  dispatcher: AppealUnit | null;
  submittedAt: number;
  respondedAt: number | null;
  respondedOnTime: boolean | null;
  /** Response clock: runs until someone accepts (or dispatches, or starts). */
  responseDueAt: number | null;
  /** Resolution clock: runs until handled; stopped while paused or awaiting verification. */
  resolutionDueAt: number | null;
  handledAt: number | null;
  handledOnTime: boolean | null;
  verifiedAt: number | null;
  closedAt: number | null;
  /** Set while paused waiting for the resident. */
  pausedAt: number | null;
  stopped: StoppedClocks | null;
  reworkCount: number;
  escalationCount: number;
  /** The highest rung escalation has reached (the ladder only climbs). */
  ceiling: AppealLevel;
  reopenCount: number;
  extension: { requestedBy: string; days: number; reason: string } | null;
  extensionDays: number;
  satisfaction: Satisfaction | null;
  mergedInto: string | null;
  reason: string | null;
}

export interface AppealActor {
  /** Person id (or 'system'). */
  id: string;
  roles: readonly AppealActorRole[];
}

export type AppealCommand =
  | { type: 'accept'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'merge'; survivorId: string; note?: string }
  | { type: 'dispatch'; unit: AppealUnit; note?: string }
  | { type: 'start'; note?: string }
  | { type: 'handle'; note: string; photoRefs?: string[] }
  | { type: 'verify'; fixed: boolean; note?: string; photoRefs?: string[] }
  | { type: 'close'; satisfaction: Satisfaction; note?: string }
  | { type: 'return'; reason: string }
  | { type: 'escalate'; reason: string; to: AppealUnit; automatic?: 'response' | 'resolution' }
  | { type: 'pause'; reason: string }
  | { type: 'resume'; note?: string }
  | { type: 'request_extension'; days: number; reason: string }
  | { type: 'approve_extension'; approved: boolean; note?: string }
  | { type: 'reopen'; reason: string };

interface EventBase {
  at: number;
  by: string;
  note?: string;
  photoRefs?: string[];
}

export type AppealEvent = EventBase &
  (
    | { type: 'submitted'; unit: AppealUnit; responseDueAt: number; resolutionDueAt: number }
    | { type: 'accepted'; onTime: boolean }
    | { type: 'rejected'; reason: string }
    | { type: 'merged'; survivorId: string }
    | { type: 'dispatched'; from: AppealUnit; to: AppealUnit }
    | { type: 'started'; onTime: boolean | null }
    | { type: 'handled'; onTime: boolean; remaining: number }
    | { type: 'verified' }
    | { type: 'rework'; reworkCount: number; resolutionDueAt: number }
    | { type: 'closed'; satisfaction: Satisfaction; level: AppealLevel }
    | { type: 'returned'; reason: string; from: AppealUnit; to: AppealUnit }
    | { type: 'escalated'; reason: string; from: AppealUnit; to: AppealUnit; automatic: 'response' | 'resolution' | null; responseDueAt: number | null; resolutionDueAt: number | null }
    | { type: 'paused'; reason: string; stopped: StoppedClocks }
    | { type: 'resumed'; responseDueAt: number | null; resolutionDueAt: number | null }
    | { type: 'extension_requested'; days: number; reason: string }
    | { type: 'extension_approved'; days: number; resolutionDueAt: number }
    | { type: 'extension_denied'; days: number }
    | { type: 'reopened'; reason: string; resolutionDueAt: number }
  );
export type AppealEventType = AppealEvent['type'];

export interface MachineEnv {
  calendar: WorkingCalendar;
  /** The category's SLA table (levels it does not list use the defaults). */
  sla?: SlaTable;
  /** Calendar days after closing in which the reporter may reopen. */
  reopenWindowDays: number;
}

export interface MachineError {
  code: 'not_allowed_in_state' | 'forbidden' | 'invalid';
  /** Which command field is wrong (for `invalid`). */
  field?: string;
  message: { zh: string; en: string };
}

export type Decision = { ok: true; events: AppealEvent[] } | { ok: false; error: MachineError };
