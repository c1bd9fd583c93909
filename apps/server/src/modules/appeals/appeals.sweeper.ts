import { decide, nextRung, type AppealLevel } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import type { CommandContext } from '../../shared/context.js';
import * as repo from './appeals.repository.js';
import type { CategoryRow } from './appeals.repository.js';
import { notify, sendOutbound, TEXT, unitPeople, type OutboundNotification } from './appeals.notify.js';
import { persistEvents } from './appeals.persist.js';
import { unitAt } from './appeals.routing.js';
import { getAppealsOptions, machineEnv, stateOf } from './appeals.setup.js';

export interface SweepResult {
  escalated: number;
  overdueAtTop: number;
  warned: number;
}

const SYSTEM = { id: 'system', roles: ['system'] as const };

/**
 * Escalates every appeal whose response or resolution clock has run out one rung up the ladder, with an
 * audited timeline event and notifications. Idempotent at an instant: escalation gives the new rung a fresh
 * window, and at the top of the ladder the deadline is marked swept so it is reported once.
 * Safe with several instances: rows are claimed with FOR UPDATE SKIP LOCKED.
 */
export async function sweepOverdue(db: Db, now: Date, opts: { batch?: number; log?: { warn: (...a: any[]) => void } } = {}): Promise<SweepResult> {
  const batch = opts.batch ?? 200;
  const ctx: CommandContext = { actor: null, requestId: 'appeals-sweeper', ip: null, now };
  const result: SweepResult = { escalated: 0, overdueAtTop: 0, warned: 0 };
  const outbound: OutboundNotification[] = [];
  await db.transaction(async (tx) => {
    const categories = new Map<string, CategoryRow>();
    const categoryOf = async (id: string) => {
      if (!categories.has(id)) categories.set(id, (await repo.findCategoryById(tx, id))!);
      return categories.get(id)!;
    };
    for (const row of await repo.lockOverdue(tx, now, batch)) {
      const category = await categoryOf(row.categoryId);
      const clock = (row.dueClock ?? 'resolution') as 'response' | 'resolution';
      const up = nextRung(row.level as AppealLevel);
      const target = up ? unitAt({ chain: await repo.regionsOnPath(tx, row.regionPath) }, up, row.department ?? category.department ?? 'urban_management') : null;
      const reason = clock === 'response' ? '响应时限已到，自动上报' : '办理时限已到，自动上报';
      const decision = target ? decide(stateOf(row), { type: 'escalate', reason, to: target.unit, automatic: clock }, SYSTEM, now.getTime(), machineEnv(category)) : null;
      if (decision?.ok) {
        // The unit that let the clock run out hears about it too.
        outbound.push(...(await notify(tx, row, 'overdue', await unitPeople(tx, row, now), TEXT.overdue(row), now)));
        const persisted = await persistEvents(tx, ctx, row, { events: decision.events, performer: { personId: null, name: null, role: 'system' }, command: 'escalate.auto', auditExtra: { clock } });
        outbound.push(...persisted.outbound);
        result.escalated++;
      } else {
        // Top of the ladder (or nowhere to go): report it once per deadline.
        await repo.updateAppeal(tx, row.id, { sweptDueAt: row.dueAt });
        await recordAudit(tx, ctx, { action: 'appeal.overdue', entityType: 'appeal', entityId: row.id, regionPath: row.regionPath, after: { clock, dueAt: row.dueAt.toISOString(), level: row.level } });
        outbound.push(...(await notify(tx, row, 'overdue', await unitPeople(tx, row, now), TEXT.overdue(row), now)));
        result.overdueAtTop++;
      }
    }
    const warnMs = getAppealsOptions().warnWithinMinutes * 60_000;
    if (warnMs > 0) {
      for (const row of await repo.lockNearing(tx, now, new Date(now.getTime() + warnMs), batch)) {
        await repo.updateAppeal(tx, row.id, { warnedDueAt: row.dueAt });
        outbound.push(...(await notify(tx, row, 'nearing_deadline', await unitPeople(tx, row, now), TEXT.nearing(row), now)));
        result.warned++;
      }
    }
  });
  await sendOutbound(db, outbound, opts.log);
  return result;
}
