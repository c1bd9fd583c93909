import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { uuidv7 } from './ids.js';
import { auditLog } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { signalChange } from './change-signals.js';
import type { CommandContext } from './context.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'codeHash']);

/** A flat record of texts, numbers, yes/no and nulls: already JSON-safe, copied without a JSON round trip. */
function isFlatRecord(value: object): value is Record<string, string | number | boolean | null> {
  // An own `__proto__` key (say, from a resident's answers) would set the copy's prototype: left to the round trip.
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.hasOwn(value, '__proto__')) return false;
  for (const v of Object.values(value)) {
    const t = typeof v;
    if (!(v === null || t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(v)))) return false;
  }
  return true;
}

/** JSON-safe copy: Dates become ISO strings, secrets are dropped. */
export function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // Most audit entries are flat (intake writes one per report): the JSON round trip cost ≈ 10 µs for the same result.
  if (typeof value === 'object' && isFlatRecord(value)) {
    const copy: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEYS.has(k)) copy[k] = v;
    return copy;
  }
  return JSON.parse(
    JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) ? undefined : v)),
  );
}

/** Writes the audit row in the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: DbOrTx, ctx: CommandContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, entry));
}

export function auditRow(ctx: CommandContext, entry: AuditEntry) {
  signalChange(entry.entityType);
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

/**
 * Inserts one row and its audit row in ONE statement (a data-modifying CTE: `with r as (insert …) insert into
 * audit_log …`). A single statement is atomic on its own, so this replaces BEGIN, two INSERTs and COMMIT — four
 * round trips — with one, for hot create commands whose whole change is that insert (see docs/benchmarks.md).
 * The caller builds the complete row (id from uuidv7, timestamps from ctx.now), so nothing needs returning.
 * Constraint violations surface as usual (code and constraint name on the error's cause).
 * Works on PostgreSQL and PGlite, with the outer db or inside a transaction.
 */
export async function insertWithAudit<T extends PgTable>(db: DbOrTx, ctx: CommandContext, table: T, row: T['$inferInsert'], entry: AuditEntry): Promise<void> {
  const insertRow = db.insert(table).values(row as any);
  const insertAudit = db.insert(auditLog).values(auditRow(ctx, entry));
  // getSQL(): embedded as SQL, not as a sub-query (which drizzle would wrap in parentheses).
  await db.execute(sql`with inserted_row as (${insertRow.getSQL()}) ${insertAudit.getSQL()}`);
}
