import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

/**
 * The real server as an operator runs it (`node --import tsx apps/server/src/server.ts`): start, health, docs,
 * logs, the data-directory lock, SIGTERM and restart, production defaults. Without DATABASE_URL the servers use
 * PGlite on a temporary DATA_DIR; with it, each server gets a fresh PostgreSQL database (the lock is PGlite's).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PG_URL = process.env.DATABASE_URL || null;
if (PG_URL) console.log('[lifecycle] skipped on PostgreSQL: the data-directory lock test, since the lock guards the embedded database directory only');
const SLOW = 400_000;

interface Server {
  proc: ChildProcess;
  url: string;
  out(): string;
  err(): string;
  exited: Promise<number | null>;
}

const started: Server[] = [];
const cleanup: (() => Promise<void>)[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuren-life-'));
  cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freshPgUrl(): Promise<string> {
  const name = `shuren_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL! });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  cleanup.push(async () => {
    const c = new pg.Client({ connectionString: PG_URL! });
    await c.connect();
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.end();
  });
  const u = new URL(PG_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Where a server keeps its data: a DATA_DIR (PGlite) or a database (PostgreSQL). */
async function freshStore(): Promise<Record<string, string>> {
  return PG_URL ? { DATABASE_URL: await freshPgUrl() } : { DATA_DIR: tempDir() };
}

function spawnServer(env: Record<string, string>, port: number): Server {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  delete childEnv.VITEST;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const server = { proc, url: `http://127.0.0.1:${port}`, out: () => out, err: () => err, exited };
  started.push(server);
  return server;
}

/** Starts a server and waits until /healthz answers (or the process gives up). */
async function startServer(env: Record<string, string>): Promise<Server> {
  const s = spawnServer(env, await freePort());
  let gone = false;
  void s.exited.then(() => (gone = true));
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited before it was ready:\n${s.out()}\n${s.err()}`);
    const ok = await fetch(`${s.url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return s;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready in time:\n${s.out()}\n${s.err()}`);
}

async function stop(s: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return s.proc.exitCode;
  s.proc.kill(signal);
  return s.exited;
}

async function login(s: Server, who = 'admin', password = 'shuren2026'): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${s.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: who, password }) });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
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
    const { cookie } = await login(first);
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
    const session = await login(again);
    const read = await fetch(`${again.url}/api/v1/regions/${id}`, { headers: { cookie: session.cookie } });
    expect(read.status).toBe(200);
    expect((await read.json()).name).toBe('重启前写入的楼栋');
    // Demo data is loaded once: the restart did not add a second tree.
    const roots = await (await fetch(`${again.url}/api/v1/regions?level=subdistrict`, { headers: { cookie: session.cookie } })).json();
    expect(roots.items).toHaveLength(1);
    expect(await stop(again, 'SIGINT')).toBe(0);
  }, SLOW);

  it('loads no demo data and prints no demo password in production', async () => {
    const prod = await startServer({ ...(await freshStore()), NODE_ENV: 'production', DEMO_DATA: '' });
    expect(prod.out()).not.toContain('shuren2026');
    expect((await login(prod)).status).toBe(401);
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
