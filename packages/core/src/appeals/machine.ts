import { levelRank, nextRung, WORKING_STATUSES, type AppealActorRole, type AppealCommandName, type AppealStatus } from './model.js';
import { deadlineAfter, durationMs, slaFor } from './sla.js';
import type { AppealActor, AppealCommand, AppealEvent, AppealState, AppealUnit, Decision, MachineEnv, MachineError } from './machine-types.js';

export * from './machine-types.js';

const DAY_MS = 86_400_000;

interface Rule {
  from: readonly AppealStatus[];
  roles: readonly AppealActorRole[];
  /** Extra condition on the state (beyond the status) for the command to be available now. */
  when?: (s: AppealState, now: number, env: MachineEnv, actor: AppealActor) => boolean;
}

const INTAKE: AppealStatus[] = ['submitted', 'accepted', 'returned'];
const ESCALATABLE: AppealStatus[] = ['submitted', 'accepted', 'returned', 'dispatched', 'in_progress'];

/** Which states and which actor roles each command needs. The UI asks `allowedCommands`; the server `decide`s. */
export const COMMAND_RULES: Record<AppealCommandName, Rule> = {
  accept: { from: ['submitted'], roles: ['dispatcher', 'handler'] },
  reject: { from: INTAKE, roles: ['dispatcher', 'supervisor'] },
  merge: { from: INTAKE, roles: ['dispatcher', 'supervisor'] },
  // From `dispatched` only downward: the holder hands it to a unit below (community → compound).
  dispatch: { from: ['submitted', 'accepted', 'returned', 'dispatched'], roles: ['dispatcher'] },
  start: { from: ['submitted', 'accepted', 'dispatched'], roles: ['handler'] },
  handle: { from: ['in_progress'], roles: ['handler'] },
  verify: { from: ['handled'], roles: ['reporter', 'inspector'] },
  close: { from: ['verified'], roles: ['reporter', 'dispatcher', 'supervisor'] },
  return: { from: ['dispatched', 'in_progress'], roles: ['handler'], when: (s) => s.dispatcher !== null },
  escalate: { from: ESCALATABLE, roles: ['handler', 'supervisor', 'dispatcher', 'system'], when: (s) => nextRung(s.unit.level) !== null },
  pause: { from: ESCALATABLE, roles: ['handler', 'dispatcher'] },
  resume: { from: ESCALATABLE, roles: ['handler', 'dispatcher', 'reporter'], when: (s) => s.pausedAt !== null },
  request_extension: { from: ['dispatched', 'in_progress'], roles: ['handler'], when: (s) => s.extension === null },
  approve_extension: { from: ['dispatched', 'in_progress'], roles: ['supervisor'], when: (s, _n, _e, a) => s.extension !== null && s.extension.requestedBy !== a.id },
  reopen: { from: ['closed'], roles: ['reporter', 'supervisor'], when: (s, now, env) => s.closedAt !== null && now - s.closedAt <= env.reopenWindowDays * DAY_MS },
};

const COMMAND_NAMES = Object.keys(COMMAND_RULES) as AppealCommandName[];

function availableInState(name: AppealCommandName, s: AppealState, now: number, env: MachineEnv, actor: AppealActor): boolean {
  const rule = COMMAND_RULES[name];
  if (!rule.from.includes(s.status)) return false;
  // While paused (waiting for the resident) only resuming makes sense.
  if (s.pausedAt !== null && name !== 'resume') return false;
  if (name === 'resume' && s.pausedAt === null) return false;
  return rule.when ? rule.when(s, now, env, actor) : true;
}

function hasRole(name: AppealCommandName, actor: AppealActor): boolean {
  return COMMAND_RULES[name].roles.some((r) => actor.roles.includes(r));
}

/** Commands this actor may issue now (what the UI shows). `system` escalation is not offered to people. */
export function allowedCommands(s: AppealState, actor: AppealActor, now: number, env: MachineEnv): AppealCommandName[] {
  return COMMAND_NAMES.filter((n) => availableInState(n, s, now, env, actor) && hasRole(n, actor));
}

