import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The real server as a child process (`node --import tsx apps/server/src/server.ts`), for tests that need a
 * process to kill: where it keeps its data (a PGlite DATA_DIR, or a fresh PostgreSQL database when
 * DATABASE_URL is set), start and wait for /healthz, stop with a signal, sign in.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const PG_URL = process.env.DATABASE_URL || null;

export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  out(): string;
  err(): string;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
}

/** A data store for servers: a temporary DATA_DIR (PGlite) or a fresh database (PostgreSQL); `remove` drops it. */
export interface Store {
  env: Record<string, string>;
  dataDir: string | null;
  databaseUrl: string | null;
  remove(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function freshStore(prefix = 'shuren-proc-'): Promise<Store> {
  if (!PG_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    return { env: { DATA_DIR: dir }, dataDir: dir, databaseUrl: null, remove: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  // Named like the other tests' databases, so global-setup clears leftovers of killed runs.
  const name = `shuren_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString() },
    dataDir: null,
    databaseUrl: u.toString(),
    remove: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

export function spawnServer(env: Record<string, string>, port: number): ServerProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  delete childEnv.VITEST;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, url: `http://127.0.0.1:${port}`, out: () => out, err: () => err, exited };
}

/** Starts a server and waits until /healthz answers 200 (or the process gives up). */
export async function startServer(env: Record<string, string>, timeoutMs = 300_000): Promise<ServerProcess> {
  const s = spawnServer(env, await freePort());
  let gone = false;
  void s.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited before it was ready:\n${s.out()}\n${s.err()}`);
    const ok = await fetch(`${s.url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return s;
    await new Promise((r) => setTimeout(r, 200));
  }
  s.proc.kill('SIGKILL');
  throw new Error(`server not ready in time:\n${s.out()}\n${s.err()}`);
}

export async function stopServer(s: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return s.proc.exitCode;
  s.proc.kill(signal);
  return s.exited;
}

/** Signs in through the API and returns the session cookie header value. */
export async function loginAs(s: ServerProcess, login: string, password = 'shuren2026'): Promise<string> {
  const res = await fetch(`${s.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}
