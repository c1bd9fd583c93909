import { uuidv7 } from '../../shared/ids.js';
import { COMMAND_RULES, evolve, type AppealActorRole, type AppealCommandName, type AppealEvent } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../shared/audit.js';
import type { CommandContext } from '../../shared/context.js';
import * as repo from './appeals.repository.js';
import type { AppealRow } from './appeals.repository.js';
import { notify, residentAudience, TEXT, unitPeople, type OutboundNotification } from './appeals.notify.js';
import { columnsOf, getAppealsOptions, stateOf } from './appeals.setup.js';

/** Events the reporter and followers hear about. */
const RESIDENT_VISIBLE = new Set(['accepted', 'rejected', 'merged', 'dispatched', 'started', 'handled', 'rework', 'verified', 'closed', 'escalated', 'paused', 'resumed', 'extension_approved', 'reopened']);
/** Reasons that are meant for the resident (the others stay between staff). */
const PUBLIC_REASON = new Set(['rejected', 'paused', 'reopened']);

export interface Performer {
  personId: string | null;
  name: string | null;
  role: AppealActorRole | 'resident';
}

/** The role the actor acted in: the first of the command's roles the actor holds. */
export function actingRole(command: AppealCommandName, roles: readonly AppealActorRole[]): AppealActorRole {
  return COMMAND_RULES[command].roles.find((r) => roles.includes(r)) ?? roles[0] ?? 'system';
}

function eventData(e: AppealEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (['type', 'at', 'by', 'note', 'photoRefs'].includes(k)) continue;
    out[k] = typeof v === 'number' && /At$/.test(k) ? new Date(v).toISOString() : v;
  }
  return out;
}

/** Closing schedules the "is it fixed?" check; reopening cancels it (the next closing schedules a new one). */
function fixedCheck(events: AppealEvent[]): { fixedCheckDueAt?: Date | null } {
  if (events.some((e) => e.type === 'reopened')) return { fixedCheckDueAt: null };
  const closed = events.find((e) => e.type === 'closed');
  const days = getAppealsOptions().fixedCheckDays;
  if (!closed) return {};
  return { fixedCheckDueAt: days > 0 ? new Date(closed.at + days * 86_400_000) : null };
}

export interface PersistInput {
  events: AppealEvent[];
  performer: Performer;
  internalNote?: string | null;
  command: string;
  /** Extra audit fields (e.g. the survivor of a merge). */
  auditExtra?: Record<string, unknown>;
}

/**
 * Folds the machine's events into the appeal row, appends them to the timeline, writes the audit row and
 * the inbox notices, all in the caller's transaction. Returns the updated row and the notices to send.
 */
export async function persistEvents(tx: DbOrTx, ctx: CommandContext, row: AppealRow, input: PersistInput): Promise<{ row: AppealRow; outbound: OutboundNotification[] }> {
  let state = stateOf(row);
  const seq0 = await repo.lastSeq(tx, row.id);
  const eventRows = input.events.map((e, i) => {
    state = evolve(state, e);
    const last = i === input.events.length - 1;
    const reason = 'reason' in e ? (e.reason as string) : null;
    return {
      id: uuidv7(),
      appealId: row.id,
      seq: seq0 + i + 1,
      type: e.type,
      at: new Date(e.at),
      actorPersonId: input.performer.personId,
      actorName: input.performer.name,
      actorRole: input.performer.role,
      level: state.unit.level,
      unitRegionId: state.unit.regionId,
      publicNote: e.note ?? (reason && PUBLIC_REASON.has(e.type) ? reason : null),
      internalNote: last ? (input.internalNote ?? (reason && !PUBLIC_REASON.has(e.type) ? reason : null)) : null,
      photoRefs: e.photoRefs ?? [],
      data: eventData(e),
      regionPath: row.regionPath,
    };
  });
  const unitChanged = state.unit.regionId !== row.unitRegionId || state.unit.department !== row.department;
  let unitPath = row.unitPath;
  if (unitChanged && state.unit.regionId) unitPath = (await repo.findRegion(tx, state.unit.regionId))?.path ?? row.unitPath;
  await repo.insertEvents(tx, eventRows);
  const updated = await repo.updateAppeal(tx, row.id, { ...columnsOf(state, unitPath), ...fixedCheck(input.events), version: row.version + 1, updatedAt: ctx.now });
  await recordAudit(tx, ctx, {
    action: `appeal.${input.command}`,
    entityType: 'appeal',
    entityId: row.id,
    regionPath: row.regionPath,
    before: { status: row.status, level: row.level, unitRegionId: row.unitRegionId, version: row.version },
    after: { status: updated.status, level: updated.level, unitRegionId: updated.unitRegionId, version: updated.version, events: input.events.map((e) => e.type), ...input.auditExtra },
  });

  const outbound: OutboundNotification[] = [];
  const types = new Set(input.events.map((e) => e.type));
  if (unitChanged || types.has('reopened') || types.has('rework')) {
    const escalated = input.events.find((e) => e.type === 'escalated');
    const kind = escalated ? 'escalated' : 'assigned';
    const text = escalated && escalated.type === 'escalated' ? TEXT.escalated(updated, escalated.reason) : TEXT.assigned(updated);
    outbound.push(...(await notify(tx, updated, kind, await unitPeople(tx, updated, ctx.now), text, ctx.now, input.performer.personId)));
  }
  if (input.events.some((e) => RESIDENT_VISIBLE.has(e.type))) {
    outbound.push(...(await notify(tx, updated, 'update', await residentAudience(tx, updated), TEXT.update(updated), ctx.now, input.performer.personId)));
  }
  return { row: updated, outbound };
}
