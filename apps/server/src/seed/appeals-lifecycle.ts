/**
 * One generated appeal's life, driven through the real workflow machine (`decide` + `evolve` from core), so
 * the stored state, the query columns and the timeline always agree: the generator never invents a state.
 * Steps are planned with realistic delays; a step whose time lies after `now` does not happen, which is what
 * leaves recent appeals open (submitted, dispatched, in progress…) and old ones finished.
 */
import { decide, evolve, nextRung, openAppeal, type AppealActor, type AppealCommand, type AppealEvent, type AppealLevel, type AppealSource, type AppealState, type AppealUnit, type MachineEnv, type Satisfaction } from '@shuren/core';
import { unitAt } from '../modules/appeals/appeals.routing.js';
import type { Rng } from './prng.js';

export interface GenRegion {
  id: string;
  parentId: string | null;
  level: string;
  path: string;
}

export interface GenCategory {
  id: string;
  code: string;
  defaultLevel: AppealLevel;
  department: string | null;
  env: MachineEnv;
}

/** A timeline row before it gets its ids (the writer adds them). */
export interface GenEvent {
  type: string;
  at: number;
  actorPersonId: string | null;
  actorRole: string;
  level: string;
  unitRegionId: string | null;
  publicNote: string | null;
  internalNote: string | null;
  data: Record<string, unknown>;
}

const HOUR = 3_600_000;
const STAFF_ROLES = ['dispatcher', 'handler', 'supervisor', 'inspector'] as const;
/** Reasons residents read on the public timeline; the others stay internal (same split as the service). */
const PUBLIC_REASON = new Set(['rejected', 'paused', 'reopened']);

const HANDLE_NOTES = ['已现场处理完毕', '已联系物业清理', '已协调双方达成一致', '已安排维修', '已劝导整改并复查'];
const REJECT_REASONS = ['不属于受理范围，已告知居民咨询渠道', '信息不全且联系不上反映人'];

function eventData(e: AppealEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (['type', 'at', 'by', 'note', 'photoRefs'].includes(k)) continue;
    out[k] = typeof v === 'number' && /At$/.test(k) ? new Date(v).toISOString() : v;
  }
  return out;
}

/** The machine's roles for the person acting in a step (the acting role is the first one the command accepts). */
const ROLE_FOR: Record<string, string> = {
  accept: 'dispatcher', reject: 'dispatcher', merge: 'dispatcher', dispatch: 'dispatcher', start: 'handler', handle: 'handler',
  verify: 'reporter', close: 'reporter', escalate: 'handler', pause: 'handler', resume: 'reporter',
};

export interface LifeInput {
  chain: GenRegion[];
  category: GenCategory;
  submittedAt: number;
  now: number;
  reporterPersonId: string | null;
  source: AppealSource;
  onBehalfOfPersonId: string | null;
  /** Who acts for a unit (a staff member assigned at or above the node). */
  staffAt: (regionId: string | null) => string | null;
  /** When set, this report is a duplicate of that (open) appeal and is merged into it. */
  survivorId: string | null;
}

export interface Life {
  state: AppealState;
  unitPath: string;
  events: GenEvent[];
  mergedInto: string | null;
}

/** Working-hours-ish delay: most responses come within hours, some take days, a few never (the clock runs out). */
function delay(rng: Rng, typicalHours: number, tailDays: number): number {
  const r = rng.next();
  if (r < 0.8) return Math.round((0.1 + rng.next() * typicalHours) * HOUR);
  return Math.round((typicalHours + rng.next() * tailDays * 24) * HOUR);
}

