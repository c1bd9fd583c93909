// Refusals look like refusals: a clear "no access" page, never a blank one.
async function otherBuilding(adminApi) {
  const { items } = await adminApi('/regions?q=GC-C01-G01-B02&limit=5');
  const b = items.find((r) => r.code === 'GC-C01-G01-B02') ?? items[0];
  if (!b) throw new Error('demo data has no second building');
  return b;
}

export default [
  {
    name: '楼长 opening another building gets the no-access page',
    async run({ page, login, goto, adminApi, check, shot, expectTestId }) {
      const b = await otherBuilding(adminApi);
      await login('louzhang');
      await goto(`/r/building/${b.id}`);
      await expectTestId('no-access');
      const text = await page.getByTestId('no-access').innerText();
      check(/无权/.test(text), `no-access page should say so in Chinese, got: ${text}`);
      await shot('louzhang-other-building');
    },
  },
  {
    name: '楼长 opening the staff console gets the no-access page',
    async run({ page, login, goto, check, shot, expectTestId }) {
      await login('louzhang');
      await goto('/console/people');
      await expectTestId('no-access');
      check((await page.getByTestId('no-access').innerText()).includes('无权访问'), 'clear text');
      await shot('louzhang-console');
    },
  },
  {
    name: 'resident opening a person record in the console gets the no-access page',
    async run({ page, login, goto, adminApi, expectTestId, check }) {
      const { items } = await adminApi('/people?limit=1');
      await login('resident');
      await goto(`/console/people/${items[0].id}`);
      await expectTestId('no-access');
      check(!(await page.locator('table').count()), 'no data table leaks through');
    },
  },
  {
    name: 'worker opening a record outside the community gets the no-access page',
    async run({ login, goto, adminApi, expectTestId, shot }) {
      const { items } = await adminApi('/regions?q=GC-C02&level=community&limit=5');
      const c2 = items.find((r) => r.code === 'GC-C02');
      if (!c2) return; // demo scale without a second community: nothing to refuse
      const people = await adminApi(`/people?regionId=${c2.id}&limit=1`);
      if (!people.items.length) return;
      await login('worker');
      await goto(`/console/people/${people.items[0].id}`);
      await expectTestId('no-access');
      await shot('worker-other-community');
    },
  },
  {
    name: 'signed-out visitor to the console is sent to sign-in',
    async run({ page, goto, check }) {
      await goto('/console/audit');
      await page.waitForURL(/\/login/);
      check(new URL(page.url()).searchParams.get('next') === '/console/audit', 'next carries the page');
    },
  },
];
