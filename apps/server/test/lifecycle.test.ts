import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { freePort, freshStore as freshProcessStore, loginAs, PG_URL, spawnServer as spawnProcess, startServer as startProcess, stopServer as stop, type ServerProcess as Server } from './server-process.js';

/**
 * The real server as an operator runs it (`node --import tsx apps/server/src/server.ts`): start, health, docs,
 * logs, the data-directory lock, SIGTERM and restart, production defaults. Without DATABASE_URL the servers use
 * PGlite on a temporary DATA_DIR; with it, each server gets a fresh PostgreSQL database (the lock is PGlite's).
 * The servers log at info level here: the request log lines and the shutdown message are what is checked.
 */
if (PG_URL) console.log('[lifecycle] skipped on PostgreSQL: the data-directory lock test, since the lock guards the embedded database directory only');
const SLOW = 400_000;

const started: Server[] = [];
const cleanup: (() => Promise<void>)[] = [];

/** Where a server keeps its data: a DATA_DIR (PGlite) or a database (PostgreSQL), removed after the suite. */
async function freshStore(): Promise<Record<string, string>> {
  const store = await freshProcessStore('shuren-life-');
  cleanup.push(store.remove);
  return store.env;
}

function spawnServer(env: Record<string, string>, port: number): Server {
  const server = spawnProcess({ LOG_LEVEL: 'info', ...env }, port);
  started.push(server);
  return server;
}

/** Starts a server and waits until /healthz answers (or the process gives up). */
async function startServer(env: Record<string, string>): Promise<Server> {
  const server = await startProcess({ LOG_LEVEL: 'info', ...env });
  started.push(server);
  return server;
}

afterAll(async () => {
  for (const s of started) await stop(s, 'SIGKILL');
  for (const c of cleanup) await c().catch(() => undefined);
});

describe('server lifecycle', () => {
  // Server starts are slow on a busy machine (tsx, PGlite's initdb, migrations): one server serves several checks.
  let store: Record<string, string>;
  let first: Server;
  beforeAll(async () => {
    store = await freshStore();
    first = await startServer(store);
  }, SLOW);

  it('reports the database on /healthz, serves the API docs and logs JSON lines carrying the request id', async () => {
    const health = await fetch(`${first.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'up', kind: PG_URL ? 'postgres' : 'pglite' });
    const requestId = health.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    const ui = await fetch(`${first.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    const spec = await fetch(`${first.url}/api/docs/json`);
    expect(spec.status).toBe(200);
    const doc = await spec.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/regions');

    // The demo accounts are printed for a development start.
    expect(first.out()).toContain('shuren2026');
    await new Promise((r) => setTimeout(r, 200)); // let the log line of the health check reach us
    const lines = first
      .out()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(lines.some((l) => l.reqId === requestId && typeof l.level === 'number' && typeof l.time === 'number')).toBe(true);
  });

  it.skipIf(PG_URL)('refuses a second server on the same data directory with a clear message and a non-zero exit', async () => {
    const second = spawnServer(store, await freePort());
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.err()).toContain('in use by another Shuren server');
    expect(second.err()).toContain(store.DATA_DIR);
    // The first one is unharmed.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  }, SLOW);

  it('shuts down cleanly on SIGTERM and a restart on the same data sees what was written before', async () => {
    const cookie = await loginAs(first, 'admin');
    const regions = await (await fetch(`${first.url}/api/v1/regions?level=grid2`, { headers: { cookie } })).json();
    const compound = regions.items[0];
    const created = await fetch(`${first.url}/api/v1/regions`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ parentId: compound.id, kind: 'building', code: 'LIFE-B99', name: '重启前写入的楼栋' }),
    });
    expect(created.status).toBe(201);
    const id = (await created.json()).id;
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(first.out()).toContain('shutting down');
    if (store.DATA_DIR) expect(fs.existsSync(path.join(store.DATA_DIR, 'server.lock'))).toBe(false);

    const again = await startServer(store);
    const session = await loginAs(again, 'admin');
    const read = await fetch(`${again.url}/api/v1/regions/${id}`, { headers: { cookie: session } });
    expect(read.status).toBe(200);
    expect((await read.json()).name).toBe('重启前写入的楼栋');
    // Demo data is loaded once: the restart did not add a second tree.
    const roots = await (await fetch(`${again.url}/api/v1/regions?level=subdistrict`, { headers: { cookie: session } })).json();
    expect(roots.items).toHaveLength(1);
    expect(await stop(again, 'SIGINT')).toBe(0);
  }, SLOW);

  it('loads no demo data and prints no demo password in production', async () => {
    const prod = await startServer({ ...(await freshStore()), NODE_ENV: 'production', DEMO_DATA: '' });
    expect(prod.out()).not.toContain('shuren2026');
    await expect(loginAs(prod, 'admin')).rejects.toThrow(/login admin failed: 401/);
    expect(await stop(prod)).toBe(0);
  }, SLOW);

  it('loads demo data in production only when DEMO_DATA=true', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).demoData).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA must be true or false/);
  });

  it('stops with a message naming the variable when the configuration is invalid', async () => {
    const s = spawnServer({ ...(await freshStore()), PORT: 'eighty' }, 0);
    expect(await s.exited).toBe(2);
    expect(s.err()).toContain('PORT must be an integer');
  }, SLOW);
});
