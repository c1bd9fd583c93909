/* global document -- the page.evaluate callbacks run in the browser */
// Resident and 楼长 pages on a phone (390×844, touch): large type, big tap targets, one task per screen,
// no critical axe violations. Each journey signs in through the real form.

import { checkPhoneErgonomics } from './phone.mjs';

export default [
  {
    name: 'resident signs in on a phone, calls their 楼长, finds venues near home',
    mobile: true,
    async run(ctx) {
      const { page, goto, check, shot, axe, expectTestId, expectText } = ctx;
      // A link shared in a WeChat group: /r signed out shows the way in, not an error.
      await goto('/r');
      await expectTestId('r-welcome');
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('welcome');
      await page.getByTestId('r-sign-in').click();
      await page.getByTestId('login-submit').waitFor();
      await shot('sign-in-form');
      await page.locator('#login').fill('13800000001');
      await page.locator('#password').fill('shuren2026');
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => u.pathname === '/r');
      await expectTestId('r-home');
      await expectTestId('tile-contacts');
      check((await page.getByTestId('tile-building').count()) === 0, 'a resident who is no 楼长 has no building tile');
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('home');

      await page.getByTestId('tile-contacts').click();
      await expectTestId('contact-building_head');
      const tel = await page.getByTestId('call-building_head').first().getAttribute('href');
      check(/^tel:1[3-9]\d{9}$/.test(tel ?? ''), `楼长 has a tap-to-call link, got ${tel}`);
      const heads = await page.getByTestId('contact-building_head').count();
      check(heads >= 1, 'at least one 楼长 listed');
      await expectText('网格员');
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('my-helpers');

      await page.getByTestId('r-back').click();
      await page.getByTestId('tile-household').click();
      await expectTestId('household-card');
      await expectTestId('members');
      const members = await page.getByTestId('members').innerText();
      check(/\d{3}\*{4}\d{4}/.test(members), `household members' phones are masked, got: ${members}`);
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('my-household');

      await goto('/r');
      await page.getByTestId('tile-venues').click();
      await expectTestId('venue-card');
      const cards = await page.getByTestId('venue-card').count();
      check(cards >= 1, 'venues near home are listed');
      await expectText('今天');
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('venues');
      await page.getByTestId('venue-card').first().locator('a').click();
      await expectTestId('venue-hours');
      await expectText('开放时间');
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('venue');

      await goto('/r/organisations');
      await expectTestId('r-organisations');
      await page.locator('[data-testid^="org-group-"]').first().waitFor();
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('organisations');
    },
  },
  {
    name: 'resident switches the phone pages to English and back',
    mobile: true,
    async run({ page, login, goto, expectText, shot, check }) {
      await login('resident');
      await goto('/r');
      await page.getByTestId('lang-switch').click();
      await expectText('My community');
      await page.getByTestId('tile-contacts').click();
      await expectText('Call');
      await shot('english');
      await page.getByTestId('lang-switch').click();
      await expectText('拨打');
      check((await page.evaluate(() => document.documentElement.lang)) === 'zh-CN', 'page language follows the switch');
    },
  },
  {
    name: '楼长 sees their building’s households and a household’s residents, masked',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, check, shot, axe, expectTestId } = ctx;
      await login('louzhang');
      await goto('/r');
      await expectTestId('tile-building');
      await shot('home');
      await page.getByTestId('tile-building').click();
      await expectTestId('household-item');
      const summary = await page.getByTestId('building-summary').innerText();
      const n = await page.getByTestId('household-item').count();
      check(summary.includes(`共 ${n} 户`), `the summary counts the ${n} households shown: ${summary}`);
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('building');
      await page.getByTestId('household-item').first().locator('a').click();
      await expectTestId('r-building-household');
      await expectTestId('members');
      const text = await page.getByTestId('members').innerText();
      check(!/1[3-9]\d{9}/.test(text), `residents' phones are masked for a 楼长, got: ${text}`);
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('household');
      await page.getByTestId('r-back').click();
      await expectTestId('household-item');
      await goto('/r/nowhere');
      await page.getByText('找不到这个页面').waitFor();
    },
  },
  {
    name: '楼长 opening another building on the phone gets a clear no-access page',
    mobile: true,
    async run(ctx) {
      const { page, login, goto, adminApi, check, shot, axe, expectTestId } = ctx;
      const { items } = await adminApi('/regions?q=GC-C01-G01-B02&limit=5');
      const other = items.find((r) => r.code === 'GC-C01-G01-B02');
      check(other, 'demo data has a second building');
      await login('louzhang');
      await goto(`/r/building/${other.id}`);
      await expectTestId('no-access');
      const text = await page.getByTestId('no-access').innerText();
      check(text.includes('无权查看') && text.includes('返回首页'), `no-access says so and offers a way home: ${text}`);
      check((await page.getByTestId('household-item').count()) === 0, 'no household leaks through');
      await axe();
      await checkPhoneErgonomics(ctx);
      await shot('no-access');
    },
  },
];
