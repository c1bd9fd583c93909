import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinaWorkingCalendar } from '../calendar/index.js';
import { allowedCommands, decide, evolve, isOverdue, nextDeadline, openAppeal, type AppealActor, type AppealCommand, type AppealEvent, type AppealState, type MachineEnv } from './machine.js';
import { APPEAL_ACTOR_ROLES, APPEAL_LEVELS, APPEAL_STATUSES, levelRank, nextRung, SATISFACTIONS, type AppealLevel } from './model.js';
import { DEFAULT_SLA, durationMs } from './sla.js';

const env: MachineEnv = { calendar: chinaWorkingCalendar(), reopenWindowDays: 7 };
const T0 = Date.parse('2026-11-20T10:00:00+08:00');
const unit = (level: AppealLevel) => ({ level, regionId: level, department: level === 'department' ? 'fire_safety' : null });
const everyone: AppealActor = { id: 'p1', roles: APPEAL_ACTOR_ROLES.filter((r) => r !== 'system') };
const system: AppealActor = { id: 'system', roles: ['system'] };

function run(s: AppealState, cmd: AppealCommand, actor: AppealActor, now: number) {
  const d = decide(s, cmd, actor, now, env);
  if (!d.ok) throw new Error(`${cmd.type}: ${d.error.code}`);
  return { state: d.events.reduce(evolve, s), events: d.events };
}

// A random step: any command with plausible arguments, by a random subset of roles, some minutes later.
const commandArb: fc.Arbitrary<(s: AppealState) => AppealCommand> = fc.oneof(
  ...(['accept', 'start', 'resume'] as const).map((type) => fc.constant(() => ({ type }) as AppealCommand)),
  fc.constant(() => ({ type: 'reject', reason: 'r' }) as AppealCommand),
  fc.constant(() => ({ type: 'merge', survivorId: 'x' }) as AppealCommand),
  fc.constantFrom(...APPEAL_LEVELS).map((l) => () => ({ type: 'dispatch', unit: unit(l) }) as AppealCommand),
  fc.constant(() => ({ type: 'handle', note: 'done' }) as AppealCommand),
  fc.boolean().map((fixed) => () => ({ type: 'verify', fixed }) as AppealCommand),
  fc.constantFrom(...SATISFACTIONS).map((satisfaction) => () => ({ type: 'close', satisfaction }) as AppealCommand),
  fc.constant(() => ({ type: 'return', reason: 'not ours' }) as AppealCommand),
  fc.constantFrom<('response' | 'resolution' | undefined)>(undefined, 'response', 'resolution').map(
    (automatic) => (s: AppealState) => ({ type: 'escalate', reason: 'slow', to: unit(nextRung(s.unit.level) ?? 'department'), automatic }) as AppealCommand,
  ),
  fc.constant(() => ({ type: 'pause', reason: 'waiting' }) as AppealCommand),
  fc.integer({ min: 1, max: 5 }).map((days) => () => ({ type: 'request_extension', days, reason: 'parts' }) as AppealCommand),
  fc.boolean().map((approved) => () => ({ type: 'approve_extension', approved }) as AppealCommand),
  fc.constant(() => ({ type: 'reopen', reason: 'again' }) as AppealCommand),
);
const stepArb = fc.record({
  cmd: commandArb,
  actor: fc.oneof(fc.constant(system), fc.subarray([...APPEAL_ACTOR_ROLES.filter((r) => r !== 'system')], { minLength: 1 }).chain((roles) => fc.constantFrom('p1', 'p2').map((id) => ({ id, roles })))),
  minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
});

function replay(steps: { cmd: (s: AppealState) => AppealCommand; actor: AppealActor; minutes: number }[], start: AppealLevel = 'grid') {
  let now = T0;
  const opened = openAppeal(unit(start), 'reporter', now, env);
  let s = opened.state;
  const events: AppealEvent[] = [opened.event];
  const states: AppealState[] = [s];
  for (const step of steps) {
    now += step.minutes * 60_000;
    const d = decide(s, step.cmd(s), step.actor, now, env);
    if (!d.ok) continue;
    for (const e of d.events) {
      s = evolve(s, e);
      events.push(e);
    }
    states.push(s);
  }
  return { s, events, states, now };
}

