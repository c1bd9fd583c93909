import type { FastifyReply } from 'fastify';
import { shanghaiClock } from '@shuren/core';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import type { CommandContext } from '../../shared/context.js';
import { AppError } from '../../shared/errors.js';
import { shanghaiDay } from '../../shared/time.js';
import { EXPORT_MAX_ROWS, sendWorkbook, type XlsxColumn } from '../../shared/xlsx.js';
import { presentAudit } from './audit.presenter.js';
import { listAudit, type AuditFilter } from './audit.repository.js';

/** Excel refuses cells longer than 32 767 characters. */
const CELL_MAX = 32_000;

function json(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = JSON.stringify(value);
  return s.length > CELL_MAX ? `${s.slice(0, CELL_MAX)}…` : s;
}

/** 2026-11-20 10:00:00 in Asia/Shanghai (UTC+8 all year). */
function shanghaiTime(iso: string): string {
  return shanghaiClock(Date.parse(iso)).slice(0, 19).replace('T', ' ');
}

type Entry = ReturnType<typeof presentAudit>;
const COLUMNS: XlsxColumn<Entry>[] = [
  { header: '时间 (北京时间)', width: 20, value: (e) => shanghaiTime(e.at) },
  { header: '操作人', value: (e) => e.actor?.name ?? '' },
  { header: '操作人编号', width: 38, value: (e) => e.actor?.id ?? '' },
  { header: '操作', width: 24, value: (e) => e.action },
  { header: '对象类型', value: (e) => e.entity.type },
  { header: '对象编号', width: 38, value: (e) => e.entity.id },
  { header: '变更前', width: 50, value: (e) => json(e.before) },
  { header: '变更后', width: 50, value: (e) => json(e.after) },
  { header: '请求编号', width: 38, value: (e) => e.requestId },
];

/** Exports the visible part of the trail; the export itself is audited (who took a copy of what). */
export async function exportAudit(db: Db, ctx: CommandContext, reply: FastifyReply, filter: Omit<AuditFilter, 'limit' | 'cursor'>) {
  const rows = await listAudit(db, { ...filter, limit: EXPORT_MAX_ROWS });
  if (rows.length > EXPORT_MAX_ROWS) {
    throw new AppError('unprocessable', { detail: { zh: `超过 ${EXPORT_MAX_ROWS} 条记录，请缩小时间或区域范围`, en: `More than ${EXPORT_MAX_ROWS} rows; narrow the time window or region` } });
  }
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'audit.export',
      entityType: 'audit_log',
      entityId: 'export',
      regionPath: filter.scopes.length === 1 && !filter.includeUnplaced ? filter.scopes[0] : null,
      after: { rows: rows.length, filter: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() } },
    });
  });
  const day = shanghaiDay(ctx.now);
  return sendWorkbook(reply, `审计日志-${day}.xlsx`, '审计日志', COLUMNS, rows.map(presentAudit));
}
