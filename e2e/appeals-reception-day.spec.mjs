// Two more ways a report comes in on the phone: a 楼长 writes it down for a resident on reception day
// (楼长接待日), and a neighbour who finds the same matter already reported follows it (+1) instead of
// reporting it twice. Also: every appeals screen switches to English.

import { snap } from './phone.mjs';

const state = { code: null };

export default [
  {
    name: '楼长 reports noise for a resident on reception day',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId } = ctx;
      await login('louzhang');
      await goto('/r/appeals/new');
      await page.getByTestId('category-noise').click();
      await expectTestId('ra-describe');
      await page.getByTestId('ra-onbehalf-open').click();
      await expectTestId('ra-resident');
      await page.getByTestId('ra-resident-q').fill('居民');
      await page.getByTestId('ra-resident').filter({ hasText: '居民' }).first().click();
      await expectTestId('ra-onbehalf');
      await expectTestId('ra-place-onbehalf');
      // The category's own question (when does it happen) as big buttons.
      await page.getByTestId('ra-q-time_of_day').getByRole('button', { name: '夜间' }).click();
      await page.getByTestId('ra-description').fill('楼上夜间装修，电钻声到十一点');
      await axe();
      await snap(ctx, '1-on-behalf');
      await page.getByTestId('ra-next').click();
      await expectTestId('ra-confirm');
      check((await page.getByTestId('ra-confirm').innerText()).includes('楼长代为反映'), 'the confirmation says the 楼长 writes it for the resident');
      await snap(ctx, '2-confirm');
      await page.getByTestId('ra-submit').click();
      await expectTestId('ra-tracking-code');
      state.code = (await page.getByTestId('ra-tracking-code').innerText()).replace(/\s/g, '');
      check(state.code.length === 10, `a tracking code, got ${state.code}`);
    },
  },
  {
    name: 'the resident finds it in my reports; a second noise report suggests following it',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, check, expectTestId, adminApi } = ctx;
      // Staff see who wrote it for whom.
      const found = (await adminApi(`/appeals?view=area&categoryCode=noise&limit=50`)).items.find((a) => a.trackingCode === state.code);
      check(found && found.source === 'reception_day' && found.reporter.onBehalfOfName === '居民', `recorded as reception day for 居民, got ${JSON.stringify(found?.reporter)}`);

      await login('resident');
      await goto('/r/appeals');
      await expectTestId('ra-mine-item');
      check((await page.getByTestId('ra-mine').innerText()).includes('电钻声'), 'the report made for me is in my reports');
      await snap(ctx, '3-my-reports');

      // The 楼长 (a neighbour in the same building) starts a noise report of their own: the open one is suggested.
      await ctx.logout();
      await login('louzhang');
      await goto('/r/appeals/new');
      await page.getByTestId('category-noise').click();
      await expectTestId('ra-duplicates');
      check((await page.getByTestId('ra-duplicate').first().innerText()).includes('电钻声'), 'the open report of the same category at the same building is suggested');
      await snap(ctx, '4-duplicate-suggested');
    },
  },
  {
    name: 'a neighbour follows the open report instead (+1), in English',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, axe, check, expectTestId } = ctx;
      await login('gridworker');
      await goto('/r/appeals/new');
      await page.getByTestId('lang-switch').click();
      await page.getByText('What is it about?').waitFor();
      await page.getByTestId('category-noise').click();
      await page.getByText('Describe it').first().waitFor();
      await expectTestId('ra-photo-slot');
      check((await page.getByTestId('ra-photo-slot').innerText()).includes('Take or choose photos'), 'the photo picker speaks English');
      // The grid worker heard of it on patrol and opens it by its code to follow it.
      await goto(`/r/appeals/track/${state.code}`);
      await expectTestId('ra-follow');
      await page.getByTestId('ra-follow').click();
      await page.getByTestId('ra-follow').waitFor({ state: 'detached' });
      check((await page.getByTestId('ra-track-card').innerText()).includes('Following'), 'English labels on the track page');
      check((await page.getByTestId('ra-timeline').innerText()).includes('A neighbour followed'), 'the follow shows in the public timeline');
      await axe();
      await snap(ctx, '5-followed-english');
    },
  },
];
