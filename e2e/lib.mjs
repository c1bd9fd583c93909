// Helpers shared by the journey specs: sign-in through the real form, screenshots, axe-core, assertions.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const PASSWORD = 'shuren2026';
export const ROLES = { admin: 'admin', auditor: 'auditor', worker: 'worker', gridworker: 'gridworker', louzhang: 'louzhang', resident: '13800000001' };

export class AssertionError extends Error {}

export function check(condition, message) {
  if (!condition) throw new AssertionError(message);
}

/** A call to the API with the page's own session (the browser context's cookies); throws on a non-2xx answer. */
export async function api(page, method, p, data) {
  const res = await page.request.fetch(`/api/v1${p}`, { method, ...(data ? { data } : {}) });
  const body = await res.json().catch(() => null);
  if (!res.ok()) throw new Error(`${method} ${p} → ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Registers a new person with their phone through the API, as the registration page does: asks for a code (the
 * development sender writes it to the server log, which the runner captures), then registers with it.
 */
export async function registerByPhone({ page, baseUrl, serverLog }, { phone, password, name }) {
  const post = (p, body) => fetch(`${baseUrl}/api/v1${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  check((await post('/auth/register/code', { phone })).status === 202, 'a code is sent');
  let code = null;
  for (let i = 0; i < 50 && !code; i++) {
    code = [...serverLog().matchAll(new RegExp(`verification code for ${phone}: (\\d{6})`, 'g'))].pop()?.[1] ?? null;
    if (!code) await page.waitForTimeout(100);
  }
  check((await post('/auth/register', { phone, code, password, name })).status === 201, 'registered');
}

/** Builds the context object every journey receives. */
export function makeContext({ page, context, baseUrl, screenshotDir, journeyName, adminApi, serverLog }) {
  const slug = (s) => s.replace(/[^\w\u4e00-\u9fa5-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const ctx = {
    page,
    context,
    baseUrl,
    adminApi,
    serverLog,
    check,
    /** Signs in through the sign-in form (demo role name or a login) and waits to land. */
    async login(who, password = PASSWORD) {
      const login = ROLES[who] ?? who;
      await page.goto(`${baseUrl}/login`);
      await page.getByTestId('login-submit').waitFor();
      await page.locator('#login').fill(login);
      await page.locator('#password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15000 });
      await page.waitForLoadState('networkidle');
    },
    async logout() {
      await page.evaluate(() => fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'same-origin' }));
      await context.clearCookies();
    },
    async goto(pathname) {
      await page.goto(`${baseUrl}${pathname}`);
      await page.waitForLoadState('networkidle');
    },
    /** Full-page screenshot into e2e/screenshots/<journey>--<name>.png */
    async shot(name) {
      const file = path.join(screenshotDir, `${slug(journeyName)}--${slug(name)}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    /** Runs axe-core on the current page; fails the journey on violations of the given impacts. */
    async axe({ failOn = ['critical'], disable = [] } = {}) {
      await page.addScriptTag({ content: AXE_SOURCE });
      const result = await page.evaluate(async (disabled) => {
        const rules = Object.fromEntries(disabled.map((r) => [r, { enabled: false }]));
        // eslint-disable-next-line no-undef
        const r = await window.axe.run(document, { rules, resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(' ') }));
      }, disable);
      const bad = result.filter((v) => failOn.includes(v.impact));
      check(!bad.length, `axe ${failOn.join('/')} violations on ${page.url()}: ${bad.map((v) => `${v.id} (${v.impact}, ${v.nodes}×, e.g. ${v.target}): ${v.help}`).join('; ')}`);
      return result;
    },
    async text() {
      return page.locator('body').innerText();
    },
    async expectText(text, timeout = 10000) {
      await page.getByText(text, { exact: false }).first().waitFor({ timeout });
    },
    async expectTestId(id, timeout = 10000) {
      await page.getByTestId(id).first().waitFor({ timeout });
    },
  };
  return ctx;
}
