import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { setNotificationSender, sweepOverdue, type OutboundNotification } from './index.js';
import { caller, personOf, regionId, startOnWorkingMorning } from './appeals.fixtures.js';

describe('appeals: nobody responds, the clock runs out and it climbs the ladder', () => {
  let t: TestApp;
  const sent: OutboundNotification[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
    setNotificationSender(t.database.db, { send: async (batch) => void sent.push(...batch) });
  });
  afterAll(async () => t?.close());

  it('escalates once per overdue window with notifications and an audited system event', async () => {
    const resident = caller(t, await t.login('13800000001'));
    const admin = caller(t, await t.login('admin'));
    // 10:00 Shanghai on a working day; hygiene starts at the building with a 2-working-hour response clock.
    const created = await resident.post('/appeals', { categoryCode: 'hygiene', description: '垃圾桶满了三天没人清', regionId: await regionId(t, 'GC-C01-G01-B01') });
    expect(created.json().level).toBe('grid');
    const id = created.json().id;
    const louzhang = await personOf(t, 'louzhang');
    const gridworker = await personOf(t, 'gridworker');
    expect(sent.some((n) => n.kind === 'assigned' && n.recipientPersonId === louzhang)).toBe(true);

    // Not yet due: nothing happens.
    t.clock.advance(60 * 60_000);
    expect((await sweepOverdue(t.database.db, t.clock.now())).escalated).toBe(0);

    // 13:00, past the 12:00 deadline (lunch does not count, but the deadline fell at 12:00).
    t.clock.advance(2 * 60 * 60_000);
    const first = await sweepOverdue(t.database.db, t.clock.now());
    expect(first.escalated).toBe(1);
    const second = await sweepOverdue(t.database.db, t.clock.now());
    expect(second.escalated).toBe(0);

    const detail = (await admin.get(`/appeals/${id}`)).json();
    expect(detail.unit.level).toBe('compound');
    expect(detail.escalationCount).toBe(1);
    expect(detail.overdue).toBe(false);
    const escalations = detail.timeline.filter((e: any) => e.type === 'escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ actor: { role: 'system' }, data: { automatic: 'response' } });
    expect(sent.some((n) => n.kind === 'escalated' && n.recipientPersonId === gridworker)).toBe(true);
    expect(sent.some((n) => n.kind === 'overdue' && n.recipientPersonId === louzhang)).toBe(true);
    const residentInbox = (await resident.get('/me/notifications?unread=true')).json().items;
    expect(residentInbox.some((n: any) => n.kind === 'update' && n.appealId === id)).toBe(true);
    const audit = await t.database.db.execute(`select action from audit_log where entity_id = '${id}' order by at`);
    expect(((audit as any).rows as { action: string }[]).map((r) => r.action)).toContain('appeal.escalate.auto');

    // Still nobody: the compound's 4-hour clock runs out at 17:30 and it climbs to the community.
    t.clock.advance(5 * 60 * 60_000);
    expect((await sweepOverdue(t.database.db, t.clock.now())).escalated).toBe(1);
    expect((await admin.get(`/appeals/${id}`)).json().unit.level).toBe('community');

    // Marking the inbox read works and is scoped to the reader.
    const n = residentInbox[0];
    expect((await resident.post(`/me/notifications/${n.id}/read`)).json().readAt).not.toBeNull();
    expect((await admin.post(`/me/notifications/${n.id}/read`)).statusCode).toBe(404);
  });

  it('does not run the clock while paused waiting for the resident', async () => {
    startOnWorkingMorning(t);
    const resident0 = caller(t, await t.login('13800000001'));
    const lz = caller(t, await t.login('louzhang'));
    const id = (await resident0.post('/appeals', { categoryCode: 'pets', description: '邻居的狗夜里一直叫', regionId: await regionId(t, 'GC-C01-G01-B01') })).json().id;
    expect((await lz.post(`/appeals/${id}/pause`, { reason: '请补充具体楼层' })).json().paused).toBe(true);
    t.clock.advance(10 * 24 * 3600_000);
    await sweepOverdue(t.database.db, t.clock.now());
    const esc = await t.database.db.execute(`select count(*)::int as n from appeal_events where appeal_id = '${id}' and type = 'escalated'`);
    expect((esc as any).rows[0].n).toBe(0);
    // Sessions last 12 hours: sign in again after the long wait.
    const resident = caller(t, await t.login('13800000001'));
    const resumed = await resident.post(`/appeals/${id}/resume`, { note: '是5楼' });
    expect(resumed.json()).toMatchObject({ paused: false, overdue: false });
  });
});