export function planLife(rng: Rng, input: LifeInput): Life {
  const { chain, category, now } = input;
  const env = category.env;
  const pathOf = new Map(chain.map((r) => [r.id, r.path]));
  const start = unitAt({ chain: chain as any }, category.defaultLevel, category.department ?? 'urban_management') ?? {
    unit: { level: 'community' as AppealLevel, regionId: chain[chain.length - 1].id, department: null },
    path: chain[chain.length - 1].path,
  };
  const opened = openAppeal(start.unit, input.reporterPersonId ?? 'reporter', input.submittedAt, env);
  let state = opened.state;
  const sub = opened.event as Extract<AppealEvent, { type: 'submitted' }>;
  const events: GenEvent[] = [
    {
      type: 'submitted', at: input.submittedAt, actorPersonId: input.reporterPersonId, actorRole: 'reporter', level: start.unit.level, unitRegionId: start.unit.regionId,
      publicNote: null, internalNote: null, data: { source: input.source, unit: start.unit, onBehalfOfPersonId: input.onBehalfOfPersonId, responseDueAt: new Date(sub.responseDueAt).toISOString() },
    },
  ];
  let t = input.submittedAt;
  let stopped = false;
  let mergedInto: string | null = null;

  /** Applies one command at `t + wait` if that is not in the future; returns false once the life stops. */
  const step = (wait: number, cmd: AppealCommand): boolean => {
    if (stopped) return false;
    const at = t + wait;
    if (at > now) {
      stopped = true;
      return false;
    }
    const role = ROLE_FOR[cmd.type] ?? 'handler';
    const byReporter = role === 'reporter';
    const personId = byReporter ? input.reporterPersonId : input.staffAt(state.unit.regionId);
    const actor: AppealActor = byReporter ? { id: personId ?? 'reporter', roles: ['reporter'] } : { id: personId ?? 'staff', roles: STAFF_ROLES };
    const d = decide(state, cmd, actor, at, env);
    if (!d.ok) throw new Error(`generated step ${cmd.type} refused in ${state.status}: ${d.error.message.en}`);
    t = at;
    d.events.forEach((e, i) => {
      state = evolve(state, e);
      const last = i === d.events.length - 1;
      const reason = 'reason' in e ? (e.reason as string) : null;
      events.push({
        type: e.type, at: e.at, actorPersonId: personId, actorRole: byReporter ? 'reporter' : role, level: state.unit.level, unitRegionId: state.unit.regionId,
        publicNote: e.note ?? (reason && PUBLIC_REASON.has(e.type) ? reason : null),
        internalNote: last && reason && !PUBLIC_REASON.has(e.type) ? reason : null,
        data: eventData(e),
      });
    });
    return true;
  };
  const unitOn = (level: AppealLevel): AppealUnit | null => unitAt({ chain: chain as any }, level, category.department ?? 'urban_management')?.unit ?? null;

  const fate = rng.next();
  const respond = delay(rng, 3, 2);
  if (input.survivorId) {
    if (step(respond, { type: 'merge', survivorId: input.survivorId, note: '与已有诉求为同一事项' })) mergedInto = input.survivorId;
  } else if (fate < 0.04) {
    step(respond, { type: 'reject', reason: rng.pick(REJECT_REASONS) });
  } else {
    // Response: the operations centre and communities dispatch down; lower units accept and get going.
    const level = state.unit.level;
    let responded: boolean;
    if (level === 'subdistrict') {
      const toDept = category.department !== null && rng.chance(0.4);
      const to = toDept ? { level: 'department' as AppealLevel, regionId: state.unit.regionId, department: category.department } : unitOn('community');
      responded = to ? step(respond, { type: 'dispatch', unit: to }) : step(respond, { type: 'accept' });
    } else if (level === 'community' && rng.chance(0.3) && unitOn('compound')) {
      responded = step(respond, { type: 'dispatch', unit: unitOn('compound')! });
    } else {
      responded = step(respond, { type: 'accept' });
    }
    // Now and then a unit hands it up the ladder with a reason (beyond its powers).
    if (responded && rng.chance(0.05) && nextRung(state.unit.level)) {
      const up = unitOn(nextRung(state.unit.level)!);
      if (up) step(delay(rng, 6, 1), { type: 'escalate', reason: '超出本级处置能力，上报协调', to: up });
    }
    step(delay(rng, 4, 1), { type: 'start' });
    if (rng.chance(0.03)) {
      step(delay(rng, 4, 1), { type: 'pause', reason: '等待居民补充情况' });
      step(delay(rng, 24, 3), { type: 'resume', note: '已补充' });
    }
    step(delay(rng, 20, 6), { type: 'handle', note: rng.pick(HANDLE_NOTES) });
    if (rng.chance(0.07)) {
      step(delay(rng, 12, 2), { type: 'verify', fixed: false, note: '问题仍未解决' });
      step(delay(rng, 20, 3), { type: 'handle', note: rng.pick(HANDLE_NOTES) });
    }
    step(delay(rng, 18, 3), { type: 'verify', fixed: true });
    const r = rng.next();
    const satisfaction: Satisfaction = r < 0.78 ? 'satisfied' : r < 0.93 ? 'basically_satisfied' : 'dissatisfied';
    step(delay(rng, 12, 2), { type: 'close', satisfaction });
  }
  const unitPath = (state.unit.regionId && pathOf.get(state.unit.regionId)) || start.path;
  return { state, unitPath, events, mergedInto };
}

