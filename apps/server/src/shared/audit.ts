import { uuidv7 } from 'uuidv7';
import { auditLog } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import type { CommandContext } from './context.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: Dates become ISO strings, secrets are dropped. */
function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (k, v) => (k === 'passwordHash' || k === 'codeHash' ? undefined : v)),
  );
}

/** Writes the audit row in the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: DbOrTx, ctx: CommandContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, entry));
}

export function auditRow(ctx: CommandContext, entry: AuditEntry) {
  return {
    id: uuidv7(),
    at: ctx.now,
    actorAccountId: ctx.actor?.accountId ?? null,
    actorPersonId: ctx.actor?.personId ?? null,
    actorName: ctx.actor?.name ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    regionPath: entry.regionPath ?? null,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}
