/* global document -- the page.evaluate callbacks run in the browser */
// A blocked fire exit, as in real life: a resident reports it on the phone → the operations centre dispatches
// it to the community → the community worker hands it to the compound → the grid worker handles it → the
// resident says "not fixed" → rework → handled again → the resident confirms and rates it → the dashboard moves.
// The journeys run in order on one server and pass the tracking code along.

import { checkPhoneErgonomics, photo, snap } from './phone.mjs';

const state = { code: null, rootId: null, before: null };

const DESCRIPTION = '1栋楼梯间消防通道被杂物和电动车堵住了，晚上很危险';

/** The figures the dashboard shows for the subdistrict, read from the page (cards and the 接诉即办 panel). */
async function dashboardFigures({ page, goto, expectTestId }) {
  await goto(`/dashboard/${state.rootId}`);
  await expectTestId('figure-appeals.total');
  await expectTestId('appeals-panel');
  const num = async (key) => {
    const text = await page.getByTestId(`figure-${key}`).innerText();
    const m = text.replace(/,/g, '').match(/(-?\d+(?:\.\d+)?)\s*$/);
    return m ? Number(m[1]) : NaN;
  };
  const out = {};
  for (const key of ['appeals.total', 'appeals.satisfaction_rate', 'appeals.rework_rate', 'appeals.closed_by_level', 'appeals.settled_in_community']) out[key] = await num(key);
  out.satisfactionRing = await page.getByTestId('rate-appeals.satisfaction_rate').innerText();
  return out;
}

async function modalOk(page) {
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
}

/** A row of the console queue by tracking code, waiting for it to appear. */
async function row(page, code) {
  const r = page.getByTestId(`appeal-row-${code}`);
  await r.waitFor();
  return r;
}