/** Commands available in this state for anyone (for the 409 body when a role does not matter). */
export function commandsInState(s: AppealState, now: number, env: MachineEnv, actor: AppealActor): AppealCommandName[] {
  return COMMAND_NAMES.filter((n) => availableInState(n, s, now, env, actor));
}

const err = (code: MachineError['code'], zh: string, en: string, field?: string): Decision => ({ ok: false, error: { code, field, message: { zh, en } } });

function sameUnit(a: AppealUnit, b: AppealUnit): boolean {
  return a.level === b.level && a.regionId === b.regionId && a.department === b.department;
}

/** A new appeal: its initial state and the `submitted` event, with clocks started at `now`. */
export function openAppeal(unit: AppealUnit, by: string, now: number, env: MachineEnv): { state: AppealState; event: AppealEvent } {
  const target = slaFor(env.sla, unit.level);
  const event: AppealEvent = { type: 'submitted', at: now, by, unit, responseDueAt: deadlineAfter(env.calendar, now, target.response), resolutionDueAt: deadlineAfter(env.calendar, now, target.resolution) };
  return { state: evolve(emptyState(now, unit), event), event };
}

function emptyState(now: number, unit: AppealUnit): AppealState {
  return {
    status: 'submitted', unit, dispatcher: null, submittedAt: now, respondedAt: null, respondedOnTime: null, responseDueAt: null, resolutionDueAt: null,
    handledAt: null, handledOnTime: null, verifiedAt: null, closedAt: null, pausedAt: null, stopped: null, reworkCount: 0, escalationCount: 0,
    ceiling: unit.level, reopenCount: 0, extension: null, extensionDays: 0, satisfaction: null, mergedInto: null, reason: null,
  };
}

