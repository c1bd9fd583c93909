import { uuidv7 } from '../../shared/ids.js';
import { chinaWorkingCalendar, DEFAULT_CATEGORIES, nextDeadline, type AppealState, type CategoryQuestion, type MachineEnv, type SlaTable } from '@shuren/core';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import type { AppealRow, CategoryRow } from './appeals.repository.js';
import { insertCategories } from './appeals.repository.js';

/**
 * Module settings, from the validated server config (`APPEALS_*` variables, see docs/operations.md).
 * sweepSeconds: how often the sweeper runs (0 = never; tests call it directly).
 * reopenWindowDays: calendar days after closing in which the reporter may reopen.
 * warnWithinMinutes: working minutes before a deadline when the "nearing deadline" notice goes out.
 * fixedCheckDays: calendar days after closing when the reporter and followers are asked "is it fixed?" (0 = never).
 */
export interface AppealsOptions {
  sweepSeconds: number;
  reopenWindowDays: number;
  warnWithinMinutes: number;
  fixedCheckDays: number;
}

export function appealsOptions(config: Pick<Config, 'appealsSweepSeconds' | 'appealsReopenDays' | 'appealsWarnMinutes' | 'appealsFixedCheckDays'>): AppealsOptions {
  return { sweepSeconds: config.appealsSweepSeconds, reopenWindowDays: config.appealsReopenDays, warnWithinMinutes: config.appealsWarnMinutes, fixedCheckDays: config.appealsFixedCheckDays };
}

let options: AppealsOptions = { sweepSeconds: 0, reopenWindowDays: 14, warnWithinMinutes: 120, fixedCheckDays: 7 };
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