export default [
  {
    name: 'admin notes the dashboard figures before',
    async run(ctx) {
      const { login, adminApi, check } = ctx;
      state.rootId = (await adminApi('/regions?level=subdistrict&limit=1')).items[0].id;
      await login('admin');
      state.before = await dashboardFigures(ctx);
      check(Number.isFinite(state.before['appeals.total']), `the dashboard shows the appeals total, got ${JSON.stringify(state.before)}`);
      await snap(ctx, '1-dashboard-before');
    },
  },
  {
    name: 'resident reports a blocked fire exit on the phone',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId, expectText } = ctx;
      await login('resident');
      await goto('/r');
      await page.getByTestId('tile-appeals').click();
      // Screen 1: category by big pictures; 安全隐患 opens its kinds.
      await expectTestId('ra-category');
      await expectText('第 1 步');
      await axe();
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '2-category');
      await page.getByTestId('category-safety_hazard').click();
      await expectTestId('category-blocked_fire_exit');
      await snap(ctx, '3-category-safety');
      await page.getByTestId('category-blocked_fire_exit').click();

      // Screen 2: describe; "my household" is already chosen; the photo slot says it is not open yet.
      await expectTestId('ra-describe');
      await expectTestId('ra-place-household');
      check((await page.getByTestId('ra-place-household').getAttribute('aria-pressed')) === 'true', 'my household is chosen with no extra tap');
      await expectTestId('ra-photo-slot');
      // Nothing typed yet: the next step says what is missing instead of sending.
      await page.getByTestId('ra-next').click();
      await expectTestId('ra-missing');
      await page.getByTestId('ra-description').fill(DESCRIPTION);
      await page.getByTestId('ra-location').fill('1楼和2楼楼梯口');
      // A photo of the blocked stairwell, uploaded at once; its thumbnail comes back from the server.
      await page.getByTestId('ra-photo-input').setInputFiles(await photo('stairwell.jpg', '#c0392b'));
      await page.getByTestId('ra-photo-thumb').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="ra-photo-thumb"]')].every((i) => i.complete && i.naturalWidth > 0));
      await axe();
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '4-describe');
      await page.getByTestId('ra-next').click();

      // Screen 3: read it back and send; the tracking code comes back large.
      await expectTestId('ra-confirm');
      check((await page.getByTestId('ra-confirm-category').innerText()).includes('消防通道堵塞'), 'the confirmation names the category');
      await axe();
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '5-confirm');
      await page.getByTestId('ra-submit').click();
      await expectTestId('ra-tracking-code');
      state.code = (await page.getByTestId('ra-tracking-code').innerText()).replace(/\s/g, '');
      check(/^[0-9A-HJKMNP-TV-Z]{10}$/.test(state.code), `a 10-character tracking code, got ${state.code}`);
      await axe();
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '6-tracking-code');

      // The public timeline of the new report, reached from "my reports".
      await goto('/r/appeals');
      await expectTestId('ra-mine-item');
      check((await page.getByTestId('ra-mine-item').first().innerText()).includes('消防通道') || (await page.getByTestId('ra-mine-item').first().innerText()).includes('楼梯间'), 'my reports lists it');
      await page.getByTestId('ra-mine-item').first().locator('a').click();
      await expectTestId('ra-timeline');
      check((await page.getByTestId('ra-status').innerText()).includes('待受理'), 'it waits to be accepted');
      await snap(ctx, '7-my-report');
    },
  },
  {
    name: 'the operations centre dispatches it to the community',
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId } = ctx;
      await login('admin');
      await goto('/console/appeals/dispatch');
      await expectTestId('dispatch-page');
      const r = await row(page, state.code);
      check((await r.innerText()).includes('社区'), 'the suggested unit is the community (one rung down, by place)');
      await axe();
      await snap(ctx, '8-operations-centre');
      await r.locator('input[type="checkbox"]').check();
      await page.getByTestId('bulk-dispatch').click();
      await page.locator('.ant-modal').waitFor();
      await snap(ctx, '9-bulk-dispatch');
      await modalOk(page);
      await r.waitFor({ state: 'detached' });
      // The workbench's area view shows it with the community now.
      await goto(`/console/appeals?view=area`);
      const moved = await row(page, state.code);
      check((await moved.innerText()).includes('已派单'), `dispatched, got: ${await moved.innerText()}`);
      await snap(ctx, '10-dispatched');
    },
  },
  {
    name: 'the community worker hands it to the compound',
    async run(ctx) {
      const { page, login, goto, check, expectTestId } = ctx;
      await login('worker');
      await goto('/console/appeals');
      const r = await row(page, state.code);
      check(/(响应|办结)(剩|超期)/.test(await r.innerText()), `the queue shows the SLA countdown, got: ${await r.innerText()}`);
      await snap(ctx, '11-community-queue');
      await r.getByTestId('action-dispatch').click();
      await page.locator('.ant-modal').waitFor();
      check((await page.locator('.ant-modal').innerText()).includes('建议：小区'), 'the compound is suggested');
      await page.getByTestId('action-internal-note').fill('请小区网格员今天到现场清理');
      await snap(ctx, '12-hand-to-compound');
      await modalOk(page);
      // The compound sits inside the community: it stays in the worker's queue, now with the compound.
      await page.getByTestId(`appeal-row-${state.code}`).filter({ hasText: '小区' }).waitFor();
      await (await row(page, state.code)).getByTestId('appeal-link').click();
      await expectTestId('event-dispatched');
      check((await page.getByTestId('appeal-timeline').innerText()).includes('请小区网格员今天到现场清理'), 'staff see internal notes in the full timeline');
      await snap(ctx, '13-staff-timeline');
    },
  },
  {
    name: 'the grid worker handles it',
    async run(ctx) {
      const { page, login, goto, check } = ctx;
      await login('gridworker');
      await goto('/console/appeals');
      let r = await row(page, state.code);
      await r.getByTestId('action-start').click();
      await modalOk(page);
      r = await row(page, state.code);
      await r.getByTestId('action-handle').first().waitFor();
      await r.getByTestId('action-handle').click();
      await page.getByTestId('action-note').waitFor();
      // The public note is required for handling.
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      await page.getByTestId('action-note').fill('已清理楼梯间杂物，电动车已移走');
      await page.getByTestId('action-photo-input').setInputFiles(await photo('after.jpg', '#27ae60'));
      await page.locator('.ant-modal .ant-image img').first().waitFor();
      await snap(ctx, '14-handle');
      await modalOk(page);
      await goto(`/console/appeals?view=area&finished=1`);
      check((await (await row(page, state.code)).innerText()).includes('已处置待核查'), 'handled, awaiting verification');
    },
  },
  {
    name: 'the resident says it is not fixed',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId } = ctx;
      await login('resident');
      await goto(`/r/appeals/track/${state.code}`);
      await expectTestId('ra-fixed');
      // The public timeline shows the resident's photo and the after-photo (EXIF-free copies).
      check((await page.getByTestId('ra-timeline-photo').count()) === 2, 'before and after photos on the public timeline');
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="ra-timeline-photo"]')].every((i) => i.complete && i.naturalWidth > 0));
      await axe();
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '15-is-it-fixed');
      await page.getByTestId('ra-not-fixed').click();
      await page.getByTestId('ra-note').fill('楼梯口还有两辆电动车');
      await snap(ctx, '16-not-fixed');
      await page.getByTestId('ra-not-fixed-send').click();
      await page.getByTestId('ra-status').filter({ hasText: '处理中' }).waitFor();
      const timeline = await page.getByTestId('ra-timeline').innerText();
      check(timeline.includes('未解决，重新处理'), 'the public timeline shows the rework');
      check(!timeline.includes('网格员') && !timeline.includes('请小区网格员今天到现场清理'), 'staff by role, no internal notes in the public timeline');
      await snap(ctx, '17-rework');
    },
  },
  {
    name: 'the grid worker handles it again',
    async run(ctx) {
      const { page, login, goto, check } = ctx;
      await login('gridworker');
      await goto('/console/appeals');
      const r = await row(page, state.code);
      check((await r.innerText()).includes('返工 1'), 'the queue marks the rework');
      await r.getByTestId('action-handle').click();
      await page.getByTestId('action-note').fill('电动车已全部移走，并在楼道张贴禁停告示');
      await modalOk(page);
      await snap(ctx, '18-handled-again');
    },
  },
  {
    name: 'the resident confirms the fix and rates it',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId } = ctx;
      await login('resident');
      await goto(`/r/appeals/track/${state.code}`);
      await page.getByTestId('ra-fixed').click();
      await expectTestId('ra-rate-satisfied');
      await page.getByTestId('ra-rate-satisfied').click();
      await page.getByTestId('ra-note').fill('谢谢网格员');
      await axe();
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '19-rate');
      await page.getByTestId('ra-rate-send').click();
      await page.getByTestId('ra-status').filter({ hasText: '已办结' }).waitFor();
      check((await page.getByTestId('ra-satisfaction').innerText()).includes('满意'), 'the rating shows');
      await axe();
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '20-closed');
    },
  },
  {
    name: 'the dashboard figures move',
    async run(ctx) {
      const { page, login, check } = ctx;
      await login('admin');
      const after = await dashboardFigures(ctx);
      const b = state.before;
      check(after['appeals.total'] === b['appeals.total'] + 1, `total +1: ${b['appeals.total']} → ${after['appeals.total']}`);
      check(after['appeals.closed_by_level'] === b['appeals.closed_by_level'] + 1, `closed +1: ${b['appeals.closed_by_level']} → ${after['appeals.closed_by_level']}`);
      check(after['appeals.rework_rate'] > b['appeals.rework_rate'] || b['appeals.rework_rate'] === 100, `rework rate rises: ${b['appeals.rework_rate']} → ${after['appeals.rework_rate']}`);
      check(after['appeals.satisfaction_rate'] > 0 && after.satisfactionRing.includes('%'), `satisfaction shown as a percentage: ${after.satisfactionRing}`);
      check(after['appeals.settled_in_community'] > 0, 'settled inside the community');
      await page.getByTestId('breakdown-appeals.total').waitFor();
      await page.getByTestId('breakdown-appeals.total').locator('summary').click();
      check((await page.getByTestId('line-appeals.total-blocked_fire_exit').innerText()).includes('消防通道堵塞'), 'totals by category list the blocked fire exit');
      await page.waitForTimeout(800);
      await snap(ctx, '21-dashboard-after');
    },
  },
];
