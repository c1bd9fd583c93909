/**
 * `npm run bench` — throughput of our write and list endpoints against a ceiling, on PostgreSQL.
 *
 * One process hosts (1) the real app and (2) a bare Fastify instance whose one route inserts one row through
 * the SAME pg pool: the ceiling, i.e. what this machine's Node + PostgreSQL can do for "one HTTP request,
 * one INSERT". autocannon runs in a child process. Scenarios:
 *   a. ceiling            POST /ceiling                         (no auth, no validation, one INSERT)
 *   b. create person      POST /api/v1/people  as the worker     (session, validation, policy, audit)
 *   c. list people        GET  /api/v1/people?regionId=<community> as the worker
 * Until the people module exists, b/c fall back to POST/GET /api/v1/regions as the admin.
 *
 * Flags: --smoke (≈3 s per scenario, no warm-up; exits 1 on any non-2xx or error), --json, --duration N,
 * --connections N. DATABASE_URL (any database on the server; default postgres://postgres@127.0.0.1:5432/postgres)
 * tells where to create the scratch database `shuren_bench_*`, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/client.js';
import { ensureDemoData } from '../apps/server/src/seed/demo.js';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo-accounts.js';
import { CEILING_BODY, runLoad, startCeiling, type LoadResult } from './harness.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const smoke = flag('smoke');
const asJson = flag('json');
const duration = option('duration', smoke ? 3 : 15);
const warmup = smoke ? 0 : option('warmup', 3);
const connections = option('connections', 50);
const say = (msg: string) => {
  if (!asJson) console.error(msg);
};

interface Scenario {
  key: string;
  label: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const load = (spec: Omit<Scenario, 'key' | 'label'> & { duration: number }): Promise<LoadResult> => runLoad({ ...spec, connections });

async function main() {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `shuren_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;

  const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: url.toString(), LOG_LEVEL: process.env.LOG_LEVEL || 'warn', DEMO_DATA: 'true' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: '', poolSize: config.dbPoolSize });
  const pool = database.pool!;
  const servers: { close(): Promise<unknown> }[] = [];
  try {
    await ensureDemoData(database.db, { scale: 'small' });

    const app = await buildApp({ config, database });
    servers.push(app);
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });

    // The ceiling: same process, same pool, no auth, no validation, no audit.
    const ceiling = await startCeiling(pool);
    servers.push(ceiling.server);

    const people = app.hasRoute({ method: 'POST', url: '/api/v1/people' }) && app.hasRoute({ method: 'GET', url: '/api/v1/people' });
    const who = people ? 'worker' : 'admin';
    const login = await fetch(`${appUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: who, password: DEMO_PASSWORD }) });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (login.status !== 200 || !cookie) throw new Error(`login as ${who} failed: ${login.status}`);
    const codeOf = async (code: string) => (await pool.query<{ id: string }>('select id from regions where code = $1', [code])).rows[0].id;
    const community = await codeOf('GC-C01');
    const compound = await codeOf('GC-C01-G01');
    const building = await codeOf('GC-C01-G01-B01');
    const headers = { cookie, 'content-type': 'application/json' };

    const scenarios: Scenario[] = [
      { key: 'ceiling', label: 'ceiling: bare Fastify + 1 INSERT', url: ceiling.url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: CEILING_BODY },
      people
        ? { key: 'create', label: 'POST /api/v1/people (worker)', url: `${appUrl}/api/v1/people`, method: 'POST' as const, headers, body: JSON.stringify({ name: '测试居民{{n}}', homeRegionId: building, gender: 'female', birthYear: 1980 }) }
        : { key: 'create', label: 'POST /api/v1/regions (admin; people module absent)', url: `${appUrl}/api/v1/regions`, method: 'POST' as const, headers, body: JSON.stringify({ parentId: compound, kind: 'building', code: 'B{{n}}', name: '压测楼{{n}}' }) },
      people
        ? { key: 'list', label: 'GET /api/v1/people?regionId=<community> (worker)', url: `${appUrl}/api/v1/people?regionId=${community}`, method: 'GET' as const, headers: { cookie } }
        : { key: 'list', label: 'GET /api/v1/regions?regionId=<community> (admin)', url: `${appUrl}/api/v1/regions?regionId=${community}`, method: 'GET' as const, headers: { cookie } },
    ];

    const results: Record<string, LoadResult & { label: string; cpuMicrosPerRequest: number }> = {};
    for (const s of scenarios) {
      if (warmup > 0) {
        say(`warming up ${s.label} (${warmup}s)…`);
        await load({ ...s, duration: warmup });
      }
      say(`measuring ${s.label} (${duration}s, ${connections} connections)…`);
      // CPU time this process (app + ceiling server) spends per request: unlike req/s, barely moved by other load.
      const cpu = process.cpuUsage();
      const r = await load({ ...s, duration });
      const used = process.cpuUsage(cpu);
      results[s.key] = { label: s.label, ...r, cpuMicrosPerRequest: Math.round((used.user + used.system) / Math.max(1, r.requests)) };
    }

    const a = results.ceiling.requestsPerSecond || 1;
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: (await pool.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))) },
      mode: smoke ? 'smoke' : 'full',
      durationSeconds: duration,
      connections,
      poolSize: config.dbPoolSize,
      endpoints: people ? 'people' : 'regions (fallback)',
      scenarios: results,
      ratios: { createToCeiling: results.create.requestsPerSecond / a, listToCeiling: results.list.requestsPerSecond / a },
    };

    if (asJson) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(`\nShuren benchmark — ${report.date} — ${report.machine.cpus} × ${report.machine.model}, node ${report.machine.node}, PostgreSQL ${report.machine.postgres}`);
      console.log(`${connections} connections, ${duration}s per scenario${warmup ? ` after ${warmup}s warm-up` : ''}, pool ${config.dbPoolSize}, load average ${report.machine.loadAverage.join(' ')}\n`);
      console.log(`${'scenario'.padEnd(56)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(8)} ${'CPU µs/req'.padStart(11)} ${'non-2xx'.padStart(8)}`);
      for (const r of Object.values(results)) {
        console.log(`${r.label.padEnd(56)} ${r.requestsPerSecond.toFixed(0).padStart(9)} ${String(r.latencyP99).padStart(8)} ${String(r.cpuMicrosPerRequest).padStart(11)} ${String(r.non2xx + r.errors).padStart(8)}`);
      }
      console.log(`\nratio b/a (create / ceiling): ${(report.ratios.createToCeiling * 100).toFixed(1)}%`);
      console.log(`ratio c/a (list / ceiling):   ${(report.ratios.listToCeiling * 100).toFixed(1)}%`);
    }

    const bad = Object.values(results).filter((r) => r.non2xx > 0 || r.errors > 0 || r.requests === 0);
    if (bad.length) {
      for (const r of bad) console.error(`${r.label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.requests} requests, status ${JSON.stringify(r.statusCodes)}`);
      process.exitCode = 1;
    }
  } finally {
    for (const s of servers.reverse()) await s.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
