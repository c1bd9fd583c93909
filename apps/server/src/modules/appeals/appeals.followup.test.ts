import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { setNotificationSender, sweepOverdue, type OutboundNotification } from './index.js';
import { caller, personOf, regionId, startOnWorkingMorning } from './appeals.fixtures.js';
import { workingCalendar } from './appeals.setup.js';

const DAY = 86_400_000;
const dayAfter = (day: string, n = 1) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

describe('appeals follow-up: "is it fixed?" after closing, deadline warnings in working time', () => {
  let t: TestApp;
  const sent: OutboundNotification[] = [];
  let b1: string;
  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
    setNotificationSender(t.database.db, { send: async (batch) => void sent.push(...batch) });
    b1 = await regionId(t, 'GC-C01-G01-B01');
  });
  afterAll(async () => t?.close());

  const inboxOf = async (login: string, appealId: string, kind: string) =>
    (await caller(t, await t.login(login)).get('/me/notifications?limit=200')).json().items.filter((n: any) => n.appealId === appealId && n.kind === kind);

  it('asks the reporter and followers once, 7 days after closing, in the daytime', async () => {
    const resident = caller(t, await t.login('13800000001'));
    const louzhang = caller(t, await t.login('louzhang'));
    const id = (await resident.post('/appeals', { categoryCode: 'hygiene', description: '楼下垃圾站异味严重', regionId: b1 })).json().id;
    expect((await caller(t, await t.login('gridworker')).post(`/appeals/${id}/follow`)).json().following).toBe(true);
    await louzhang.post(`/appeals/${id}/start`);
    expect((await louzhang.post(`/appeals/${id}/handle`, { note: '已清洗垃圾站' })).statusCode).toBe(200);
    await resident.post(`/appeals/${id}/verify`, { fixed: true });
    expect((await resident.post(`/appeals/${id}/close`, { satisfaction: 'satisfied' })).json().status).toBe('closed');
    const closedAt = t.clock.now().getTime();

    // Six days later: not yet.
    t.clock.current = new Date(closedAt + 6 * DAY);
    expect((await sweepOverdue(t.database.db, t.clock.now())).fixedChecks).toBe(0);
    // Due at day 7, but it is 23:00 in Shanghai by then: residents are not woken up; it waits for the morning.
    const day7 = new Date(closedAt + 7 * DAY + 8 * 3600_000).toISOString().slice(0, 10);
    t.clock.current = new Date(`${day7}T23:00:00+08:00`);
    expect((await sweepOverdue(t.database.db, t.clock.now())).fixedChecks).toBe(0);
    t.clock.current = new Date(`${dayAfter(day7)}T09:05:00+08:00`);
    expect((await sweepOverdue(t.database.db, t.clock.now())).fixedChecks).toBe(1);
    // Idempotent: another sweep (or another instance) sends nothing more.
    expect((await sweepOverdue(t.database.db, t.clock.now())).fixedChecks).toBe(0);

    const reporterNotes = await inboxOf('13800000001', id, 'fixed_check');
    expect(reporterNotes).toHaveLength(1);
    // The reopen window (14 days by default) is still open, so the reporter is told they can reopen it.
    expect(reporterNotes[0].body).toContain('申请重新办理');
    const followerNotes = await inboxOf('gridworker', id, 'fixed_check');
    expect(followerNotes).toHaveLength(1);
    expect(followerNotes[0].body).toContain('重新反映');
    expect(sent.filter((n) => n.appealId === id && n.kind === 'fixed_check').map((n) => n.recipientPersonId).sort()).toEqual([await personOf(t, '13800000001'), await personOf(t, 'gridworker')].sort());
    const audit = await t.database.db.execute(`select count(*)::int as n from audit_log where entity_id = '${id}' and action = 'appeal.fixed_check'`);
    expect((audit as any).rows[0].n).toBe(1);

    // Reopened after the check and closed again: a new closing gets its own check; a reopened one gets none.
    const again = caller(t, await t.login('13800000001'));
    expect((await again.post(`/appeals/${id}/reopen`, { reason: '异味又出现了' })).json().status).toBe('in_progress');
    t.clock.advance(8 * DAY);
    expect((await sweepOverdue(t.database.db, t.clock.now())).fixedChecks).toBe(0);
  });

  it('warns of a nearing deadline by working time: on Friday evening for a Monday-morning deadline', async () => {
    // The next Friday that is a working day, followed by a normal weekend and a working Monday.
    let day = dayAfter(new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10));
    while (!(new Date(`${day}T00:00:00Z`).getUTCDay() === 5 && workingCalendar.isWorkday(day) && !workingCalendar.isWorkday(dayAfter(day)) && !workingCalendar.isWorkday(dayAfter(day, 2)) && workingCalendar.isWorkday(dayAfter(day, 3)))) day = dayAfter(day);
    t.clock.current = new Date(`${day}T17:00:00+08:00`);
    const resident = caller(t, await t.login('13800000001'));
    const admin = caller(t, await t.login('admin'));
    const id = (await resident.post('/appeals', { categoryCode: 'hygiene', description: '电梯间有积水', regionId: b1 })).json().id;
    // Two working hours to respond: one this Friday, one on Monday morning; 65 clock hours away.
    const due = (await admin.get(`/appeals/${id}`)).json().responseDueAt;
    expect(due).toBe(new Date(`${dayAfter(day, 3)}T10:00:00+08:00`).toISOString());

    const first = await sweepOverdue(t.database.db, t.clock.now());
    expect(first.escalated).toBe(0);
    const warnings = sent.filter((n) => n.appealId === id && n.kind === 'nearing_deadline');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0].body).toContain('剩余工作时间约 2 小时');
    expect(warnings[0].body).toContain('10:00');
    await sweepOverdue(t.database.db, t.clock.now());
    expect(sent.filter((n) => n.appealId === id && n.kind === 'nearing_deadline')).toHaveLength(warnings.length);
  });
});
