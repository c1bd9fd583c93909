import { uuidv7 } from '../../shared/ids.js';
import type { FastifyBaseLogger } from 'fastify';
import { APPEAL_LEVEL_LABELS, APPEAL_STATUS_LABELS, shanghaiClock, type AppealLevel, type AppealStatus } from '@shuren/core';
import type { Db, DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { shanghaiDay } from '../../shared/time.js';
import * as repo from './appeals.repository.js';
import type { AppealRow } from './appeals.repository.js';

export const NOTIFICATION_KINDS = ['assigned', 'nearing_deadline', 'overdue', 'escalated', 'update', 'fixed_check'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface OutboundNotification {
  recipientPersonId: string;
  kind: NotificationKind;
  appealId: string;
  trackingCode: string;
  title: string;
  body: string;
}

/** Sends copies of inbox notices outside the app (SMS, WeChat, email, webhook). Called after commit. */
export interface NotificationSender {
  send(batch: OutboundNotification[]): Promise<void>;
}

export function consoleNotificationSender(log: Pick<FastifyBaseLogger, 'info'>): NotificationSender {
  return {
    async send(batch) {
      for (const n of batch) log.info({ to: n.recipientPersonId, kind: n.kind, appeal: n.trackingCode }, `notify: ${n.title}`);
    },
  };
}

// One sender per database handle, so a test (or the Open311/email module) can swap it without app-level wiring.
const senders = new WeakMap<object, NotificationSender>();
export function setNotificationSender(db: Db, sender: NotificationSender): void {
  senders.set(db, sender);
}

/** Best effort: the inbox row is the record; an outbound failure is logged, never undoes the command. */
export async function sendOutbound(db: Db, batch: OutboundNotification[], log?: Pick<FastifyBaseLogger, 'warn'>): Promise<void> {
  const sender = senders.get(db);
  if (!sender || batch.length === 0) return;
  try {
    await sender.send(batch);
  } catch (err) {
    log?.warn({ err }, 'outbound notification failed');
  }
}

export const STAFF_ROLES = ['subdistrict_admin', 'subdistrict_staff', 'community_staff', 'committee_member', 'grid_worker', 'building_head', 'lane_head', 'street_head'];

/** People who act for the unit holding the appeal: those assigned at the node, else the nearest node above with someone. */
export async function unitPeople(tx: DbOrTx, row: Pick<AppealRow, 'unitPath'>, now: Date): Promise<string[]> {
  const ids = row.unitPath.split('/').filter(Boolean).reverse();
  const day = shanghaiDay(now);
  for (const id of ids) {
    const found = await repo.assigneesAt(tx, id, STAFF_ROLES, day);
    if (found.length) return found;
  }
  return [];
}

/** Reporter, the resident reported for, and followers. */
export async function residentAudience(tx: DbOrTx, row: AppealRow): Promise<string[]> {
  const ids = new Set<string>(await repo.followerIds(tx, row.id));
  if (row.reporterPersonId) ids.add(row.reporterPersonId);
  if (row.onBehalfOfPersonId) ids.add(row.onBehalfOfPersonId);
  return [...ids];
}

export function describe(row: Pick<AppealRow, 'trackingCode' | 'title' | 'description'>): string {
  return row.title ?? row.description.slice(0, 40);
}

/** "11月24日 10:30" in Asia/Shanghai, as a resident or a worker reads a time. */
export function shanghaiMinute(at: Date): string {
  const l = shanghaiClock(at.getTime());
  return `${Number(l.slice(5, 7))}月${Number(l.slice(8, 10))}日 ${l.slice(11, 16)}`;
}

export const TEXT = {
  assigned: (row: AppealRow) => ({ title: `新诉求待处理：${describe(row)}`, body: `编号 ${row.trackingCode}，当前在${APPEAL_LEVEL_LABELS[row.level as AppealLevel].zh}。` }),
  escalated: (row: AppealRow, reason: string) => ({ title: `诉求已上报至${APPEAL_LEVEL_LABELS[row.level as AppealLevel].zh}：${describe(row)}`, body: `编号 ${row.trackingCode}。原因：${reason}` }),
  overdue: (row: AppealRow) => ({ title: `诉求已超时：${describe(row)}`, body: `编号 ${row.trackingCode} 已超过办理时限，请尽快处理。` }),
  nearing: (row: AppealRow, workingMinutesLeft: number) => ({
    title: `诉求即将超时：${describe(row)}`,
    body: `编号 ${row.trackingCode} 将于 ${shanghaiMinute(row.dueAt)} 到期，剩余工作时间约 ${workingMinutesLeft >= 90 ? `${Math.round(workingMinutesLeft / 30) / 2} 小时` : `${Math.max(1, Math.round(workingMinutesLeft))} 分钟`}。`,
  }),
  /** To the reporter: they may still reopen it themselves while the window lasts. */
  fixedCheck: (row: AppealRow, reopenUntil: Date | null) => ({
    title: `您反映的问题解决了吗？${describe(row)}`,
    body:
      `编号 ${row.trackingCode} 已于 ${shanghaiMinute(row.closedAt ?? row.updatedAt)} 办结。` +
      (reopenUntil ? `如果问题还在或又出现了，请在 ${shanghaiMinute(reopenUntil)} 前打开诉求页面，申请重新办理。` : '如果问题还在或又出现了，请重新反映，并注明原编号。'),
  }),
  /** To followers: only the reporter reopens, so they report again if it is back. */
  fixedCheckFollower: (row: AppealRow) => ({
    title: `您关注的问题解决了吗？${describe(row)}`,
    body: `编号 ${row.trackingCode} 已于 ${shanghaiMinute(row.closedAt ?? row.updatedAt)} 办结。如果问题还在或又出现了，请重新反映，并注明原编号。`,
  }),
  update: (row: AppealRow) => ({ title: `您关注的诉求有新进展：${describe(row)}`, body: `编号 ${row.trackingCode}，当前状态：${APPEAL_STATUS_LABELS[row.status as AppealStatus].zh}。` }),
};

/** Writes inbox rows in the caller's transaction and returns the copies to send after commit. */
export async function notify(tx: DbOrTx, row: AppealRow, kind: NotificationKind, recipients: string[], text: { title: string; body: string }, now: Date, exceptPersonId?: string | null): Promise<OutboundNotification[]> {
  const to = [...new Set(recipients)].filter((p) => p !== exceptPersonId);
  if (to.length === 0) return [];
  await tx.insert(notifications).values(
    to.map((recipientPersonId) => ({ id: uuidv7(), recipientPersonId, kind, appealId: row.id, trackingCode: row.trackingCode, title: text.title, body: text.body, regionPath: row.regionPath, createdAt: now })),
  );
  return to.map((recipientPersonId) => ({ recipientPersonId, kind, appealId: row.id, trackingCode: row.trackingCode, ...text }));
}
