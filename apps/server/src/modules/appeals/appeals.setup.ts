import { uuidv7 } from 'uuidv7';
import { chinaWorkingCalendar, DEFAULT_CATEGORIES, nextDeadline, type AppealState, type CategoryQuestion, type MachineEnv, type SlaTable } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import type { AppealRow, CategoryRow } from './appeals.repository.js';
import { insertCategories } from './appeals.repository.js';

/**
 * Module settings, read once when the module registers (fail fast on a bad value).
 * APPEALS_SWEEP_SECONDS: how often the overdue sweeper runs (0 = never; tests call it directly).
 * APPEALS_REOPEN_DAYS: calendar days after closing in which the reporter may reopen.
 * APPEALS_WARN_MINUTES: how long before a deadline the "nearing deadline" notice goes out.
 */
export interface AppealsOptions {
  sweepSeconds: number;
  reopenWindowDays: number;
  warnWithinMinutes: number;
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}

export function appealsOptions(env: NodeJS.ProcessEnv, nodeEnv: string): AppealsOptions {
  return {
    sweepSeconds: nodeEnv === 'test' ? 0 : intVar(env, 'APPEALS_SWEEP_SECONDS', 60, 0, 86_400),
    reopenWindowDays: intVar(env, 'APPEALS_REOPEN_DAYS', 7, 0, 365),
    warnWithinMinutes: intVar(env, 'APPEALS_WARN_MINUTES', 120, 0, 7 * 24 * 60),
  };
}

let options: AppealsOptions = appealsOptions({}, 'test');
export function setAppealsOptions(o: AppealsOptions) {
  options = o;
}
export function getAppealsOptions(): AppealsOptions {
  return options;
}

/** One working calendar per process; an admin's new holiday year is added with `workingCalendar.addYear`. */
export const workingCalendar = chinaWorkingCalendar();

export function machineEnv(category: Pick<CategoryRow, 'sla'>): MachineEnv {
  return { calendar: workingCalendar, sla: category.sla as SlaTable, reopenWindowDays: options.reopenWindowDays };
}

/** Seeds the category tree once; existing codes are left as an admin edited them. Safe with several instances. */
export async function ensureDefaultCategories(db: DbOrTx): Promise<void> {
  await insertCategories(
    db,
    DEFAULT_CATEGORIES.map((c) => ({
      id: uuidv7(),
      code: c.code,
      parentCode: c.parentCode,
      nameZh: c.name.zh,
      nameEn: c.name.en,
      defaultLevel: c.defaultLevel,
      department: c.department ?? null,
      sla: c.sla ?? {},
      questions: c.questions ?? [],
      mediation: c.mediation,
      sortOrder: c.sortOrder,
    })),
  );
}

export function questionsOf(category: CategoryRow): CategoryQuestion[] {
  return (category.questions as CategoryQuestion[]) ?? [];
}

/** No clock runs: sorts after every real deadline in the queue and never matches the sweeper. */
export const NO_DEADLINE = new Date('9999-12-31T00:00:00Z');

export function stateOf(row: Pick<AppealRow, 'state'>): AppealState {
  return row.state as AppealState;
}

const d = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The query columns copied from the machine state. */
export function columnsOf(s: AppealState, unitPath: string) {
  const next = nextDeadline(s);
  return {
    state: s,
    status: s.status,
    level: s.unit.level,
    unitRegionId: s.unit.regionId,
    unitPath,
    department: s.unit.department,
    respondedAt: d(s.respondedAt),
    respondedOnTime: s.respondedOnTime,
    responseDueAt: s.respondedAt === null ? d(s.responseDueAt) : null,
    resolutionDueAt: d(s.resolutionDueAt),
    dueAt: next ? new Date(next.at) : NO_DEADLINE,
    dueClock: next?.clock ?? null,
    pausedAt: d(s.pausedAt),
    handledAt: d(s.handledAt),
    handledOnTime: s.handledOnTime,
    closedAt: s.status === 'closed' ? d(s.closedAt) : null,
    closedLevel: s.status === 'closed' ? s.unit.level : null,
    satisfaction: s.satisfaction,
    reworkCount: s.reworkCount,
    escalationCount: s.escalationCount,
    mergedIntoId: s.mergedInto,
  };
}
