import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoWeekday, shanghaiInstant } from '../calendar/shanghai.js';
import { nextReceptionSessions, type SessionCancellation, type SessionSlot } from './next-sessions.js';

const time = fc.record({ h: fc.integer({ min: 0, max: 22 }), m: fc.integer({ min: 0, max: 59 }), len: fc.integer({ min: 1, max: 120 }) }).map(({ h, m, len }) => {
  const start = h * 60 + m;
  const end = Math.min(start + len, 23 * 60 + 59);
  const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return { startTime: hhmm(start), endTime: hhmm(end) };
});
const day = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z') / 86_400_000, max: Date.parse('2027-12-31T00:00:00Z') / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const slot = fc.tuple(fc.uuid(), fc.boolean(), fc.integer({ min: 1, max: 7 }), day, time).map(([id, weekly, weekday, date, t]): SessionSlot =>
  weekly ? { id, kind: 'weekly', weekday, date: null, ...t } : { id, kind: 'once', weekday: null, date, ...t },
);
const now = fc.integer({ min: Date.parse('2025-06-01T00:00:00Z') / 60_000, max: Date.parse('2027-06-01T00:00:00Z') / 60_000 }).map((m) => m * 60_000);

describe('next reception sessions', () => {
  it('lists weekly sessions on the weekday, Shanghai time, skipping a cancelled week', () => {
    // Wednesday 2026-03-04 12:00 Shanghai; slot every Thursday 09:00–11:00.
    const s: SessionSlot = { id: 'a', kind: 'weekly', weekday: 4, date: null, startTime: '09:00', endTime: '11:00' };
    const got = nextReceptionSessions([s], [{ slotId: 'a', date: '2026-03-12' }], Date.parse('2026-03-04T12:00:00+08:00'));
    expect(got.map((x) => x.date)).toEqual(['2026-03-05', '2026-03-19', '2026-03-26', '2026-04-02']);
    expect(got[0]!.startsAt).toBe('2026-03-05T01:00:00.000Z');
  });

  it('keeps a session under way and drops one that has finished today', () => {
    const s: SessionSlot = { id: 'a', kind: 'weekly', weekday: 3, date: null, startTime: '09:00', endTime: '11:00' };
    expect(nextReceptionSessions([s], [], Date.parse('2026-03-04T10:00:00+08:00'), 1)[0]!.date).toBe('2026-03-04');
    expect(nextReceptionSessions([s], [], Date.parse('2026-03-04T11:00:00+08:00'), 1)[0]!.date).toBe('2026-03-11');
  });

  it('every session is on its slot’s weekday (or date), not over, sorted, not cancelled, at most count', () => {
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 6 }), fc.array(fc.tuple(fc.nat(5), day), { maxLength: 10 }), now, fc.integer({ min: 0, max: 8 }), (slots, cancelPicks, t, count) => {
        // Cancel some real upcoming dates too, so cancellations actually hit.
        const cancelled: SessionCancellation[] = cancelPicks.filter(([i]) => i < slots.length).map(([i, d]) => ({ slotId: slots[i]!.id, date: d }));
        for (const s of nextReceptionSessions(slots, [], t, 2)) cancelled.push({ slotId: s.slotId, date: s.date });
        const got = nextReceptionSessions(slots, cancelled, t, count);
        expect(got.length).toBeLessThanOrEqual(count);
        const byId = new Map(slots.map((s) => [s.id, s]));
        for (const g of got) {
          const s = byId.get(g.slotId)!;
          if (s.kind === 'weekly') expect(isoWeekday(g.date)).toBe(s.weekday);
          else expect(g.date).toBe(s.date);
          expect(g.weekday).toBe(isoWeekday(g.date));
          expect(Date.parse(g.endsAt)).toBeGreaterThan(t);
          expect(Date.parse(g.startsAt)).toBe(shanghaiInstant(g.date, s.startTime));
          expect(cancelled.some((c) => c.slotId === g.slotId && c.date === g.date)).toBe(false);
        }
        for (let i = 1; i < got.length; i++) expect(got[i - 1]!.startsAt <= got[i]!.startsAt).toBe(true);
        // With at least one weekly slot, the horizon always yields enough sessions.
        if (slots.some((s) => s.kind === 'weekly') && cancelled.length < 20) expect(got.length).toBe(count);
      }),
    );
  });
});
