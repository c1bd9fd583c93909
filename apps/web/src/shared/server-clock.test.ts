import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteServerTime, serverNow } from './server-clock';
import { shanghaiToday } from './i18n';

describe('the server clock as the device sees it', () => {
  afterEach(() => vi.useRealTimers());

  it('follows the server when the device clock is wrong, from the midpoint of the request', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-03-01T08:00:00Z')); // the desk PC is 10 minutes slow
    const server = Date.parse('2026-03-01T08:10:00Z');
    // Sent at 08:00:00.000 local, answered at 08:00:00.400 local; the server stamped 08:10:00.200.
    noteServerTime(String(server + 200), Date.now(), Date.now() + 400);
    expect(serverNow()).toBe(server);
    vi.advanceTimersByTime(60_000);
    expect(serverNow()).toBe(server + 60_000);
  });

  it('ignores an answer without a usable time and keeps the last offset', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-03-01T08:00:00Z'));
    noteServerTime(String(Date.parse('2026-03-01T07:00:00Z')), Date.now(), Date.now());
    const before = serverNow();
    for (const bad of [null, '', 'soon', '-5', 'NaN']) noteServerTime(bad, Date.now(), Date.now());
    expect(serverNow()).toBe(before);
    expect(before).toBe(Date.parse('2026-03-01T07:00:00Z'));
  });

  it('gives “today” on the Shanghai calendar by the server’s clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-03-01T15:30:00Z')); // 23:30 in Shanghai by the device
    noteServerTime(String(Date.parse('2026-03-01T16:30:00Z')), Date.now(), Date.now()); // 00:30 the next day by the server
    expect(shanghaiToday()).toBe('2026-03-02');
  });
});
