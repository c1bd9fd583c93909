/* global document -- used inside page.evaluate / waitForFunction callbacks, which run in the browser */
// The subdistrict admin's settings (设置): a question added to a category reaches the resident's report screen,
// a new holiday year is read from the State Council notice and saved, an Open311 key is issued once and works
// from another program; a community worker sees no settings and the API refuses them.

import { URLSearchParams } from 'node:url';

const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知（演练）
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（农历除夕、周六）至13日（周六）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。`;

const state = { apiKey: null };

export default [
  {
    name: 'admin adds a question to 宠物',
    async run({ page, login, goto, shot, check, expectTestId, adminApi }) {
      await login('admin');
      await goto('/console');
      await page.getByRole('menuitem', { name: '设置' }).click();
      await expectTestId('categories-table');
      await page.getByTestId('category-row-safety_hazard').waitFor();
      await shot('category-tree');
      await page.getByTestId('category-edit-pets').click();
      await expectTestId('category-form');
      await page.getByTestId('question-add').click();
      await page.getByTestId('question-0-key').fill('pet_kind');
      await page.getByTestId('question-0-zh').fill('是什么宠物');
      await page.getByTestId('question-0-en').fill('What kind of pet');
      // Give the grid level its own targets: answer within 1 working hour, fix within 2 working days.
      await page.getByTestId('sla-on-grid').check();
      await page.getByTestId('sla-grid-response-amount').fill('1');
      await shot('edit-drawer');
      await page.getByTestId('category-save').click();
      await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
      const { items } = await adminApi('/appeal-categories');
      const pets = items.find((c) => c.code === 'pets');
      check(pets.questions.some((q) => q.key === 'pet_kind' && q.label.zh === '是什么宠物'), `question not saved: ${JSON.stringify(pets.questions)}`);
      check(pets.sla.grid?.response.amount === 1 && pets.sla.grid.response.unit === 'hours', `grid SLA not saved: ${JSON.stringify(pets.sla)}`);
      await shot('tree-after');
    },
  },
  {
    name: 'the resident is asked the new question when reporting',
    mobile: true,
    async run({ page, login, goto, shot, expectText, expectTestId, axe }) {
      await login('resident');
      await goto('/r/appeals/new');
      await page.getByTestId('category-pets').click();
      await expectTestId('ra-q-pet_kind');
      await expectText('是什么宠物');
      await page.getByTestId('ra-q-pet_kind').fill('金毛犬');
      await axe();
      await shot('report-describe');
    },
  },
  {
    name: 'admin adds the year 2027 from the notice',
    async run({ page, login, goto, shot, check, expectTestId, adminApi }) {
      await login('admin');
      await goto('/console/settings/holidays');
      await expectTestId('holiday-year-2026');
      await shot('years');
      await page.getByTestId('holiday-year-add').click();
      await page.getByTestId('holiday-year-input').fill('2027');
      await page.getByTestId('holiday-year-add-ok').click();
      await expectTestId('holiday-year-editor');
      // The editor may re-render once the year's (empty) data arrives, which clears what was typed: fill until it sticks.
      const notice = page.getByTestId('holiday-notice');
      for (let attempt = 0; attempt < 5; attempt++) {
        await notice.fill(NOTICE_2027);
        await page.waitForTimeout(300);
        if ((await notice.inputValue()) === NOTICE_2027) break;
      }
      check((await notice.inputValue()) === NOTICE_2027, 'the notice text did not stay in the box');
      await page.getByTestId('holiday-notice-read').click();
      await page.getByText('2027-02-13').waitFor();
      await shot('year-2027-read');
      await page.getByTestId('holiday-year-save').click();
      await expectTestId('holiday-year-2027');
      const year = await adminApi('/holiday-years/2027');
      check(year.holidays.length === 11, `expected 11 days off, got ${year.holidays.length}`);
      check(JSON.stringify(year.makeupWorkdays) === JSON.stringify(['2027-02-14', '2027-02-20']), `make-up days: ${year.makeupWorkdays}`);
      check(year.holidays.find((h) => h.date === '2027-02-10')?.name === '春节', 'Spring Festival days named');
      await shot('year-2027-saved');
    },
  },
  {
    name: 'admin issues an Open311 key and a partner program uses it',
    async run({ page, login, goto, shot, check, expectTestId, baseUrl }) {
      await login('admin');
      await goto('/console/settings/open311');
      await expectTestId('open311-clients');
      await page.getByTestId('open311-issue').click();
      await page.getByTestId('open311-name').fill('区12345热线对接');
      await page.getByTestId('open311-issue-ok').click();
      await expectTestId('open311-key');
      state.apiKey = (await page.getByTestId('open311-key').innerText()).trim();
      check(/^o311_/.test(state.apiKey), `key shown: ${state.apiKey}`);
      await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
      await shot('key-shown-once');
      await page.getByTestId('open311-key-done').click();
      await page.getByText('区12345热线对接').first().waitFor();
      check(!(await page.locator('body').innerText()).includes(state.apiKey), 'the key is not shown again');
      await shot('clients');
      // Another program, with nothing but the key.
      const res = await fetch(`${baseUrl}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ api_key: state.apiKey, service_code: 'pets', lat: '23.0300', long: '113.1500', description: '小区草坪上的狗粪没人清理', 'attribute[pet_kind]': '狗' }).toString(),
      });
      const body = await res.json();
      check(res.status === 200 && body[0]?.service_request_id, `Open311 POST: ${res.status} ${JSON.stringify(body)}`);
      const read = await (await fetch(`${baseUrl}/open311/v2/requests/${body[0].service_request_id}.json?api_key=${encodeURIComponent(state.apiKey)}`)).json();
      check(read[0]?.service_code === 'pets', `read back: ${JSON.stringify(read)}`);
    },
  },
  {
    name: 'a community worker sees no settings and the API refuses them',
    async run({ page, login, goto, shot, check, expectTestId }) {
      await login('worker');
      await goto('/console');
      const menu = await page.locator('.ant-menu').first().innerText();
      check(!menu.includes('设置'), `settings in the worker's menu: ${menu}`);
      await goto('/console/settings/categories');
      await expectTestId('no-access');
      await shot('no-access');
      const statuses = await page.evaluate(async () => {
        const call = (p, init) => fetch(`/api/v1${p}`, { credentials: 'same-origin', ...init }).then((r) => r.status);
        const json = { 'content-type': 'application/json' };
        return {
          categories: await call('/appeal-categories'),
          create: await call('/appeal-categories', { method: 'POST', headers: json, body: JSON.stringify({ code: 'x', name: { zh: 'x', en: 'x' }, defaultLevel: 'grid' }) }),
          years: await call('/holiday-years'),
          putYear: await call('/holiday-years/2028', { method: 'PUT', headers: json, body: JSON.stringify({ holidays: [], makeupWorkdays: [] }) }),
          clients: await call('/open311/clients'),
          issue: await call('/open311/clients', { method: 'POST', headers: json, body: JSON.stringify({ name: 'x' }) }),
        };
      });
      check(Object.values(statuses).every((s) => s === 403), `expected 403 everywhere: ${JSON.stringify(statuses)}`);
    },
  },
];