describe('appeal state machine', () => {
  it('walks the fire-exit journey with a rework', () => {
    let { state: s } = { state: openAppeal(unit('subdistrict'), 'res', T0, env).state };
    s = run(s, { type: 'accept' }, everyone, T0 + 60_000).state;
    s = run(s, { type: 'dispatch', unit: unit('community') }, everyone, T0 + 120_000).state;
    s = run(s, { type: 'dispatch', unit: unit('compound') }, everyone, T0 + 180_000).state;
    expect(s.dispatcher?.level).toBe('community');
    s = run(s, { type: 'start' }, everyone, T0 + 240_000).state;
    s = run(s, { type: 'handle', note: 'cleared' }, everyone, T0 + 300_000).state;
    s = run(s, { type: 'verify', fixed: false }, everyone, T0 + 360_000).state;
    expect(s.status).toBe('in_progress');
    expect(s.reworkCount).toBe(1);
    s = run(s, { type: 'handle', note: 'cleared again' }, everyone, T0 + 420_000).state;
    s = run(s, { type: 'verify', fixed: true }, everyone, T0 + 480_000).state;
    s = run(s, { type: 'close', satisfaction: 'satisfied' }, everyone, T0 + 540_000).state;
    expect(s.status).toBe('closed');
    expect(s.unit.level).toBe('compound');
  });

  it('refuses a command outside its state and a role that may not issue it', () => {
    const s = openAppeal(unit('grid'), 'res', T0, env).state;
    const a = decide(s, { type: 'handle', note: 'x' }, everyone, T0, env);
    expect(!a.ok && a.error.code).toBe('not_allowed_in_state');
    const b = decide(s, { type: 'accept' }, { id: 'r', roles: ['reporter'] }, T0, env);
    expect(!b.ok && b.error.code).toBe('forbidden');
    expect(allowedCommands(s, { id: 'r', roles: ['reporter'] }, T0, env)).toEqual([]);
    expect(allowedCommands(s, everyone, T0, env)).toContain('accept');
  });

  it('escalates automatically only when a clock has run out, and once per window', () => {
    const s = openAppeal(unit('grid'), 'res', T0, env).state;
    const early = decide(s, { type: 'escalate', reason: 'auto', to: unit('compound'), automatic: 'response' }, system, T0 + 60_000, env);
    expect(early.ok).toBe(false);
    const late = s.responseDueAt!;
    const { state } = run(s, { type: 'escalate', reason: 'auto', to: unit('compound'), automatic: 'response' }, system, late);
    expect(state.unit.level).toBe('compound');
    expect(isOverdue(state, late)).toBe(false);
    expect(decide(state, { type: 'escalate', reason: 'auto', to: unit('community'), automatic: 'response' }, system, late, env).ok).toBe(false);
  });

  it('never reaches an undefined state, whatever the command sequence', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), fc.constantFrom(...APPEAL_LEVELS), (steps, start) => {
        const { states } = replay(steps, start);
        return states.every((s) => APPEAL_STATUSES.includes(s.status) && APPEAL_LEVELS.includes(s.unit.level) && (s.pausedAt === null || s.stopped !== null));
      }),
    );
  });

  it('closes only after handling and verification, and counts rework as the number of "not fixed"', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const { states, events } = replay(steps);
        for (let i = 0; i < events.length; i++) {
          if (events[i].type === 'closed') {
            const prior = events.slice(0, i).map((e) => e.type);
            const lastHandled = prior.lastIndexOf('handled');
            const lastVerified = prior.lastIndexOf('verified');
            const lastRework = prior.lastIndexOf('rework');
            if (!(lastHandled >= 0 && lastVerified > lastHandled && lastRework < lastHandled)) return false;
          }
        }
        const final = states[states.length - 1];
        if (final.status === 'closed' && (final.handledAt === null || final.verifiedAt === null)) return false;
        return final.reworkCount === events.filter((e) => e.type === 'rework').length;
      }),
    );
  });

  it('only climbs the ladder by escalation', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const { events, states } = replay(steps);
        const climbs = events.filter((e) => e.type === 'escalated').every((e) => e.type === 'escalated' && levelRank(e.to.level) === levelRank(e.from.level) + 1);
        const ceilings = states.map((s) => levelRank(s.ceiling));
        return climbs && ceilings.every((c, i) => i === 0 || c >= ceilings[i - 1]);
      }),
    );
  });

  it('stops the SLA clock while paused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 20000 }), (before, pausedFor) => {
        const { state: s0 } = { state: openAppeal(unit('community'), 'res', T0, env).state };
        const pauseAt = T0 + before * 60_000;
        const resumeAt = pauseAt + pausedFor * 60_000;
        const paused = run(s0, { type: 'pause', reason: 'waiting for photos' }, everyone, pauseAt).state;
        if (isOverdue(paused, resumeAt + 10 * 86_400_000) || nextDeadline(paused) !== null) return false;
        const resumed = run(paused, { type: 'resume' }, everyone, resumeAt).state;
        const target = durationMs(env.calendar, DEFAULT_SLA.community.resolution);
        const counted = env.calendar.workingMsBetween(T0, resumed.resolutionDueAt!, [[pauseAt, resumeAt]]);
        // Paused after the deadline: the clock was already at zero and stays there.
        return pauseAt >= s0.resolutionDueAt! ? resumed.resolutionDueAt === resumeAt : counted === target;
      }),
    );
  });

  it('keeps the extension approver different from the requester and moves the deadline', () => {
    let s = openAppeal(unit('community'), 'res', T0, env).state;
    s = run(s, { type: 'start' }, everyone, T0).state;
    s = run(s, { type: 'request_extension', days: 3, reason: 'parts' }, everyone, T0).state;
    expect(allowedCommands(s, everyone, T0, env)).not.toContain('approve_extension');
    const before = s.resolutionDueAt!;
    s = run(s, { type: 'approve_extension', approved: true }, { id: 'p2', roles: ['supervisor'] }, T0).state;
    expect(env.calendar.workingMsBetween(before, s.resolutionDueAt!)).toBe(3 * env.calendar.dayMs);
  });

  it('reopens only within the window after closing', () => {
    let s = openAppeal(unit('grid'), 'res', T0, env).state;
    for (const c of [{ type: 'start' }, { type: 'handle', note: 'x' }, { type: 'verify', fixed: true }, { type: 'close', satisfaction: 'dissatisfied' }] as AppealCommand[]) s = run(s, c, everyone, T0).state;
    expect(allowedCommands(s, everyone, T0 + 6 * 86_400_000, env)).toContain('reopen');
    expect(allowedCommands(s, everyone, T0 + 8 * 86_400_000, env)).not.toContain('reopen');
    expect(run(s, { type: 'reopen', reason: 'back again' }, everyone, T0 + 86_400_000).state.status).toBe('in_progress');
  });
});