/** `(state, command, actor, now) → events | error`. Pure: the caller persists the events and folds them with `evolve`. */
export function decide(s: AppealState, cmd: AppealCommand, actor: AppealActor, now: number, env: MachineEnv): Decision {
  if (!availableInState(cmd.type, s, now, env, actor)) return err('not_allowed_in_state', '当前状态下不能进行此操作', 'This action is not allowed in the current state');
  if (!hasRole(cmd.type, actor)) return err('forbidden', '您不能对该诉求进行此操作', 'You may not do this to this appeal');
  const by = actor.id;
  const cal = env.calendar;
  const base = { at: now, by };
  const responded = (): AppealEvent[] => (s.respondedAt === null ? [{ ...base, type: 'accepted', onTime: s.responseDueAt === null || now <= s.responseDueAt }] : []);
  switch (cmd.type) {
    case 'accept':
      return { ok: true, events: [{ ...base, type: 'accepted', onTime: s.responseDueAt === null || now <= s.responseDueAt, note: cmd.note }] };
    case 'reject':
      return { ok: true, events: [{ ...base, type: 'rejected', reason: cmd.reason }] };
    case 'merge':
      return { ok: true, events: [{ ...base, type: 'merged', survivorId: cmd.survivorId, note: cmd.note }] };
    case 'dispatch': {
      // Checked first: a second dispatcher racing the first finds it dispatched and gets a state conflict.
      if (s.status === 'dispatched' && !(cmd.unit.level !== 'department' && levelRank(cmd.unit.level) < levelRank(s.unit.level)))
        return err('not_allowed_in_state', '已派发的诉求只能向下转派；向上请用上报', 'A dispatched appeal can only be handed down; use escalate to go up');
      if (sameUnit(cmd.unit, s.unit)) return err('invalid', '已在该单位，无需派发', 'The appeal is already with that unit', 'unit');
      return { ok: true, events: [...responded(), { ...base, type: 'dispatched', from: s.unit, to: cmd.unit, note: cmd.note }] };
    }
    case 'start':
      return { ok: true, events: [...responded(), { ...base, type: 'started', onTime: null, note: cmd.note }] };
    case 'handle': {
      const due = s.resolutionDueAt ?? now;
      return { ok: true, events: [{ ...base, type: 'handled', onTime: now <= due, remaining: cal.workingMsBetween(now, due), note: cmd.note, photoRefs: cmd.photoRefs }] };
    }
    case 'verify': {
      if (cmd.fixed) return { ok: true, events: [{ ...base, type: 'verified', note: cmd.note, photoRefs: cmd.photoRefs }] };
      // The resolution clock was stopped at `handled`; rework restarts it with what was left.
      const resolutionDueAt = cal.addWorkingMs(now, s.stopped?.resolution ?? 0);
      return { ok: true, events: [{ ...base, type: 'rework', reworkCount: s.reworkCount + 1, resolutionDueAt, note: cmd.note, photoRefs: cmd.photoRefs }] };
    }
    case 'close':
      return { ok: true, events: [{ ...base, type: 'closed', satisfaction: cmd.satisfaction, level: s.unit.level, note: cmd.note }] };
    case 'return':
      return { ok: true, events: [{ ...base, type: 'returned', reason: cmd.reason, from: s.unit, to: s.dispatcher! }] };
    case 'escalate': {
      const up = nextRung(s.unit.level)!;
      if (cmd.to.level !== up) return err('invalid', '只能上报到上一级', 'An appeal climbs one rung at a time', 'to');
      let responseDueAt: number | null = null;
      let resolutionDueAt: number | null = null;
      if (cmd.automatic) {
        if (!actor.roles.includes('system')) return err('forbidden', '自动上报只由系统执行', 'Automatic escalation is run by the system');
        if (!isOverdue(s, now, cmd.automatic)) return err('not_allowed_in_state', '时限未到，无需自动上报', 'The clock has not run out');
        // The new rung gets a fresh window on the clock that ran out, so one overdue period climbs one rung.
        const target = slaFor(env.sla, up);
        if (cmd.automatic === 'response') responseDueAt = deadlineAfter(cal, now, target.response);
        else resolutionDueAt = deadlineAfter(cal, now, target.resolution);
      } else if (actor.roles.length === 1 && actor.roles[0] === 'system') {
        return err('invalid', '系统上报必须说明哪个时限超期', 'System escalation must name the clock that ran out', 'automatic');
      }
      return { ok: true, events: [{ ...base, type: 'escalated', reason: cmd.reason, from: s.unit, to: cmd.to, automatic: cmd.automatic ?? null, responseDueAt, resolutionDueAt }] };
    }
    case 'pause': {
      const stopped = {
        response: s.respondedAt === null && s.responseDueAt !== null ? cal.workingMsBetween(now, s.responseDueAt) : null,
        resolution: s.resolutionDueAt !== null ? cal.workingMsBetween(now, s.resolutionDueAt) : null,
      };
      return { ok: true, events: [{ ...base, type: 'paused', reason: cmd.reason, stopped }] };
    }
    case 'resume': {
      const st = s.stopped ?? { response: null, resolution: null };
      return {
        ok: true,
        events: [{ ...base, type: 'resumed', responseDueAt: st.response === null ? null : cal.addWorkingMs(now, st.response), resolutionDueAt: st.resolution === null ? null : cal.addWorkingMs(now, st.resolution), note: cmd.note }],
      };
    }
    case 'request_extension':
      if (!Number.isInteger(cmd.days) || cmd.days < 1 || cmd.days > 60) return err('invalid', '延期天数应为 1–60 个工作日', 'Extension must be 1–60 working days', 'days');
      return { ok: true, events: [{ ...base, type: 'extension_requested', days: cmd.days, reason: cmd.reason }] };
    case 'approve_extension': {
      const ext = s.extension!;
      if (!cmd.approved) return { ok: true, events: [{ ...base, type: 'extension_denied', days: ext.days, note: cmd.note }] };
      const from = s.resolutionDueAt ?? now;
      return { ok: true, events: [{ ...base, type: 'extension_approved', days: ext.days, resolutionDueAt: cal.addWorkingMs(from, durationMs(cal, { amount: ext.days, unit: 'days' })), note: cmd.note }] };
    }
    case 'reopen': {
      const target = slaFor(env.sla, s.unit.level);
      return { ok: true, events: [{ ...base, type: 'reopened', reason: cmd.reason, resolutionDueAt: deadlineAfter(cal, now, target.resolution) }] };
    }
  }
}

