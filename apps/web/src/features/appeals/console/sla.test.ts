import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSpan, slaView } from './sla';

const base = { responseDueAt: null, overdue: false, paused: false };
const now = Date.parse('2026-03-02T02:00:00Z');

describe('SLA countdown of a queue row', () => {
  it('says which clock runs and how long is left', () => {
    expect(slaView({ ...base, dueAt: '2026-03-02T03:00:00Z', responseDueAt: '2026-03-02T03:00:00Z' }, now)).toEqual({ clock: 'response', leftMs: 3_600_000, tone: 'soon' });
    expect(slaView({ ...base, dueAt: '2026-03-03T02:00:00Z' }, now)).toMatchObject({ clock: 'resolution', tone: 'ok' });
  });

  it('is overdue when the deadline passed or the server says so, and silent when paused or finished', () => {
    expect(slaView({ ...base, dueAt: '2026-03-02T01:00:00Z', overdue: true }, now)).toMatchObject({ leftMs: -3_600_000, tone: 'overdue' });
    // The browser clock is behind the server's: trust the server's flag, show no time left.
    expect(slaView({ ...base, dueAt: '2026-03-02T02:10:00Z', overdue: true }, now)).toMatchObject({ leftMs: 0, tone: 'overdue' });
    expect(slaView({ ...base, dueAt: '2026-03-02T03:00:00Z', paused: true }, now)).toEqual({ clock: null, leftMs: null, tone: 'none' });
    expect(slaView({ ...base, dueAt: null }, now).tone).toBe('none');
  });

  it('formats spans in days, hours and minutes in both languages', () => {
    expect(formatSpan(0, 'zh')).toBe('0分');
    expect(formatSpan(45 * 60_000, 'zh')).toBe('45分');
    expect(formatSpan(3 * 3_600_000 + 12 * 60_000, 'zh')).toBe('3小时12分');
    expect(formatSpan(-(2 * 86_400_000 + 3 * 3_600_000), 'zh')).toBe('2天3小时');
    expect(formatSpan(3 * 3_600_000, 'en')).toBe('3h');
    expect(formatSpan(86_400_000 + 60_000, 'en')).toBe('1d');
  });

  it('never loses the sign: an overdue row is never shown as time left', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.boolean(), (delta, serverOverdue) => {
        const v = slaView({ ...base, dueAt: new Date(now + delta).toISOString(), overdue: serverOverdue }, now);
        if (serverOverdue || delta <= 0) expect(v.tone).toBe('overdue');
        if (v.tone !== 'overdue') expect(v.leftMs!).toBeGreaterThan(0);
        else expect(v.leftMs!).toBeLessThanOrEqual(0);
      }),
    );
  });
});
