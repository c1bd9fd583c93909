import { and, desc, eq, gte, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { invalidField } from '../../shared/errors.js';
import { decodeCursor, subtreeOf } from '../../shared/paging.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  /** Region subtrees the caller may read (already narrowed to the requested region). */
  scopes: string[];
  /** Also show rows that belong to no region (sign-ins, accounts): only for audit readers at the root. */
  includeUnplaced: boolean;
  entityType?: string;
  entityId?: string;
  personId?: string;
  from?: Date;
  to?: Date;
  actionPrefix?: string;
  cursor?: string;
  limit: number;
}

function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Newest first, keyset on (at, id) descending so rows written in the same millisecond never repeat or vanish. */
export async function listAudit(db: DbOrTx, f: AuditFilter): Promise<AuditRow[]> {
  const placed = subtreeOf(auditLog.regionPath, f.scopes);
  const where: (SQL | undefined)[] = [f.includeUnplaced ? or(placed, isNull(auditLog.regionPath)) : placed];
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.personId) where.push(eq(auditLog.actorPersonId, f.personId));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  if (f.actionPrefix) where.push(like(auditLog.action, prefixPattern(f.actionPrefix)));
  if (f.cursor) {
    const [at, id] = decodeCursor(f.cursor);
    const atDate = typeof at === 'string' ? new Date(at) : new Date(NaN);
    if (Number.isNaN(atDate.getTime())) throw invalidField('/query/cursor', 'invalid');
    where.push(or(lt(auditLog.at, atDate), and(eq(auditLog.at, atDate), sql`${auditLog.id} < ${id}`)));
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(f.limit + 1);
}
