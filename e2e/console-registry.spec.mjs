/* global document */
// Staff console journeys: region scope in the URL, registry lists with server paging and search,
// a person's record with roles and history, assigning and ending a 楼长, forms showing errors in place.
async function demoRegions(adminApi) {
  const { items } = await adminApi('/regions?level=community&limit=10');
  const c1 = items.find((r) => r.code === 'GC-C01') ?? items[0];
  const { items: buildings } = await adminApi('/regions?q=GC-C01-G01-B0&limit=10');
  return { c1, b2: buildings.find((b) => b.code === 'GC-C01-G01-B02') ?? buildings[1] };
}

export default [
  {
    name: 'admin scopes the console with the region tree; the URL can be bookmarked',
    async run({ page, login, goto, adminApi, check, shot }) {
      const { c1 } = await demoRegions(adminApi);
      await login('admin');
      await page.getByTestId('region-tree').locator('.ant-tree-title').filter({ hasText: c1.name }).first().click();
      await page.waitForURL((u) => u.searchParams.get('region') === c1.id);
      await page.getByRole('menuitem', { name: '人员' }).click();
      await page.waitForURL(/\/console\/people\?/);
      check(new URL(page.url()).searchParams.get('region') === c1.id, 'scope kept when moving between sections');
      await page.getByTestId('people-table').locator('tbody tr.ant-table-row').first().waitFor();
      await shot('people-scoped');
      // The same URL opened fresh shows the same scope.
      const bookmarked = new URL(page.url()).pathname + new URL(page.url()).search;
      await goto(bookmarked);
      await page.getByTestId('people-table').locator('tbody tr.ant-table-row').first().waitFor();
      const exportHref = await page.getByTestId('export-xlsx').getAttribute('href');
      check(exportHref.includes(`regionId=${c1.id}`), `export carries the scope: ${exportHref}`);
    },
  },
  {
    name: 'worker searches people in Chinese, pages through, opens a record and its history',
    async run({ page, login, goto, check, shot }) {
      await login('worker');
      await goto('/console/people');
      const rows = page.getByTestId('people-table').locator('tbody tr.ant-table-row');
      await rows.first().waitFor();
      await page.waitForLoadState('networkidle');
      const firstName = (await rows.nth(1).locator('td').first().innerText()).trim();
      const surname = [...firstName][0];
      await page.getByTestId('search').locator('input').fill(surname);
      const answered = page.waitForResponse((r) => r.url().includes('/api/v1/people?') && r.url().includes(`q=${encodeURIComponent(surname)}`));
      await page.getByTestId('search').locator('input').press('Enter');
      await answered;
      await page.waitForURL((u) => u.searchParams.get('q') === surname);
      await page.waitForLoadState('networkidle');
      await page.locator('[data-testid=people-table] .ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => {});
      await rows.first().waitFor();
      const names = await rows.locator('td:first-child').allInnerTexts();
      check(names.length > 0 && names.every((n) => n.includes(surname)), `every row matches “${surname}”: ${names.slice(0, 5)}`);
      const exportHref = await page.getByTestId('export-xlsx').getAttribute('href');
      check(exportHref.includes(`q=${encodeURIComponent(surname)}`), `export carries the search: ${exportHref}`);
      const res = await page.request.get(exportHref);
      check(res.status() === 200 && (res.headers()['content-type'] ?? '').includes('spreadsheetml'), `export answers an xlsx (${res.status()})`);
      await shot('people-search');
      await rows.first().locator('a').first().click();
      await page.getByTestId('person-name').waitFor();
      await page.getByTestId('assignments-table').waitFor();
      await shot('person-record');
      await page.getByTestId('audit-button').first().click();
      await page.getByTestId('audit-history').waitFor();
    },
  },
  {
    name: 'worker assigns a 楼长 to a building and ends the assignment',
    async run({ page, login, goto, adminApi, check, shot }) {
      const { c1, b2 } = await demoRegions(adminApi);
      const { items: people } = await adminApi(`/people?regionId=${c1.id}&limit=1`);
      const person = people[0];
      await login('worker');
      await goto(`/console/people/${person.id}`);
      await page.getByTestId('assignment-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // The building picker searches the server.
      await dialog.locator('#regionId').click();
      await dialog.locator('#regionId').fill(b2.code);
      await page.locator('.ant-select-item-option').filter({ hasText: b2.code }).first().click();
      await shot('assign-form');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByTestId('assignments-table').locator('tbody tr.ant-table-row').filter({ hasText: b2.name }).first();
      await row.waitFor();
      check((await row.innerText()).includes('楼长'), 'the new 楼长 assignment is listed');
      await row.getByTestId('assignment-end').click();
      const endDialog = page.getByRole('dialog');
      await endDialog.getByRole('button', { name: /结束任职/ }).click();
      await endDialog.waitFor({ state: 'detached' });
      // Ended today (the last day is inclusive): the end date is shown and the server no longer offers “end”.
      await page.waitForFunction((name) => [...document.querySelectorAll('[data-testid=assignments-table] tbody tr')].some((tr) => tr.textContent.includes(name) && /\d{4}-\d{2}-\d{2}.*\d{4}-\d{2}-\d{2}/.test(tr.textContent) && !tr.querySelector('[data-testid=assignment-end]')), b2.name);
      await shot('assignment-ended');
    },
  },
  {
    name: 'forms validate like the API and show its answers next to the fields',
    async run({ page, login, goto, check, shot, adminApi }) {
      const b1 = (await adminApi('/regions?q=GC-C01-G01-B01&limit=5')).items.find((r) => r.code === 'GC-C01-G01-B01');
      // An ID number already on the register (made through the API, as another desk would).
      const taken = '440602198001010010';
      await adminApi('/people', { method: 'POST', body: JSON.stringify({ name: '已登记居民', homeRegionId: b1.id, idNumber: taken }) });
      await login('worker');
      await goto(`/console/people?region=${b1.id}`);
      const posts = [];
      page.on('request', (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/people' && posts.push(r));
      await page.getByTestId('person-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#phone').fill('12345');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.getByText('请填写姓名').waitFor();
      await dialog.getByText('请输入 11 位手机号').waitFor();
      await shot('person-form-errors');
      check(posts.length === 0, 'client rules mirror the API: nothing is sent while a field is wrong');
      // The API's own refusal lands on its field too, and the dialog stays open with what was typed.
      await dialog.locator('#name').fill('新居民');
      await dialog.locator('#phone').fill('13912345678');
      await dialog.locator('#idNumber').fill(taken);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const idItem = dialog.locator('.ant-form-item').filter({ has: page.locator('#idNumber') });
      await idItem.getByText('该身份证号码已登记').waitFor();
      check(posts.length === 1, `one request sent, refused (sent ${posts.length})`);
      check((await dialog.getByTestId('form-error').count()) === 0, 'nothing above the form: the error sits at its field');
      check((await dialog.locator('#name').inputValue()) === '新居民', 'what was typed is kept');
      await shot('person-form-api-error');
    },
  },
  {
    name: 'admin walks the registry pages: organisations, venues, households, roles, import, audit',
    async run({ page, login, goto, shot, check }) {
      await login('admin');
      for (const [path, id, name] of [
        ['/console/organisations', 'organisations-table', 'organisations'],
        ['/console/venues', 'venues-table', 'venues'],
        ['/console/households', 'households-table', 'households'],
        ['/console/assignments', 'assignments-table', 'assignments'],
        ['/console/audit', 'audit-table', 'audit'],
      ]) {
        await goto(path);
        await page.getByTestId(id).waitFor();
        await page.waitForLoadState('networkidle');
        await shot(name);
      }
      // The role filter (shared by the roles and people lists) lists the three heads first and is kept in the URL.
      for (const [path, id] of [
        ['/console/assignments', 'assignments-table'],
        ['/console/people', 'people-table'],
      ]) {
        await goto(path);
        await page.getByTestId(id).locator('tbody tr.ant-table-row').first().waitFor();
        await page.getByRole('combobox', { name: '角色' }).click();
        const options = await page.locator('.ant-select-item-option').allInnerTexts();
        check(options[0] === '楼长', `${path}: the role filter starts with 楼长 (${options.slice(0, 3).join(', ')})`);
        await page.locator('.ant-select-item-option').first().click();
        await page.waitForURL(/role=building_head/);
        await page.waitForLoadState('networkidle');
        if (id === 'assignments-table') {
          await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=assignments-table] tbody tr.ant-table-row')].every((tr) => tr.textContent.includes('楼长')), null, { timeout: 10_000 }).catch(() => undefined);
          const rows = await page.getByTestId(id).locator('tbody tr.ant-table-row').allInnerTexts();
          check(rows.length > 0 && rows.every((r) => r.includes('楼长')), `only 楼长 assignments are listed (${rows.length} rows; ${rows[0]?.slice(0, 80)})`);
        }
      }
      // The demo data has organisations and venues: each list opens its record.
      for (const [path, table, field, name] of [
        ['/console/organisations', 'organisations-table', 'org-name', 'organisation'],
        ['/console/venues', 'venues-table', 'venue-name', 'venue'],
      ]) {
        await goto(path);
        const first = page.getByTestId(table).locator('tbody tr.ant-table-row a').first();
        await first.waitFor();
        const listed = (await first.innerText()).trim();
        await first.click();
        const title = (await page.getByTestId(field).innerText()).trim();
        check(title.includes(listed), `${name}: the record opened is the one listed (${listed} → ${title})`);
        await shot(name);
      }
      await goto('/console/imports');
      await page.getByTestId('import-dry-run').waitFor();
      check(await page.getByTestId('import-dry-run').isVisible(), 'the import page offers a dry run');
      await shot('imports');
    },
  },
  {
    name: 'auditor reads but is offered no changes',
    async run({ page, login, goto, check }) {
      await login('auditor');
      await goto('/console/people');
      await page.getByTestId('people-table').locator('tbody tr.ant-table-row').first().waitFor();
      check((await page.getByTestId('person-create').count()) === 0, 'no “register a person” for an auditor');
      await page.getByTestId('people-table').locator('tbody tr.ant-table-row a').first().click();
      await page.getByTestId('person-name').waitFor();
      check((await page.getByTestId('person-edit').count()) === 0, 'no edit button: the server did not allow it');
      check((await page.getByTestId('assignment-end').count()) === 0, 'no end-assignment buttons');
    },
  },
];
