/* global document, getComputedStyle */
// A new resident registers on a phone: asks for a code (the development console sender writes it to the
// server log, which run.mjs captures), chooses a password, signs in and lands on the resident pages.
// The sign-in and registration pages pass axe with no critical or serious violations.

/** The code the console verification sender logged for this phone (the newest one). */
function codeFromLog(log, phone) {
  const re = new RegExp(`verification code for ${phone}: (\\d{6})`, 'g');
  let last = null;
  for (const m of log.matchAll(re)) last = m[1];
  return last;
}

/** Tap targets and type size an elderly resident can use: every button/input/link ≥ 48 px tall, text ≥ 18 px. */
async function checkLargeEnough(page, check) {
  const small = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('button, input, a')) {
      const r = el.getBoundingClientRect();
      if (r.height < 48) out.push(`${el.tagName.toLowerCase()}#${el.id || el.textContent?.trim()} ${Math.round(r.height)}px tall`);
    }
    for (const el of document.querySelectorAll('p, label, input, button, a')) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 18) out.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 20)}" ${size}px text`);
    }
    return out;
  });
  check(!small.length, `too small on a phone: ${small.join('; ')}`);
}

export default [
  {
    name: 'a new resident registers with a code and lands on the resident pages',
    mobile: true,
    async run({ page, goto, shot, axe, check, expectTestId, serverLog }) {
      const phone = `139${String(Date.now()).slice(-8)}`;
      await goto('/login');
      await page.getByTestId('login-submit').waitFor();
      await axe({ failOn: ['critical', 'serious'] });
      await checkLargeEnough(page, check);
      await shot('login');

      await page.getByRole('link', { name: '居民注册' }).click();
      await page.waitForURL(/\/register$/);
      await page.getByTestId('register-submit').waitFor();
      await axe({ failOn: ['critical', 'serious'] });
      await checkLargeEnough(page, check);
      await shot('register');

      // Asking for a code without a number says so at the field.
      await page.getByTestId('send-code').click();
      await expectTestId('phone-error');
      check((await page.getByTestId('phone-error').innerText()).includes('手机号'), 'phone field explains what is missing');

      await page.getByLabel('手机号', { exact: true }).fill(phone);
      await page.getByTestId('send-code').click();
      await expectTestId('code-sent');
      let code = null;
      for (let i = 0; i < 20 && !code; i++) {
        code = codeFromLog(serverLog(), phone);
        if (!code) await page.waitForTimeout(100);
      }
      check(code, `the development sender logged a code for ${phone}`);

      // A wrong code is refused in place (the server's field error), then the right one works.
      await page.getByLabel('短信验证码', { exact: true }).fill(code === '000000' ? '111111' : '000000');
      await page.getByLabel('姓名', { exact: true }).fill('测试居民');
      await page.getByLabel('设置密码', { exact: true }).fill('lao-jie-fang-2026');
      await page.getByTestId('register-submit').click();
      await expectTestId('register-error');
      await axe({ failOn: ['critical', 'serious'] });
      await shot('wrong-code');

      await page.getByLabel('短信验证码', { exact: true }).fill(code);
      await page.getByTestId('register-submit').click();
      await page.waitForURL((u) => u.pathname === '/r' || u.pathname.startsWith('/r/'));
      await page.waitForLoadState('networkidle');
      await shot('landed');
      const me = await page.evaluate(() => fetch('/api/v1/auth/me').then(async (r) => ({ status: r.status, ...(await r.json()) })));
      check(me.name === '测试居民', `signed in as the new resident, got ${JSON.stringify(me)}`);

      // Signing in again later with the mobile number and the new password.
      await page.evaluate(() => fetch('/api/v1/auth/logout', { method: 'POST' }));
      await page.context().clearCookies();
      await goto('/login');
      await page.locator('#login').fill(phone);
      await page.locator('#password').fill('lao-jie-fang-2026');
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => u.pathname === '/r' || u.pathname.startsWith('/r/'));
    },
  },
  {
    name: 'sign-in and registration in English pass axe on a phone',
    mobile: true,
    async run({ page, goto, axe, shot, check, expectText }) {
      await goto('/login');
      await page.getByTestId('lang-switch').click();
      await expectText('Sign in');
      const name = await page.getByTestId('lang-switch').getAttribute('aria-label');
      check(name?.startsWith('中文'), `the switch's name starts with its visible text, got ${name}`);
      await axe({ failOn: ['critical', 'serious'] });
      await shot('login-en');
      await goto('/register');
      await expectText('Resident registration');
      await axe({ failOn: ['critical', 'serious'] });
      await shot('register-en');
    },
  },
];
