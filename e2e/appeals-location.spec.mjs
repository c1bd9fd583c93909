// The reported point: the streetlight between building 1 and building 2 is out. A resident of building 1 reports it
// on the phone and shares where they stand (a refused location first only says so, reporting goes on); a neighbour
// in building 2 reports the same light from ~45 m away and is offered the first report as the same matter — by the
// points alone: the two buildings are different places, and the two points are far from any demo building's own
// point, so without sharing a location the neighbour is not offered it. The journeys run in order on one server.

import { registerByPhone } from './lib.mjs';
import { checkPhoneErgonomics, snap } from './phone.mjs';

const state = { code: null };
const DESCRIPTION = '1栋和2栋之间的路灯坏了，晚上路口一片黑';
/** Guicheng, Foshan: where resident 1 stands, and resident 2 ~45 m to the north-east. */
const HERE = { latitude: 23.03412, longitude: 113.14587, accuracy: 25 };
const NEAR = { latitude: 23.03442, longitude: 113.14617, accuracy: 30 };

/** From the home screen to the describe screen of 公共设施维护. */
async function startReport({ page, goto, expectTestId }) {
  await goto('/r');
  await page.getByTestId('tile-appeals').click();
  await expectTestId('ra-category');
  await page.getByTestId('category-facility_maintenance').click();
  await expectTestId('ra-describe');
  await expectTestId('ra-place-household');
}

export default [
  {
    name: 'a resident reports the dark streetlight with where they stand',
    mobile: true,
    async run(ctx) {
      const { page, context, baseUrl, login, axe, check, expectTestId } = ctx;
      await login('resident');
      await startReport(ctx);
      await page.getByTestId('ra-description').fill(DESCRIPTION);
      await expectTestId('ra-geo-use');
      check((await page.getByTestId('ra-geo').innerText()).includes('位置只用来查找附近是否有人反映过同一件事，工作人员可以看到'), 'the privacy line says what the location is for');

      // No permission (the browser says no): a plain message, and the report goes on without a point.
      await page.getByTestId('ra-geo-use').click();
      await expectTestId('ra-geo-failure', 15000);
      const failure = await page.getByTestId('ra-geo-failure').innerText();
      check(failure.includes('不用位置也可以提交'), `the refusal never blocks reporting, got: ${failure}`);
      check((await page.getByTestId('ra-geo-failure').getAttribute('data-failure')) === 'denied', 'it says the location was not allowed');
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '1-location-refused');

      // The resident allows it: the point is recorded with the phone's accuracy; it can be removed and taken again.
      await context.grantPermissions(['geolocation'], { origin: baseUrl });
      await context.setGeolocation(HERE);
      await page.getByTestId('ra-geo-use').click();
      await expectTestId('ra-geo-recorded');
      check((await page.getByTestId('ra-geo-recorded').innerText()).includes('已记录位置（约 25 米精度）'), 'the accuracy is shown in metres');
      check((await page.getByTestId('ra-geo-failure').count()) === 0, 'the old refusal message is gone');
      await page.getByTestId('ra-geo-remove').click();
      await expectTestId('ra-geo-use');
      check((await page.getByTestId('ra-geo-recorded').count()) === 0, 'removed');
      await page.getByTestId('ra-geo-use').click();
      await expectTestId('ra-geo-recorded');
      await axe({ failOn: ['critical', 'serious'] });
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '2-location-recorded');

      await page.getByTestId('ra-next').click();
      await expectTestId('ra-confirm');
      check((await page.getByTestId('ra-confirm-point').innerText()).includes('含位置'), 'the confirmation says the report carries the location');
      await axe({ failOn: ['critical', 'serious'] });
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '3-confirm-with-location');
      await page.getByTestId('ra-submit').click();
      await expectTestId('ra-tracking-code');
      state.code = (await page.getByTestId('ra-tracking-code').innerText()).replace(/\s/g, '');
      check(/^[0-9A-Z]{10}$/.test(state.code), `a tracking code, got ${state.code}`);
    },
  },
  {
    name: 'a neighbour in building 2 is offered the same matter nearby',
    mobile: true,
    async run(ctx) {
      const { page, context, baseUrl, login, axe, check, expectTestId, adminApi } = ctx;
      check(state.code, 'the first report was sent');
      // A resident of building 2: registers with a phone (the development sender logs the code); the community
      // registers them in a household of building 2.
      const phone = `136${String(Date.now()).slice(-8)}`;
      await registerByPhone(ctx, { phone, password: 'er-dong-lu-deng-2026', name: '二栋居民' });
      const b2 = (await adminApi('/regions?q=GC-C01-G01-B02&limit=5')).items.find((r) => r.code === 'GC-C01-G01-B02');
      const household = (await adminApi(`/households?regionId=${b2.id}&limit=1`)).items[0];
      const person = (await adminApi(`/people?q=${encodeURIComponent('二栋居民')}&limit=5`)).items[0];
      await adminApi(`/households/${household.id}/members`, { method: 'POST', body: JSON.stringify({ personId: person.id, relation: 'member' }) });

      await login(phone, 'er-dong-lu-deng-2026');
      await startReport(ctx);
      check((await page.getByTestId('ra-place-household').innerText()).includes(household.address), `their own household in building 2 is chosen, got: ${await page.getByTestId('ra-place-household').innerText()}`);
      await page.getByTestId('ra-description').fill('路灯不亮，二栋门口很黑');
      // Without a point, building 2 is another place: the report from building 1 is not offered.
      await page.waitForLoadState('networkidle');
      const before = (await page.getByTestId('ra-duplicate').allInnerTexts()).join('\n');
      check(!before.includes(DESCRIPTION), `no point, no match from the other building, got: ${before}`);

      // With where they stand (~45 m from the first report's point) the same light is offered: follow it (+1).
      await context.grantPermissions(['geolocation'], { origin: baseUrl });
      await context.setGeolocation(NEAR);
      await page.getByTestId('ra-geo-use').click();
      await expectTestId('ra-geo-recorded');
      const offered = page.getByTestId('ra-duplicate').filter({ hasText: DESCRIPTION });
      await offered.waitFor();
      check((await page.getByTestId('ra-duplicates').innerText()).includes('邻居已经反映过类似的事'), 'the duplicate suggestion says a neighbour already reported it');
      await axe({ failOn: ['critical', 'serious'] });
      await checkPhoneErgonomics(ctx);
      await snap(ctx, '4-offered-nearby');

      await offered.getByTestId('ra-follow').click();
      await expectTestId('ra-followed');
      check(page.url().includes(`/r/appeals/track/${state.code}`), `following opens the first report, got ${page.url()}`);
      await snap(ctx, '5-following');
    },
  },
];
