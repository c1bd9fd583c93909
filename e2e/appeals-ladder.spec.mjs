// Nobody responds: a resident reports overflowing bins on the phone, nobody at the building acts, and the clock
// runs out. The server runs with CLOCK_CONTROL=true (see run.mjs), so the admin moves its clock past each deadline
// (POST /api/v1/dev/clock, which also runs one sweep): the appeal climbs the ladder one rung at a time — building
// grid → compound → community — with the automatic escalation on its timeline and a notice in the console bell of
// the unit that now holds it. The last journey sets the clock back to the real time for the journeys after these.
// Sessions expire by the server clock too, so every journey signs in afresh after a move.

import { api } from './lib.mjs';

const state = { code: null, id: null };
const DESCRIPTION = '3号楼下的垃圾桶满了三天没人清，味道很大';

/** Moves the server clock one minute past the appeal's current deadline, as the signed-in admin. */
async function runOutTheClock({ page, check }) {
  const appeal = await api(page, 'GET', `/appeals/${state.id}`);
  check(appeal.dueAt, `the appeal has a running deadline, got ${JSON.stringify(appeal.dueAt)}`);
  const { now } = await api(page, 'GET', '/dev/clock');
  const minutes = Math.max(1, Math.ceil((Date.parse(appeal.dueAt) - Date.parse(now)) / 60_000) + 1);
  const moved = await api(page, 'POST', '/dev/clock', { advanceMinutes: minutes });
  check(Date.parse(moved.now) > Date.parse(appeal.dueAt), `the clock is past the deadline ${appeal.dueAt}, now ${moved.now}`);
  return { from: appeal, moved };
}

/** "2天3小时", "3小时12分", "45分": as the console's formatSpan writes a span in Chinese. */
function zhSpan(ms) {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) return `${d}天${h ? `${h}小时` : ''}`;
  if (h > 0) return `${h}小时${m ? `${m}分` : ''}`;
  return `${m}分`;
}

/** The staff page of the appeal: the unit holding it and the automatic escalations on its timeline. */
async function staffView({ page, goto, expectTestId }) {
  await goto(`/console/appeals/${state.id}`);
  await expectTestId('appeal-timeline');
  const unit = (await page.locator('xpath=//th[contains(., "承办单位")]/following-sibling::td[1]').first().innerText()).trim();
  const escalations = await page.getByTestId('event-escalated').allInnerTexts();
  return { unit, escalations };
}

/** Opens the console bell and returns the text of the unread notice about this appeal. */
async function bellNotice({ page, goto, expectTestId }) {
  await goto('/console/appeals');
  await expectTestId('notices-open');
  await page.getByTestId('notices-open').click();
  const item = page.locator('.ant-drawer .ant-list-item').filter({ hasText: state.code }).filter({ hasText: '上报至' });
  await item.first().waitFor();
  // Let the drawer finish sliding in before anyone takes a picture of it.
  await page.locator('.ant-drawer-content-wrapper').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  return item.first().innerText();
}

