import { nextReceptionSessions, ROLE_LABELS, type ReceptionSchedule, type ReceptionSlot, type Role } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { slotActions } from './reception.policy.js';
import type { SlotView } from './reception.repository.js';

const FALLBACK_LABEL = { zh: '楼长', en: 'Building head' };

export function presentSlot(s: SlotView, cancelled: { slotId: string; date: string; reason: string }[], actor: Actor): ReceptionSlot {
  return {
    id: s.id,
    regionId: s.regionId,
    regionName: s.regionName,
    kind: s.kind as ReceptionSlot['kind'],
    weekday: s.weekday,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    place: s.place,
    holder: { personId: s.holderPersonId, name: s.holderName, roleLabel: s.holderRole ? ROLE_LABELS[s.holderRole as Role] : FALLBACK_LABEL },
    status: s.endedAt ? 'ended' : 'active',
    endedAt: s.endedAt?.toISOString() ?? null,
    endReason: s.endReason,
    cancelledSessions: cancelled.filter((c) => c.slotId === s.id).map((c) => ({ date: c.date, reason: c.reason })),
    createdAt: s.createdAt.toISOString(),
    allowedActions: slotActions(actor, s),
  };
}

/** Slots and the next `count` sessions of the active ones (cancelled dates left out). */
export function presentSchedule(slots: SlotView[], cancelled: { slotId: string; date: string; reason: string }[], actor: Actor, now: Date, count = 4): ReceptionSchedule {
  const active = slots.filter((s) => s.endedAt === null);
  const byId = new Map(active.map((s) => [s.id, s]));
  const sessions = nextReceptionSessions(
    active.map((s) => ({ id: s.id, kind: s.kind as 'weekly' | 'once', weekday: s.weekday, date: s.date, startTime: s.startTime, endTime: s.endTime })),
    cancelled,
    now.getTime(),
    count,
  );
  return {
    slots: slots.map((s) => presentSlot(s, cancelled, actor)),
    upcoming: sessions.map((x) => {
      const s = byId.get(x.slotId)!;
      return { ...x, place: s.place, regionId: s.regionId, regionName: s.regionName, holderName: s.holderName };
    }),
  };
}