/**
 * A life planned on a stand-in place (`@L0` subdistrict … `@L3` building: the index on the place's chain) with
 * stand-in people (`@A:R` the reporter, `@A:S<k>` the staff member acting for chain node k), serialised once.
 * Many appeals at different places of the same shape share one planned life: the machine never looks at region
 * or person ids, so swapping the real ones in (`fillLife`) keeps state and timeline exactly consistent, and a
 * million appeals cost a few tens of thousands of machine runs.
 */
export interface LifeTemplate {
  submittedAt: number;
  status: string;
  /** The query columns without the unit (JSON array fragment, placeholders filled per appeal). */
  columns: string;
  unitIndex: number;
  state: string;
  events: string;
  eventCount: number;
  lastAt: number;
  closedAt: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function lifeTemplate(rng: Rng, levels: string[], category: GenCategory, submittedAt: number, now: number, survivorId: string | null, columnsOf: (s: AppealState) => Record<string, any>): LifeTemplate {
  const chain: GenRegion[] = levels.map((level, i) => ({ id: `@L${i}`, parentId: i ? `@L${i - 1}` : null, level, path: '' }));
  const life = planLife(rng, {
    chain, category, submittedAt, now, reporterPersonId: '@A:R', source: '@SRC' as AppealSource, onBehalfOfPersonId: '@OBO', survivorId,
    staffAt: (regionId) => (regionId ? `@A:S${regionId.slice(2)}` : null),
  });
  const s = life.state;
  const c = columnsOf(s);
  const unitIndex = s.unit.regionId ? Number(s.unit.regionId.slice(2)) : levels.length - 1;
  const lastAt = life.events[life.events.length - 1].at;
  const columns = JSON.stringify([
    c.status, c.level, c.department, iso(c.respondedAt?.getTime() ?? null), c.respondedOnTime, iso(c.responseDueAt?.getTime() ?? null), iso(c.resolutionDueAt?.getTime() ?? null),
    iso(c.dueAt.getTime()), c.dueClock, iso(c.pausedAt?.getTime() ?? null), iso(c.handledAt?.getTime() ?? null), c.handledOnTime, iso(c.closedAt?.getTime() ?? null),
    c.closedLevel, c.satisfaction, c.reworkCount, c.escalationCount, c.mergedIntoId, iso(lastAt),
  ]).slice(1, -1);
  const events = JSON.stringify(
    life.events.map((e, i) => ['@E', i + 1, e.type, iso(e.at), e.actorPersonId, e.actorRole, e.level, e.unitRegionId, e.publicNote, e.internalNote, e.data]),
  );
  return { submittedAt, status: s.status, columns, unitIndex, state: JSON.stringify(s), events, eventCount: life.events.length, lastAt, closedAt: s.closedAt };
}

/** Fills a template's stand-ins: `"@L<k>"` region ids, `"@A:…"` people, `"@E"` event ids, `"@SRC"`, `"@OBO"`. */
export function fillLife(text: string, fill: (token: string) => string | null): string {
  return text.replace(/"@(L\d|A:R|A:S\d|E|SRC|OBO)"/g, (_, token: string) => JSON.stringify(fill(token)));
}
