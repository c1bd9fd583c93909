// Web first render on a throttled mid-range phone: how long until a resident sees something, and their tiles.
// Starts the server like e2e/run.mjs (free port, temp DATA_DIR, demo data), drives Debian Chromium through
// playwright-core at 390×844 @3x with CDP throttling (≈ Fast 3G: 150 ms, 1.6 Mbps down, 750 Kbps up; CPU ×4),
// loads each page cold (fresh context, cache disabled) RUNS times and reports FCP, DOMContentLoaded, load and
// "ready" (the page's key element visible), all in ms since navigation start, with median and max.
//   /r      signed in as the demo resident 13800000001 (cookie from the API first) → ready = home tile visible
//   /login  signed out → ready = the sign-in button visible
// `npm run build -w apps/web` first.   npx tsx bench/web-first-render.ts [--json]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 5);
const json = process.argv.includes('--json');
const RESIDENT = { login: '13800000001', password: 'shuren2026' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
    srv.on('error', reject);
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shuren-webbench-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development', WEB_DIST: path.join(root, 'apps/web/dist'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited (${child.exitCode}):\n${output}`);
    }
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseUrl, stop };
}

interface Sample {
  fcp: number;
  dcl: number;
  load: number;
  ready: number;
}

async function measure(browser: Browser, baseUrl: string, pagePath: string, readySelector: string, signIn: boolean): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  try {
    if (signIn) {
      // The context's request shares its cookie jar, so the page loads with the session cookie set.
      const r = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: RESIDENT });
      if (!r.ok()) throw new Error(`sign-in failed: ${r.status()} ${await r.text()}`);
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${baseUrl}${pagePath}`, { waitUntil: 'load', timeout: 120_000 });
    await page.locator(readySelector).first().waitFor({ state: 'visible', timeout: 120_000 });
    const ready = await page.evaluate(() => performance.now());
    if (!new URL(page.url()).pathname.startsWith(pagePath)) throw new Error(`${pagePath} ended on ${page.url()}`);
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : NaN, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    return { ...t, ready };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number) => Math.round(x);

async function main() {
  if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    console.error('web-first-render: apps/web/dist is missing — run `npm run build -w apps/web` first');
    process.exit(2);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`web-first-render: no Chromium at ${CHROMIUM}`);
    process.exit(2);
  }
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const cases = [
      { name: 'resident home /r (signed in)', path: '/r', ready: '[data-testid="tile-appeals"]', signIn: true },
      { name: 'sign-in /login (signed out)', path: '/login', ready: '[data-testid="login-submit"]', signIn: false },
    ];
    const results = [];
    for (const c of cases) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, server.baseUrl, c.path, c.ready, c.signIn));
      const stat = (k: keyof Sample) => ({ median: round(median(samples.map((s) => s[k]))), max: round(Math.max(...samples.map((s) => s[k]))) });
      results.push({ page: c.name, runs: RUNS, fcp: stat('fcp'), domContentLoaded: stat('dcl'), load: stat('load'), ready: stat('ready'), samples: samples.map((s) => ({ fcp: round(s.fcp), dcl: round(s.dcl), load: round(s.load), ready: round(s.ready) })) });
    }
    const conditions = { viewport: '390x844@3x mobile touch', network: 'latency 150 ms, 1.6 Mbps down, 750 Kbps up', cpu: '4x slowdown', cache: 'disabled', loadavg: os.loadavg().map((x) => x.toFixed(2)) };
    if (json) {
      console.log(JSON.stringify({ conditions, results }, null, 2));
    } else {
      console.log(`web first render — ${conditions.viewport}; ${conditions.network}; CPU ${conditions.cpu}; cache ${conditions.cache}; load avg ${conditions.loadavg.join(' ')}`);
      console.log('ms since navigation start, median / max of', RUNS, 'cold loads');
      for (const r of results) {
        console.log(`  ${r.page.padEnd(32)} FCP ${r.fcp.median} / ${r.fcp.max}   DCL ${r.domContentLoaded.median} / ${r.domContentLoaded.max}   load ${r.load.median} / ${r.load.max}   ready ${r.ready.median} / ${r.ready.max}`);
      }
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