/** Folds one event into the state. Total over every event type; never invents a state. */
export function evolve(s: AppealState, e: AppealEvent): AppealState {
  switch (e.type) {
    case 'submitted':
      return { ...s, status: 'submitted', unit: e.unit, submittedAt: e.at, responseDueAt: e.responseDueAt, resolutionDueAt: e.resolutionDueAt };
    case 'accepted':
      return { ...s, status: s.status === 'submitted' ? 'accepted' : s.status, respondedAt: s.respondedAt ?? e.at, respondedOnTime: s.respondedOnTime ?? e.onTime };
    case 'rejected':
      return { ...s, status: 'rejected', reason: e.reason, closedAt: e.at };
    case 'merged':
      return { ...s, status: 'merged', mergedInto: e.survivorId, closedAt: e.at };
    case 'dispatched':
      return { ...s, status: 'dispatched', unit: e.to, dispatcher: e.from, reason: null };
    case 'started':
      return { ...s, status: 'in_progress' };
    case 'handled':
      return { ...s, status: 'handled', handledAt: e.at, handledOnTime: e.onTime, stopped: { response: null, resolution: e.remaining } };
    case 'verified':
      return { ...s, status: 'verified', verifiedAt: e.at };
    case 'rework':
      return { ...s, status: 'in_progress', reworkCount: e.reworkCount, handledAt: null, handledOnTime: null, stopped: null, resolutionDueAt: e.resolutionDueAt };
    case 'closed':
      return { ...s, status: 'closed', closedAt: e.at, satisfaction: e.satisfaction };
    case 'returned':
      return { ...s, status: 'returned', unit: e.to, dispatcher: null, reason: e.reason };
    case 'escalated':
      return {
        ...s,
        status: s.status === 'submitted' ? 'submitted' : 'dispatched',
        unit: e.to,
        dispatcher: null,
        escalationCount: s.escalationCount + 1,
        ceiling: levelRank(e.to.level) > levelRank(s.ceiling) ? e.to.level : s.ceiling,
        responseDueAt: e.responseDueAt ?? s.responseDueAt,
        resolutionDueAt: e.resolutionDueAt ?? s.resolutionDueAt,
      };
    case 'paused':
      return { ...s, pausedAt: e.at, stopped: e.stopped };
    case 'resumed':
      return { ...s, pausedAt: null, stopped: null, responseDueAt: e.responseDueAt ?? s.responseDueAt, resolutionDueAt: e.resolutionDueAt ?? s.resolutionDueAt };
    case 'extension_requested':
      return { ...s, extension: { requestedBy: e.by, days: e.days, reason: e.reason } };
    case 'extension_approved':
      return { ...s, extension: null, extensionDays: s.extensionDays + e.days, resolutionDueAt: e.resolutionDueAt };
    case 'extension_denied':
      return { ...s, extension: null };
    case 'reopened':
      return { ...s, status: 'in_progress', reopenCount: s.reopenCount + 1, closedAt: null, verifiedAt: null, handledAt: null, handledOnTime: null, satisfaction: null, stopped: null, resolutionDueAt: e.resolutionDueAt };
  }
}

/** Is a clock (or either) overdue at `now`? Paused appeals and finished work are never overdue. */
export function isOverdue(s: AppealState, now: number, clock?: 'response' | 'resolution'): boolean {
  if (s.pausedAt !== null || !WORKING_STATUSES.includes(s.status)) return false;
  const response = s.respondedAt === null && s.responseDueAt !== null && now >= s.responseDueAt;
  const resolution = s.resolutionDueAt !== null && now >= s.resolutionDueAt;
  if (clock === 'response') return response;
  if (clock === 'resolution') return resolution;
  return response || resolution;
}

/** Which clock runs out first and when (null: no clock runs). The sweeper's index is on this instant. */
export function nextDeadline(s: AppealState): { clock: 'response' | 'resolution'; at: number } | null {
  if (s.pausedAt !== null || !WORKING_STATUSES.includes(s.status)) return null;
  const r = s.respondedAt === null ? s.responseDueAt : null;
  const z = s.resolutionDueAt;
  if (r !== null && (z === null || r <= z)) return { clock: 'response', at: r };
  if (z !== null) return { clock: 'resolution', at: z };
  return null;
}
