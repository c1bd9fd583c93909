// Browser journeys: `npm run build` first, then `npm run test:e2e`.
// Starts the server on a free port with a fresh data dir (demo data loads) and a clock admins may move
// (CLOCK_CONTROL=true, for the "nobody responds" journey), runs every e2e/*.spec.mjs
// in headless Debian Chromium through playwright-core, writes screenshots to e2e/screenshots/,
// prints `e2e: N passed, N failed` and exits non-zero on failure.
//   node e2e/run.mjs [filter]      only journeys whose file or name contains `filter`
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, createWriteStream } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { makeContext, PASSWORD } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// E2E_WEB_DIST / E2E_OUT let several people run journeys side by side without sharing one build or log.
const webDist = process.env.E2E_WEB_DIST ? path.resolve(process.env.E2E_WEB_DIST) : path.join(root, 'apps/web/dist');
const screenshotDir = process.env.E2E_OUT ? path.resolve(process.env.E2E_OUT) : path.join(here, 'screenshots');
const filter = process.argv[2];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(path.join(webDist, 'index.html'))) {
  console.error(`e2e: ${webDist} is missing — run \`npm run build\` first`);
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`e2e: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  process.exit(2);
}
mkdirSync(screenshotDir, { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shuren-e2e-'));
  const logFile = path.join(screenshotDir, 'server.log');
  const log = createWriteStream(logFile);
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development', CLOCK_CONTROL: 'true', WEB_DIST: webDist, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (b) => {
    log.write(b);
    output += b.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(`${baseUrl}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    serverLog: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in API client for lookups the journeys need (ids of demo records). */
function apiClient(baseUrl, login) {
  let cookie = null;
  return async function call(p, init = {}) {
    if (!cookie) {
      const r = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
      if (!r.ok) throw new Error(`API sign-in as ${login} failed: ${r.status}`);
      cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    }
    const r = await fetch(`${baseUrl}/api/v1${p}`, { ...init, headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) } });
    const body = r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text();
    if (!r.ok) throw new Error(`GET ${p} → ${r.status} ${JSON.stringify(body)}`);
    return body;
  };
}

/** A spec exports `default` (or `journeys`): one journey `{ name, run }`, a list of them, or a bare async function. */
async function loadJourneys() {
  const files = readdirSync(here).filter((f) => /\.spec\.m?js$/.test(f)).sort();
  const out = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(here, f)).href);
    let list = mod.journeys ?? mod.default;
    if (typeof list === 'function') list = [{ name: f.replace(/\.spec\.m?js$/, ''), run: list }];
    if (!Array.isArray(list)) list = [list];
    for (const j of list) out.push({ file: f, name: j.name, run: j.run, viewport: j.viewport, mobile: j.mobile });
  }
  return out.filter((j) => !filter || j.file.includes(filter) || j.name.includes(filter));
}

const journeys = await loadJourneys();
console.log(`e2e: ${journeys.length} journeys`);
const server = await startServer();
console.log(`e2e: server at ${server.baseUrl}`);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const adminApi = apiClient(server.baseUrl, 'admin');
let passed = 0;
const failures = [];
try {
  for (const j of journeys) {
    const started = Date.now();
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: j.viewport ?? (j.mobile ? { width: 390, height: 844 } : { width: 1440, height: 900 }),
      ...(j.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    context.setDefaultTimeout(15000);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const ctx = makeContext({ page, context, baseUrl: server.baseUrl, screenshotDir, journeyName: `${j.file.replace(/\.spec\.m?js$/, '')}--${j.name}`, adminApi, serverLog: server.serverLog });
    try {
      await j.run(ctx);
      if (pageErrors.length) throw new Error(`uncaught errors in the page: ${pageErrors.join(' | ')}`);
      passed++;
      console.log(`  ✓ ${j.file} › ${j.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failures.push({ j, e });
      console.log(`  ✗ ${j.file} › ${j.name}\n      ${String(e?.message ?? e).split('\n').slice(0, 6).join('\n      ')}`);
      await ctx.shot('FAILED').catch(() => {});
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`e2e: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
