import { isCnMobile, maskIdNumber, maskPhone, type AuditEntry } from '@shuren/core';
import type { AuditRow } from './audit.repository.js';

const PHONE_KEYS = new Set(['phone', 'login', 'headPhone']);
const ID_KEYS = new Set(['idNumber', 'id_number']);

/**
 * Snapshots keep what the record held, phone and ID numbers included. The audit view shows them masked:
 * reading the trail is not a reveal (revealing goes through the person record, and is itself audited).
 */
export function maskSnapshot(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskSnapshot(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && PHONE_KEYS.has(k) && (k !== 'login' || isCnMobile(v))) out[k] = maskPhone(v);
    else if (typeof v === 'string' && ID_KEYS.has(k)) out[k] = maskIdNumber(v);
    else out[k] = maskSnapshot(v, depth + 1);
  }
  return out;
}

export function presentAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorPersonId || row.actorName ? { id: row.actorPersonId, name: row.actorName } : null,
    action: row.action,
    entity: { type: row.entityType, id: row.entityId },
    before: maskSnapshot(row.before ?? null),
    after: maskSnapshot(row.after ?? null),
    requestId: row.requestId,
  };
}
