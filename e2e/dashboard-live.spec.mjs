// The live dashboard: figures counted from the stats API, drill-down to the records behind them,
// per-community comparison opening the community's own dashboard, the grid treemap, scope refusals.

async function rootAndCommunity(adminApi) {
  const root = (await adminApi('/regions?level=subdistrict&limit=1')).items[0];
  const c01 = (await adminApi('/regions?q=GC-C01&level=community&limit=5')).items.find((r) => r.code === 'GC-C01');
  return { root, c01 };
}

export default [
  {
    name: 'admin opens the dashboard, sees the live figures, drills down to the records',
    async run({ page, login, goto, adminApi, check, shot, expectTestId }) {
      const { root, c01 } = await rootAndCommunity(adminApi);
      const stats = await adminApi(`/regions/${root.id}/stats`);
      await login('admin');
      await goto('/dashboard');
      await page.waitForURL((u) => u.pathname === `/dashboard/${root.id}`);
      await expectTestId('figure-three_heads');
      // Data-driven: one card per figure the API returns, each showing the API's value.
      const cards = await page.locator('[data-testid^="figure-"]').count();
      check(cards === stats.figures.length, `one card per figure: ${cards} cards, ${stats.figures.length} figures`);
      for (const key of ['three_heads', 'households', 'organisations.by_kind', 'venues.by_kind']) {
        const f = stats.figures.find((x) => x.key === key);
        check(f, `the stats API returns ${key}`);
        const text = await page.getByTestId(`figure-${key}`).innerText();
        check(text.replace(/,/g, '').includes(String(f.value)), `${key} shows ${f.value}, got: ${text}`);
      }
      await expectTestId('breakdown-three_heads.by_child');
      await page.locator('[data-testid="grid-tree"] canvas').first().waitFor();
      await page.waitForTimeout(800); // let the charts finish their entry animation for the screenshot
      await shot('subdistrict');

      // Drill-down: the households behind the figure, paged from the API, and the console link.
      await page.getByTestId('figure-households').click();
      await page.getByTestId('drill-item').first().waitFor();
      const shown = await page.getByTestId('drill-item').count();
      const households = stats.figures.find((x) => x.key === 'households').value;
      check(shown === Math.min(50, households), `drawer lists the first page of households: ${shown}`);
      const href = await page.getByTestId('drill-console').getAttribute('href');
      check(href === `/console/households?region=${root.id}`, `console link filtered the same way, got ${href}`);
      await shot('drill-households');
      await page.keyboard.press('Escape');

      // A breakdown line opens the records of that line (the 楼长 among the 三长).
      const heads = stats.figures.find((x) => x.key === 'three_heads').breakdown.find((b) => b.key === 'building_head');
      await page.getByTestId('breakdown-three_heads').locator('summary').click();
      await page.getByTestId('line-three_heads-building_head').click();
      await page.getByTestId('drill-item').first().waitFor();
      const listed = await page.getByTestId('drill-item').count();
      check(listed === Math.min(50, heads.value), `楼长 drill-down lists ${heads.value} building heads, got ${listed}`);
      check((await page.locator('.ant-drawer-title').innerText()).includes('楼长'), 'the drawer names the line it lists');
      await shot('drill-building-heads');
      await page.keyboard.press('Escape');

      // 三长 by community: a line opens that community's own dashboard.
      await page.getByTestId('breakdown-three_heads.by_child').locator('summary').click();
      await page.getByTestId('line-three_heads.by_child-GC-C01').click();
      await page.waitForURL((u) => u.pathname === `/dashboard/${c01.id}`);
      await page.getByTestId('dashboard-title').filter({ hasText: c01.name }).waitFor();
      const c01stats = await adminApi(`/regions/${c01.id}/stats`);
      const c01heads = c01stats.figures.find((x) => x.key === 'three_heads').value;
      check((await page.getByTestId('figure-three_heads').innerText()).includes(String(c01heads)), `community figure is its own: ${c01heads}`);
      await page.locator('[data-testid="grid-tree"] canvas').first().waitFor();
      await page.waitForTimeout(800);
      await shot('community');

      // The treemap is a way in too: clicking a grid opens its dashboard.
      const tree = page.locator('[data-testid="grid-tree-chart"]');
      await tree.scrollIntoViewIfNeeded();
      const box = await tree.boundingBox();
      await tree.click({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
      await page.waitForURL((u) => u.pathname.startsWith('/dashboard/') && u.pathname !== `/dashboard/${c01.id}`);
      await expectTestId('figure-households');
    },
  },
  {
    name: 'worker’s dashboard starts at their community; the subdistrict’s is refused',
    async run({ page, login, goto, adminApi, check, expectTestId, shot }) {
      const { root, c01 } = await rootAndCommunity(adminApi);
      await login('worker');
      await goto('/dashboard');
      await page.waitForURL((u) => u.pathname === `/dashboard/${c01.id}`);
      await expectTestId('figure-three_heads');
      await goto(`/dashboard/${root.id}`);
      await expectTestId('no-access');
      check((await page.locator('[data-testid^="figure-"]').count()) === 0, 'no figure of the subdistrict leaks');
      await shot('worker-subdistrict-refused');
    },
  },
];