export default [
  {
    name: 'a resident reports overflowing bins on the phone',
    mobile: true,
    async run({ page, login, goto, check, expectTestId, shot }) {
      await login('resident');
      await goto('/r');
      await page.getByTestId('tile-appeals').click();
      await expectTestId('ra-category');
      await page.getByTestId('category-hygiene').click();
      await expectTestId('ra-describe');
      // "My household" is chosen for me once my places have loaded.
      await page.locator('[data-testid="ra-place-household"][aria-pressed="true"]').waitFor();
      await page.getByTestId('ra-description').fill(DESCRIPTION);
      await page.getByTestId('ra-next').click();
      await expectTestId('ra-confirm');
      await page.getByTestId('ra-submit').click();
      await expectTestId('ra-tracking-code');
      state.code = (await page.getByTestId('ra-tracking-code').innerText()).replace(/\s/g, '');
      check(/^[0-9A-HJKMNP-TV-Z]{10}$/.test(state.code), `a 10-character tracking code, got ${state.code}`);
      const mine = await api(page, 'GET', '/me/appeals?limit=20');
      state.id = mine.items.find((a) => a.trackingCode === state.code)?.id;
      check(state.id, `the report is in my reports: ${state.code}`);
      await shot('1-reported');
    },
  },
  {
    name: 'nobody at the building responds: past the deadline it climbs to the compound',
    async run(ctx) {
      const { page, login, context, check, shot } = ctx;
      await login('admin');
      const before = await staffView(ctx);
      check(before.unit.startsWith('网格'), `it starts with the building's grid, got ${before.unit}`);
      check(before.escalations.length === 0, 'no escalation yet');
      await shot('2-waiting-at-the-grid');
      const { from, moved } = await runOutTheClock(ctx);
      check(from.unit.level === 'grid', `the deadline was the grid's, got ${from.unit.level}`);
      check(moved.sweep && typeof moved.sweep.escalated === 'number', `the move ran a sweep: ${JSON.stringify(moved)}`);
      // The jump may outlast the session: sign in again.
      await context.clearCookies();
      await login('admin');
      const after = await staffView(ctx);
      check(after.unit.startsWith('小区'), `the compound holds it now, got ${after.unit}`);
      check(after.escalations.length === 1, `one escalation on the timeline, got ${after.escalations.length}`);
      check(after.escalations[0].includes('→ 小区') && after.escalations[0].includes('超时自动上报') && after.escalations[0].includes('响应时限已到'), `automatic, to the compound, with its reason: ${after.escalations[0]}`);
      await page.getByTestId('event-escalated').first().scrollIntoViewIfNeeded();
      await shot('3-escalated-to-the-compound');
    },
  },
  {
    name: 'the compound grid worker finds it in the bell',
    async run(ctx) {
      const { page, login, check, shot, expectTestId } = ctx;
      await login('gridworker');
      const text = await bellNotice(ctx);
      check(text.includes('诉求已上报至小区') && text.includes('响应时限已到，自动上报'), `the notice says it came up to the compound and why: ${text}`);
      await shot('4-gridworker-bell');
      await page.locator('.ant-drawer .ant-list-item').filter({ hasText: state.code }).filter({ hasText: '上报至小区' }).first().locator('a').click();
      await expectTestId('appeal-timeline');
      check((await page.getByTestId('appeal-code').innerText()).includes(state.code), 'the notice opens the appeal');
    },
  },
  {
    name: 'still nobody: past the compound deadline it climbs to the community',
    async run(ctx) {
      const { page, login, context, check, shot } = ctx;
      await login('admin');
      const { from } = await runOutTheClock(ctx);
      check(from.unit.level === 'compound', `the deadline was the compound's, got ${from.unit.level}`);
      await context.clearCookies();
      await login('admin');
      const after = await staffView(ctx);
      check(after.unit.startsWith('社区'), `the community holds it now, got ${after.unit}`);
      check(after.escalations.length === 2, `two escalations on the timeline, got ${after.escalations.length}`);
      check(after.escalations.some((e) => e.includes('→ 社区') && e.includes('超时自动上报')), `the second one goes to the community: ${after.escalations.join(' | ')}`);
      await page.getByTestId('event-escalated').first().scrollIntoViewIfNeeded();
      await shot('5-escalated-to-the-community');

      // The queue's countdown runs on the server's clock, now hours or days ahead of this browser's. How far ahead
      // depends on when the journey runs (the deadlines count working hours only): past two response deadlines it
      // is at least three hours, and two are enough for the browser's clock to give another figure even where the
      // countdown shows days and hours only.
      await ctx.goto('/console/appeals');
      const row = page.locator('tr.ant-table-row').filter({ hasText: state.code }).first();
      await row.waitFor();
      const appeal = await api(page, 'GET', `/appeals/${state.id}`);
      const { now } = await api(page, 'GET', '/dev/clock');
      const leftMs = Date.parse(appeal.dueAt) - Date.parse(now);
      check(Date.parse(now) - Date.now() > 2 * 3_600_000 && leftMs > 0, `the server's clock is two hours or more ahead and the new deadline is still ahead of it (${now}, due ${appeal.dueAt})`);
      const shown = (await row.getByTestId('sla-left').innerText()).trim();
      const expected = [-2, -1, 0, 1].map((m) => zhSpan(leftMs + m * 60_000));
      check(expected.some((e) => shown.endsWith(`剩 ${e}`)), `time left by the server's clock, about ${expected[2]}; shown: ${shown}`);
    },
  },
  {
    name: 'the community worker finds it in the bell',
    async run(ctx) {
      const { login, check, shot } = ctx;
      await login('worker');
      const text = await bellNotice(ctx);
      check(text.includes('诉求已上报至社区'), `the notice says it came up to the community: ${text}`);
      await shot('6-community-bell');
    },
  },
  {
    name: 'the resident sees it was raised on the phone',
    mobile: true,
    async run({ page, login, goto, check, expectTestId, shot }) {
      await login('resident');
      await goto(`/r/appeals/track/${state.code}`);
      await expectTestId('ra-timeline');
      const timeline = await page.getByTestId('ra-timeline').innerText();
      check((timeline.match(/上报上一级/g) ?? []).length === 2, `two escalations on the public timeline: ${timeline}`);
      check(!timeline.includes('网格员'), 'staff by role only on the public timeline');
      await shot('7-resident-timeline');
    },
  },
  {
    // Runs even when a journey above failed, so the journeys after these see the real time again.
    name: 'the clock goes back to the real time',
    async run({ page, login, check }) {
      await login('admin');
      const back = await api(page, 'DELETE', '/dev/clock');
      check(back.offsetMinutes === 0, `no offset left, got ${JSON.stringify(back)}`);
    },
  },
];
