import { decide, nearingHorizon, nextRung, type AppealLevel } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import type { CommandContext } from '../../shared/context.js';
import * as repo from './appeals.repository.js';
import type { CategoryRow } from './appeals.repository.js';
import { notify, residentAudience, sendOutbound, TEXT, unitPeople, type OutboundNotification } from './appeals.notify.js';
import { ABANDONED_AFTER_MS } from './appeal-photos.service.js';
import { purgeAbandoned } from './appeal-photos.repository.js';
import { persistEvents } from './appeals.persist.js';
import { unitAt } from './appeals.routing.js';
import { getAppealsOptions, machineEnv, stateOf, workingCalendar } from './appeals.setup.js';

export interface SweepResult {
  escalated: number;
  overdueAtTop: number;
  warned: number;
  /** "Is it fixed?" checks sent (one per closing). */
  fixedChecks: number;
  /** Photo uploads nobody used, removed. */
  photosPurged: number;
}

const SYSTEM = { id: 'system', roles: ['system'] as const };

/**
 * Escalates every appeal whose response or resolution clock has run out one rung up the ladder, with an
 * audited timeline event and notifications. Idempotent at an instant: escalation gives the new rung a fresh
 * window, and at the top of the ladder the deadline is marked swept so it is reported once.
 * Safe with several instances: rows are claimed with FOR UPDATE SKIP LOCKED.
 * Then, each in its own short transaction: nearing-deadline notices (working time), the "is it fixed?" checks,
 * and the purge of photo uploads nobody used.
 */
export async function sweepOverdue(db: Db, now: Date, opts: { batch?: number; log?: { warn: (...a: any[]) => void } } = {}): Promise<SweepResult> {
  const batch = opts.batch ?? 200;
  const ctx: CommandContext = { actor: null, requestId: 'appeals-sweeper', ip: null, now };
  const result: SweepResult = { escalated: 0, overdueAtTop: 0, warned: 0, fixedChecks: 0, photosPurged: 0 };
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
    const warnMinutes = getAppealsOptions().warnWithinMinutes;
    if (warnMinutes > 0) {
      // Working time, not clock time: on Friday evening a Monday 10:00 deadline is only an hour or so away.
      const until = new Date(nearingHorizon(workingCalendar, now.getTime(), warnMinutes));
      for (const row of await repo.lockNearing(tx, now, until, batch)) {
        await repo.updateAppeal(tx, row.id, { warnedDueAt: row.dueAt });
        const left = workingCalendar.workingMsBetween(now.getTime(), row.dueAt.getTime()) / 60_000;
        outbound.push(...(await notify(tx, row, 'nearing_deadline', await unitPeople(tx, row, now), TEXT.nearing(row, left), now)));
        result.warned++;
      }
    }
  });
  result.fixedChecks = await sendFixedChecks(db, ctx, batch, outbound);
  result.photosPurged = await purgeAbandoned(db, new Date(now.getTime() - ABANDONED_AFTER_MS), batch);
  await sendOutbound(db, outbound, opts.log);
  return result;
}

/** Residents hear from us in the daytime (Asia/Shanghai); the check waits for the next sweep after 09:00. */
function daytime(now: Date): boolean {
  const hour = (now.getUTCHours() + 8) % 24;
  return hour >= 9 && hour < 20;
}

/**
 * "Is it fixed?" (FixMyStreet's questionnaire, the 回头看 of DOMAIN.md): some days after closing, the reporter and
 * followers are asked once. The due time is set on closing and cleared when sent, in the same transaction as the
 * notices, so a second sweep (or a second instance, thanks to SKIP LOCKED) finds nothing to send.
 */
async function sendFixedChecks(db: Db, ctx: CommandContext, batch: number, outbound: OutboundNotification[]): Promise<number> {
  if (!daytime(ctx.now)) return 0;
  const reopenDays = getAppealsOptions().reopenWindowDays;
  return db.transaction(async (tx) => {
    let sent = 0;
    for (const row of await repo.lockFixedCheckDue(tx, ctx.now, batch)) {
      await repo.updateAppeal(tx, row.id, { fixedCheckDueAt: null });
      if (row.status !== 'closed' || !row.closedAt) continue;
      const reopenUntil = new Date(row.closedAt.getTime() + reopenDays * 86_400_000);
      const reporters = [row.reporterPersonId, row.onBehalfOfPersonId].filter((p): p is string => Boolean(p));
      const followers = (await residentAudience(tx, row)).filter((p) => !reporters.includes(p));
      outbound.push(...(await notify(tx, row, 'fixed_check', reporters, TEXT.fixedCheck(row, reopenUntil > ctx.now ? reopenUntil : null), ctx.now)));
      outbound.push(...(await notify(tx, row, 'fixed_check', followers, TEXT.fixedCheckFollower(row), ctx.now)));
      await recordAudit(tx, ctx, { action: 'appeal.fixed_check', entityType: 'appeal', entityId: row.id, regionPath: row.regionPath, after: { closedAt: row.closedAt.toISOString(), recipients: reporters.length + followers.length } });
      sent++;
    }
    return sent;
  });
}
