/* global localStorage, document */
// Signing in and out, landing pages per role, session expiry, language switch.
export default [
  {
    name: 'admin signs in, lands in the console, signs out',
    async run({ page, login, check, shot, expectTestId }) {
      await login('admin');
      check(new URL(page.url()).pathname.startsWith('/console'), `admin should land in /console, got ${page.url()}`);
      await expectTestId('region-tree');
      check((await page.getByTestId('me-name').innerText()).length > 0, 'the signed-in name is shown');
      await shot('console-home');
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login/);
      const r = await page.evaluate(() => fetch('/api/v1/auth/me').then((x) => x.status));
      check(r === 401, `after sign-out /auth/me should be 401, got ${r}`);
    },
  },
  {
    name: 'worker: expired session goes to sign-in and comes back to the same page',
    async run({ page, context, login, goto, check, baseUrl, shot }) {
      await login('worker');
      await goto('/console/people?q=%E5%BC%A0');
      await page.getByTestId('people-table').waitFor();
      // The session ends behind the user's back (expiry, sign-out elsewhere).
      await context.clearCookies();
      await goto('/console/organisations');
      await page.waitForURL(/\/login/);
      const url = new URL(page.url());
      check(url.searchParams.get('next') === '/console/organisations', `next should carry the page, got ${url.search}`);
      await shot('sign-in-again');
      await page.locator('#login').fill('worker');
      await page.locator('#password').fill('shuren2026');
      await page.getByTestId('login-submit').click();
      await page.waitForURL(`${baseUrl}/console/organisations`);
      await page.getByTestId('organisations-table').waitFor();
    },
  },
  {
    name: 'an API 401 in the middle of work sends to sign-in with the way back',
    async run({ page, context, login, goto, check }) {
      await login('admin');
      await goto('/console/venues');
      await page.getByTestId('venues-table').waitFor();
      await context.clearCookies();
      // Searching triggers an API call that now answers 401.
      await page.getByTestId('search').locator('input').fill('站');
      await page.getByTestId('search').locator('input').press('Enter');
      await page.waitForURL(/\/login\?/);
      const url = new URL(page.url());
      check(url.searchParams.get('expired') === '1', 'the sign-in page says the session expired');
      check((url.searchParams.get('next') ?? '').startsWith('/console/venues'), `next=${url.searchParams.get('next')}`);
    },
  },
  {
    name: 'wrong password is refused with a message',
    async run({ page, goto, expectTestId, check }) {
      await goto('/login');
      await page.locator('#login').fill('admin');
      await page.locator('#password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      await expectTestId('login-error');
      check((await page.getByTestId('login-error').innerText()).includes('错误'), 'message in Chinese');
    },
  },
  {
    name: 'English switch is remembered',
    async run({ page, login, goto, expectText, check }) {
      await login('auditor');
      await page.getByTestId('lang-switch').click();
      await expectText('Sign out');
      await goto('/console/people');
      await expectText('People');
      check(await page.evaluate(() => localStorage.getItem('shuren.lang')) === 'en', 'language stored');
      check(await page.evaluate(() => document.documentElement.lang) === 'en', 'html lang follows');
    },
  },
  {
    name: 'resident and 楼长 land on the resident pages',
    async run({ page, login, check, logout }) {
      await login('resident');
      check(new URL(page.url()).pathname.startsWith('/r'), `resident should land in /r, got ${page.url()}`);
      await logout();
      await login('louzhang');
      check(new URL(page.url()).pathname.startsWith('/r'), `louzhang should land in /r, got ${page.url()}`);
    },
  },
];
