// The dashboard's week-by-week appeals trend: the admin logs 新市民事务 appeals by hotline in two communities over
// three weeks (the server runs with CLOCK_CONTROL=true, see run.mjs, so the clock moves a week at a time), closes
// some of them, then reads the trend on the subdistrict's dashboard, narrows it to the category, switches to rates,
// and drills into a community: the lines follow the region. Sessions expire by the server clock, so the admin signs
// in again after every move, and the clock is set back to the real time at the end for the journeys after this one.

import { api } from './lib.mjs';

const CATEGORY = 'new_resident_affairs';
const CATEGORY_ZH = '新市民事务';
const WEEK_MINUTES = 7 * 24 * 60;

/** A hotline appeal in the building; closed (accepted, handled, verified, rated) when `close`. */
async function logAppeal(page, buildingId, n, close) {
  const { id } = await api(page, 'POST', '/appeals', {
    categoryCode: CATEGORY,
    description: `来电咨询居住证办理材料（第${n}件）`,
    regionId: buildingId,
    source: 'hotline',
    caller: { name: `来电居民${n}` },
  });
  if (close) await closeAppeal(page, id);
  return id;
}

/** Walks the appeal to closed with whatever the admin is allowed next (accept → start → handle → verify → close). */
async function closeAppeal(page, id) {
  for (let i = 0; i < 8; i++) {
    const a = await api(page, 'GET', `/appeals/${id}`);
    if (a.status === 'closed') return;
    const next = ['accept', 'start', 'handle', 'verify', 'close'].find((x) => a.allowedActions.includes(x));
    if (!next) throw new Error(`cannot close ${id} from ${a.status}: ${a.allowedActions.join(',')}`);
    const body = { handle: { note: '已电话答复并寄送材料清单' }, verify: { fixed: true }, close: { satisfaction: 'satisfied' } }[next] ?? {};
    await api(page, 'POST', `/appeals/${id}/${next}`, body);
  }
}

const trendLabel = (page) => page.getByTestId('appeals-trend-chart').getAttribute('aria-label');
/** Waits until the chart's accessible summary says `text` (the lines follow the data). */
const chartSays = (page, text) => page.locator(`[data-testid="appeals-trend-chart"][aria-label*="${text}"]`).waitFor({ timeout: 10000 });

