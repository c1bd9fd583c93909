import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { ensureDemoData } from '../src/seed/demo.js';
import { DEMO_PASSWORD } from '../src/seed/demo-accounts.js';
import type { Clock } from '../src/shared/time.js';

/** A clock tests can move. */
export class TestClock implements Clock {
  // Starts at the real time so records made by the seed (stamped with real time) come before the test's own.
  constructor(public current = new Date()) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Opens a fresh database: in-memory PGlite, or a new PostgreSQL database when DATABASE_URL is set. */
export async function freshDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    return { ...db, drop: async () => db.close() };
  }
  const name = `shuren_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: u.toString(), dataDir: '', poolSize: 10 });
  return {
    ...db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  close(): Promise<void>;
  /** Signs in and returns the session cookie header value. */
  login(login: string, password?: string): Promise<string>;
}

export async function createTestApp(opts: { seed?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const clock = new TestClock();
  const config = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv, { sessionCacheSeconds: 0, ...opts.config });
  const app = await buildApp({ config, database, clock });
  if (opts.seed !== false) await ensureDemoData(database.db, { scale: 'small' });
  clock.current = new Date(Date.now() + 1000);
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.drop();
    },
    login: async (login, password = DEMO_PASSWORD) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
      if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
      return cookieOf(res);
    },
  };
}

export function cookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'shuren_session');
  if (!c) throw new Error('no session cookie');
  return `shuren_session=${c.value}`;
}
