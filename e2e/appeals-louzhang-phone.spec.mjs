/* global document -- the page.evaluate callbacks run in the browser */
// A small matter settled at the grid, on phones: a resident reports night-time noise from upstairs and agrees to
// mediation → the 楼长 sees it in 待我处理 with a count badge → accepts → starts → handles it with a note and an
// after-photo → the resident sees it handled on the public timeline and confirms. And the refusal: the 楼长 of the
// next building cannot open it. The journeys run in order on one server and pass the tracking code along.

import { registerByPhone } from './lib.mjs';
import { checkPhoneErgonomics, photo, snap } from './phone.mjs';

const state = { code: null, id: null };
const DESCRIPTION = '楼上每晚十一点后还在拖椅子、跳绳，老人睡不着';
const HANDLED_NOTE = '已约两家当面调解：楼上答应晚上十点后不再跳绳，椅子脚加了垫子';

/** One action on its own screen: open it from the matter, fill what it needs, confirm, see the result. */
async function act(ctx, command, fill) {
  const { page, expectTestId } = ctx;
  await page.getByTestId(`rt-action-${command}`).click();
  await expectTestId('rt-confirm');
  if (fill) await fill();
  await page.getByTestId('rt-confirm').click();
  await expectTestId('rt-done');
}

export default [
  {
    name: 'a resident reports night noise from upstairs and agrees to mediation',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId } = ctx;
      await login('resident');
      await goto('/r/appeals/new');
      await page.getByTestId('category-noise').click();
      await expectTestId('ra-describe');
      // Noise between neighbours offers people's mediation: opt-in, off until the resident says yes.
      await expectTestId('ra-mediation');
      const toggle = page.getByTestId('ra-mediation-toggle');
      check((await toggle.getAttribute('aria-pressed')) === 'false', 'mediation is opt-in');
      await toggle.click();
      check((await toggle.getAttribute('aria-pressed')) === 'true', 'the resident agreed');
      await page.getByTestId('ra-q-time_of_day').getByRole('button', { name: '夜间' }).click();
      await page.getByTestId('ra-description').fill(DESCRIPTION);
      await axe({ failOn: ['critical', 'serious'] });
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '1-describe-mediation');
      await page.getByTestId('ra-next').click();
      await expectTestId('ra-confirm');
      check((await page.getByTestId('ra-confirm-mediation').innerText()).includes('愿意先请调解员/楼长上门调解'), 'the confirmation repeats the yes');
      await snap(ctx, '2-confirm');
      await page.getByTestId('ra-submit').click();
      await expectTestId('ra-tracking-code');
      state.code = (await page.getByTestId('ra-tracking-code').innerText()).replace(/\s/g, '');
      check(state.code.length === 10, `a tracking code, got ${state.code}`);
      await goto(`/r/appeals/track/${state.code}`);
      await expectTestId('ra-timeline');
      check((await page.getByTestId('ra-timeline').innerText()).includes('居民同意调解'), 'the public timeline says the resident agreed to mediation');
      await snap(ctx, '3-timeline-mediation');
    },
  },
  {
    name: '楼长 finds it in 待我处理 with the badge, accepts, starts and handles it with a note and an after-photo',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId, adminApi } = ctx;
      const found = (await adminApi('/appeals?view=area&categoryCode=noise&limit=100')).items.find((a) => a.trackingCode === state.code);
      check(found && found.unit.level === 'grid' && found.mediation.accepted === true, `a grid-level matter with mediation accepted, got ${JSON.stringify(found?.unit)} ${JSON.stringify(found?.mediation)}`);
      state.id = found.id;

      await login('louzhang');
      await goto('/r');
      await expectTestId('tile-tasks-badge');
      const badge = Number((await page.getByTestId('tile-tasks-badge').innerText()).replace(/\D/g, ''));
      check(badge >= 1, `the home tile counts open work, got ${badge}`);
      await axe({ failOn: ['critical', 'serious'] });
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '1-home-badge');

      await page.getByTestId('tile-tasks').click();
      await expectTestId('rt-tasks');
      await expectTestId('rt-task');
      const card = page.getByTestId('rt-task').filter({ hasText: DESCRIPTION });
      check((await card.count()) === 1, 'the new matter is in the queue');
      const cardText = await card.innerText();
      check(/还剩 \d+ (分钟|小时|天)/.test(cardText), `a plain countdown on the card, got ${cardText}`);
      check(cardText.includes('居民同意调解'), 'the card says the resident agreed to mediation');
      await axe({ failOn: ['critical', 'serious'] });
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '2-tasks');

      await card.getByRole('link').click();
      await expectTestId('rt-facts');
      await expectTestId('rt-mediation-hint');
      check((await page.getByTestId('rt-timeline').innerText()).includes('居民同意调解'), 'the staff timeline shows the consent');
      check((await page.getByTestId('rt-reporter').innerText()).length > 0, 'the reporter is named');
      // The 楼长 may call a resident of their building: the number is revealed on request (and audited).
      await page.getByTestId('rt-reveal-phone').click();
      await expectTestId('rt-call');
      check((await page.getByTestId('rt-call').getAttribute('href')).startsWith('tel:'), 'a tel: link to the reporter');
      await axe({ failOn: ['critical', 'serious'] });
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '3-matter');

      await act(ctx, 'accept');
      check((await page.getByTestId('rt-done-status').innerText()).includes('已受理'), 'the result says accepted');
      await snap(ctx, '4-accepted');
      await page.getByTestId('rt-back-to-task').click();
      await act(ctx, 'start');
      check((await page.getByTestId('rt-done-status').innerText()).includes('处理中'), 'the result says in progress');
      await page.getByTestId('rt-back-to-task').click();

      // Handling: the note is required — the screen says so in place before anything is sent.
      await page.getByTestId('rt-action-handle').click();
      await expectTestId('rt-confirm');
      await expectTestId('rt-mediation-hint');
      await page.getByTestId('rt-confirm').click();
      await expectTestId('rt-missing');
      check((await page.getByTestId('rt-note').getAttribute('aria-invalid')) === 'true', 'the note field is marked');
      await axe({ failOn: ['critical', 'serious'] });
      await snap(ctx, '5-handle-missing-note');
      await page.getByTestId('rt-note').fill(HANDLED_NOTE);
      await page.getByTestId('ra-photo-input').setInputFiles(await photo('after.jpg', '#27ae60'));
      await page.getByTestId('ra-photo-thumb').waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="ra-photo-thumb"]')].every((i) => i.complete && i.naturalWidth > 0));
      await page.getByTestId('rt-internal').fill('楼上住户姓陈，白天在家');
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '6-handle-filled');
      await page.getByTestId('rt-confirm').click();
      await expectTestId('rt-done');
      check((await page.getByTestId('rt-done-status').innerText()).includes('已处置待核查'), 'the result says handled, awaiting the check');
      await axe({ failOn: ['critical', 'serious'] });
      await snap(ctx, '7-handled');

      await page.getByTestId('rt-back-to-task').click();
      await expectTestId('rt-internal-note');
      check((await page.getByTestId('rt-timeline').innerText()).includes(HANDLED_NOTE), 'the note is on the timeline');
      check((await page.getByTestId('rt-photo').count()) >= 1, 'the after-photo is on the timeline');
      await snap(ctx, '8-matter-handled');
    },
  },
  {
    name: 'the resident sees it handled on the public timeline and confirms it is fixed',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId } = ctx;
      await login('resident');
      await goto(`/r/appeals/track/${state.code}`);
      await expectTestId('ra-fixed');
      const timeline = await page.getByTestId('ra-timeline').innerText();
      check(timeline.includes(HANDLED_NOTE) && timeline.includes('已处理，请您确认'), 'the handled step with its note');
      check(!timeline.includes('楼上住户姓陈'), 'no internal note on the public timeline');
      check((await page.getByTestId('ra-timeline-photo').count()) === 1, 'the after-photo on the public timeline');
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="ra-timeline-photo"]')].every((i) => i.complete && i.naturalWidth > 0));
      await snap(ctx, '1-handled');
      await page.getByTestId('ra-fixed').click();
      await expectTestId('ra-rate-satisfied');
      await page.getByTestId('ra-rate-satisfied').click();
      await page.getByTestId('ra-rate-send').click();
      await expectTestId('ra-satisfaction');
      check((await page.getByTestId('ra-status').innerText()).includes('已办结'), 'closed');
      await axe({ failOn: ['critical', 'serious'] });
      await snap(ctx, '2-closed');
    },
  },
  {
    name: 'the 楼长 of the next building cannot open it',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId, adminApi } = ctx;
      // A new 楼长 for building 2: registers with a phone (the development sender logs the code), then is appointed.
      const phone = `137${String(Date.now()).slice(-8)}`;
      await registerByPhone(ctx, { phone, password: 'er-dong-lou-2026', name: '二栋楼长' });
      const b2 = (await adminApi('/regions?q=GC-C01-G01-B02&limit=5')).items.find((r) => r.code === 'GC-C01-G01-B02');
      const person = (await adminApi(`/people?q=${encodeURIComponent('二栋楼长')}&limit=5`)).items[0];
      await adminApi('/assignments', { method: 'POST', body: JSON.stringify({ personId: person.id, role: 'building_head', regionId: b2.id, startDate: '2026-01-01' }) });

      await login(phone, 'er-dong-lou-2026');
      await goto('/r/tasks');
      await expectTestId('rt-empty');
      check(!(await page.getByTestId('rt-tasks').innerText()).includes(DESCRIPTION), 'building 1’s matter is not in building 2’s queue');
      await goto(`/r/tasks/${state.id}`);
      await expectTestId('rt-not-yours');
      check(!(await page.locator('body').innerText()).includes(DESCRIPTION), 'nothing of the matter leaks');
      await axe({ failOn: ['critical', 'serious'] });
      await snap(ctx, '1-not-yours');
      await goto(`/r/tasks/${state.id}/do/accept`);
      await expectTestId('rt-not-yours');
      check(!(await page.locator('body').innerText()).includes(DESCRIPTION), 'the action screen shows nothing either');
    },
  },
];