export default [
  {
    name: 'admin reads the weekly appeals trend, narrows it to a category and drills into a community',
    async run({ page, login, goto, check, shot, expectTestId }) {
      await login('admin');
      const root = (await api(page, 'GET', '/regions?level=subdistrict&limit=1')).items[0];
      const community = async (code) => (await api(page, 'GET', `/regions?q=${code}&level=community&limit=5`)).items.find((r) => r.code === code);
      const c01 = await community('GC-C01');
      const c02 = await community('GC-C02');
      const building = async (c) => (await api(page, 'GET', `/regions?regionId=${c.id}&level=grid3&limit=1`)).items[0].id;
      const b1 = await building(c01);
      const b2 = await building(c02);
      const moveAWeek = async () => {
        await api(page, 'POST', '/dev/clock', { advanceMinutes: WEEK_MINUTES });
        await login('admin');
      };
      let moved = false;
      try {
        // Week A: three in the first community (one closed at once), two in the second.
        await logAppeal(page, b1, 1, true);
        await logAppeal(page, b1, 2, false);
        await logAppeal(page, b1, 3, false);
        const later = await logAppeal(page, b2, 4, false);
        await logAppeal(page, b2, 5, false);
        moved = true;
        await moveAWeek();
        // Week B: two more in the first; one from week A in the second is closed now.
        await logAppeal(page, b1, 6, false);
        await logAppeal(page, b1, 7, false);
        await closeAppeal(page, later);
        await moveAWeek();
        // Week C: one in the first, three in the second (two closed at once).
        await logAppeal(page, b1, 8, false);
        await logAppeal(page, b2, 9, true);
        await logAppeal(page, b2, 10, true);
        await logAppeal(page, b2, 11, false);

        // The API: the last three weeks of the category, per region.
        const last3 = async (id) => (await api(page, 'GET', `/regions/${id}/appeal-trends?weeks=26&categoryCode=${CATEGORY}`)).weeks.slice(-3);
        const series = (ws, k) => ws.map((w) => w[k]).join(',');
        const rootWeeks = await last3(root.id);
        check(series(rootWeeks, 'submitted') === '5,2,4', `subdistrict submitted per week 5,2,4, got ${series(rootWeeks, 'submitted')}`);
        check(series(rootWeeks, 'closed') === '1,1,2', `subdistrict closed per week 1,1,2, got ${series(rootWeeks, 'closed')}`);
        const c01Weeks = await last3(c01.id);
        check(series(c01Weeks, 'submitted') === '3,2,1', `community 1 submitted 3,2,1, got ${series(c01Weeks, 'submitted')}`);

        // The dashboard: the trend chart of the subdistrict, all categories.
        await goto('/dashboard');
        await page.waitForURL((u) => u.pathname === `/dashboard/${root.id}`);
        await expectTestId('appeals-trend-chart');
        await page.locator('[data-testid="appeals-trend-chart"] canvas').first().waitFor();
        const all = await trendLabel(page);
        check(/近 26 周诉求趋势：共受理 \d+ 件/.test(all), `the chart says what it shows, got: ${all}`);
        await page.getByTestId('appeals-trends').scrollIntoViewIfNeeded();
        await page.waitForTimeout(800); // the lines' entry animation
        await shot('subdistrict-all-categories');

        // Narrowed to the category: exactly the appeals logged above.
        await page.getByTestId('appeals-trend-category').click();
        await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: CATEGORY_ZH }).first().click();
        await chartSays(page, '共受理 11 件，办结 4 件');
        // The same numbers as a table: the three weeks with appeals, newest first.
        await page.getByTestId('appeals-trends').locator('summary').click();
        const rows = await page.getByTestId('appeals-trend-table').locator('tbody tr.ant-table-row').allInnerTexts();
        const cells = rows.slice(0, 3).map((r) => r.split('\t').map((c) => c.trim()));
        check(cells.map((c) => `${c[1]}/${c[2]}`).join(' ') === '4/2 2/1 5/1', `weeks newest first submitted/closed 4/2 2/1 5/1, got ${JSON.stringify(cells)}`);
        check(cells[0][0].startsWith(rootWeeks[2].week), `the newest row is the current week ${rootWeeks[2].week}, got ${cells[0][0]}`);
        await page.waitForTimeout(800);
        await shot('subdistrict-category-counts');

        // Rates: 满意率 and 按期结案率 per week.
        await page.getByTestId('appeals-trend-mode').getByText('比率').click();
        await page.waitForTimeout(800);
        await shot('subdistrict-category-rates');
        await page.getByTestId('appeals-trend-mode').getByText('件数').click();

        // Drill into the first community: the chart follows.
        await page.getByTestId('child-select').click();
        await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: c01.name }).first().click();
        await page.waitForURL((u) => u.pathname === `/dashboard/${c01.id}`);
        await page.getByTestId('dashboard-title').filter({ hasText: c01.name }).waitFor();
        // Still narrowed to the category (the controls stay as they were when drilling down).
        const picked = await page.getByTestId('appeals-trend-category').innerText();
        check(picked.includes(CATEGORY_ZH), `the category filter stays on ${CATEGORY_ZH}, shows: ${picked}`);
        await chartSays(page, '共受理 6 件，办结 1 件');
        await page.getByTestId('appeals-trends').scrollIntoViewIfNeeded();
        await page.waitForTimeout(800);
        await shot('community-category-counts');
      } finally {
        if (moved) {
          // Back to the real time for the journeys after this one.
          await login('admin').catch(() => undefined);
          await api(page, 'DELETE', '/dev/clock').catch(() => undefined);
        }
      }
    },
  },
];
