// 楼长接待日 on a phone: the demo 楼长 sees "我的接待日" on their building page with the next sessions in large
// type; the resident of that building sees when their 楼长 receives on "我的楼长". Axe on both screens.

export default [
  {
    name: '楼长 sees their reception days on the building page',
    mobile: true,
    async run({ page, login, goto, shot, axe, check, expectTestId, expectText }) {
      await login('louzhang');
      await goto('/r');
      await expectTestId('tile-building');
      await page.getByTestId('tile-building').first().click();
      await expectTestId('building-reception-days');
      await expectText('我的接待日');
      await page.getByTestId('reception-session').first().waitFor();
      const sessions = await page.getByTestId('reception-session').count();
      check(sessions === 4, `the next 4 sessions are listed, got ${sessions}`);
      await expectText('1栋架空层');
      const size = await page.getByTestId('reception-session').first().locator('p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize)); // eslint-disable-line no-undef
      check(size >= 22, `session day in large type, got ${size}px`);
      await axe();
      await shot('louzhang-reception-days');
    },
  },
  {
    name: 'resident sees when their 楼长 receives on 我的楼长',
    mobile: true,
    async run({ page, login, goto, shot, axe, check, expectTestId, expectText }) {
      await login('resident');
      await goto('/r/contacts');
      await expectTestId('home-reception-days');
      await expectText('楼长接待日');
      await page.getByTestId('reception-session').first().waitFor();
      const text = await page.getByTestId('home-reception-upcoming').innerText();
      check(/架空层/.test(text) && /(周[一二三四五六日])/.test(text) && /\d\d:\d\d–\d\d:\d\d/.test(text), `sessions show day, time and place: ${text.slice(0, 120)}`);
      await axe();
      await shot('resident-reception-days');
    },
  },
];
