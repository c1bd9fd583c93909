/**
 * `npm run bench:appeals` — appeals at scale, on PostgreSQL, ratios against a ceiling measured in the same run.
 *
 * One process hosts the real app and the ceiling (bare Fastify + one INSERT on the SAME pool, as in bench/run.ts);
 * autocannon runs in a child process. After loading the region tree (`guicheng`) and generating N appeals over it
 * (default 1,000,000; apps/server/src/seed/appeals.ts), it measures:
 *   1. ceiling              POST /ceiling                      req/s, p50/p99
 *   2. submit               POST /api/v1/appeals as a resident (validate, route, insert, timeline, audit, notify)
 *                           spread over the buildings of the resident's community and every category; ratio 2/1
 *   3. queue pages          GET /api/v1/appeals as a community worker and as the operations centre, sequential p50/p99
 *   4. subdistrict metrics  GET /api/v1/regions/<subdistrict>/stats (all modules) and appealStats() called directly
 *                           (3 and 4 on the generated appeals, before the load scenarios; timed again after them, when
 *                           the submit load has added thousands of open reports to the worker's community)
 *   5. sweeper              the overdue query (repository.lockOverdue) timed, and its EXPLAIN (index scan, not seq scan)
 * Targets (issue 4): 2 ≥ 50% of 1; queue p99 < 50 ms; appeal metrics < 200 ms; sweeper one indexed query.
 * For 1 and 2 it also reports CPU per request of the server, PostgreSQL (its processes on this machine, /proc) and the
 * load generator: the figures to compare between runs and machines, since req/s moves with whatever else runs.
 *
 * Flags: --smoke (scale small, 5,000 appeals, ≈3 s per load scenario, exits 1 on any non-2xx), --json, --count N,
 * --scale small|guicheng, --duration S (per load scenario, in all), --rounds R (windows per load scenario, the two scenarios
 * taking turns; 3, or 1 with --smoke), --connections C, --samples K (sequential requests per query), --strict
 * (exit 1 when a target is missed), --reuse NAME (measure an existing database on the server, e.g. one kept from an earlier
 * load: no seeding or generation, nothing dropped). DATABASE_URL names the server; the scratch database `shuren_bench_*` is dropped.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase, type Db } from '../apps/server/src/db/client.js';
import * as schema from '../apps/server/src/db/schema/index.js';
import { ensureDemoData } from '../apps/server/src/seed/demo.js';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo-accounts.js';
import { generateAppeals } from '../apps/server/src/seed/appeals.js';
import * as repo from '../apps/server/src/modules/appeals/appeals.repository.js';
import { appealStats } from '../apps/server/src/modules/appeals/appeals.stats.js';
import { CEILING_BODY, postgresCpuMicros, runLoad, startCeiling, type LoadResult, type LoadSpec } from './harness.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const text = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

const smoke = flag('smoke');
const asJson = flag('json');
const strict = flag('strict');
const scale = text('scale', smoke ? 'small' : 'guicheng') as 'small' | 'guicheng';
const count = option('count', smoke ? 5000 : 1_000_000);
const duration = option('duration', smoke ? 3 : 15);
const warmup = smoke ? 0 : option('warmup', 3);
/** Windows per load scenario, taking turns with the other scenario's; `duration` is split between them. */
const rounds = Math.max(1, Math.floor(option('rounds', smoke ? 1 : 3)));
const windowSeconds = Math.max(1, Math.round(duration / rounds));
// --cpu-profile FILE: the server's CPU profile during the measured submit scenario (open in Chrome DevTools), and the
// ceiling's in FILE with `.ceiling` before its extension, to set the two side by side.
const cpuProfile = text('cpu-profile', '');

async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      say(`CPU profile written to ${file}`);
    },
  };
}
const connections = option('connections', 50);
const samples = option('samples', smoke ? 20 : 200);
const say = (msg: string) => {
  if (!asJson) console.error(msg);
};

const load = (spec: Omit<LoadSpec, 'connections'>): Promise<LoadResult> => runLoad({ ...spec, connections });

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (x: number) => Math.round(x * 10) / 10;

/** Sequential latency (one user's wait) of `fn`, after two warm-up calls. */
async function timed(n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { n, p50: round(pct(ms, 50)), p99: round(pct(ms, 99)), max: round(ms[ms.length - 1]) };
}

/**
 * The SQL a repository function sends, captured with a stand-in client (so EXPLAIN shows the query the code
 * really runs, not a copy of it): its one query, with the session settings it makes for it (`set local …`).
 */
interface Captured {
  text: string;
  values: unknown[];
  settings: string[];
}
async function capture(fn: (db: Db) => Promise<unknown>): Promise<Captured> {
  const sent: { text: string; values: unknown[] }[] = [];
  const client = {
    query: async (q: any, values?: unknown[]) => {
      sent.push(typeof q === 'string' ? { text: q, values: values ?? [] } : { text: q.text, values: q.values ?? values ?? [] });
      return { rows: [], fields: [], rowCount: 0, command: 'SELECT' };
    },
  };
  await fn(drizzle({ client: client as any, schema }) as unknown as Db).catch(() => undefined);
  const control = /^\s*(begin|commit|rollback|savepoint|release)\b/i;
  const isSetting = (text: string) => /^\s*set\s/i.test(text);
  const query = sent.filter((q) => !control.test(q.text) && !isSetting(q.text)).at(-1);
  if (!query) throw new Error('no query captured');
  return { ...query, settings: sent.filter((q) => isSetting(q.text)).map((q) => q.text) };
}

async function explain(pool: pg.Pool, q: Captured): Promise<string[]> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    for (const setting of q.settings) await c.query(setting);
    const res = await c.query(`explain (analyze, buffers, costs off) ${q.text}`, q.values as any[]);
    await c.query('rollback');
    return res.rows.map((r) => r['QUERY PLAN'] as string);
  } finally {
    c.release();
  }
}

type CpuPerRequest = { server: number; postgres: number | null; load: number };
type ScenarioResult = LoadResult & { walBytesPerRequest: number; walFullPagesPerRequest: number; blocksReadPerRequest: Record<string, number>; cpuMicrosPerRequest: CpuPerRequest };
type MeasuredWindow = { result: LoadResult; serverMicros: number; pgMicros: number | null; wal: { bytes: number; fpi: number }; io: Map<string, number> };

/**
 * One scenario's windows as one result: requests, CPU, WAL and blocks added up (so per-request figures are over every
 * window), req/s the mean of the windows' (they are equally long), p50 the median of theirs and p99 the worst.
 */
function combineWindows(windows: MeasuredWindow[]): ScenarioResult {
  const sum = (f: (w: MeasuredWindow) => number) => windows.reduce((a, w) => a + f(w), 0);
  const requests = Math.max(1, sum((w) => w.result.requests));
  const perRequest = (micros: number) => Math.round(micros / requests);
  const statusCodes: LoadResult['statusCodes'] = {};
  for (const w of windows) for (const [code, { count }] of Object.entries(w.result.statusCodes)) statusCodes[code] = { count: (statusCodes[code]?.count ?? 0) + count };
  const blocks = new Map<string, number>();
  for (const w of windows) for (const [name, n] of w.io) blocks.set(name, (blocks.get(name) ?? 0) + n);
  const p50s = windows.map((w) => w.result.latencyP50).sort((a, b) => a - b);
  const pgMicros = windows.some((w) => w.pgMicros === null) ? null : sum((w) => w.pgMicros!);
  return {
    requestsPerSecond: Math.round((sum((w) => w.result.requestsPerSecond) / windows.length) * 100) / 100,
    latencyP50: p50s[Math.floor((p50s.length - 1) / 2)],
    latencyP99: Math.max(...windows.map((w) => w.result.latencyP99)),
    requests: sum((w) => w.result.requests),
    non2xx: sum((w) => w.result.non2xx),
    errors: sum((w) => w.result.errors),
    timeouts: sum((w) => w.result.timeouts),
    statusCodes,
    cpuMicros: sum((w) => w.result.cpuMicros),
    // WAL per request (the whole server's WAL over the windows, so other databases' writes inflate it a little):
    // commits wait for their WAL to reach disk, so bytes and full-page images per request decide how many
    // commits one fsync can carry.
    walBytesPerRequest: perRequest(sum((w) => w.wal.bytes)),
    walFullPagesPerRequest: Math.round((sum((w) => w.wal.fpi) / requests) * 100) / 100,
    blocksReadPerRequest: Object.fromEntries(
      [...blocks]
        .map(([name, n]) => [name, Math.round((n / requests) * 100) / 100] as const)
        .filter(([, n]) => n >= 0.01)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10),
    ),
    cpuMicrosPerRequest: { server: perRequest(sum((w) => w.serverMicros)), postgres: pgMicros === null ? null : perRequest(pgMicros), load: perRequest(sum((w) => w.result.cpuMicros)) },
  };
}

async function main() {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const reuse = text('reuse', '');
  const dbName = reuse || `shuren_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!reuse) await admin.query(`create database "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: url.toString(), LOG_LEVEL: process.env.LOG_LEVEL || 'warn', DEMO_DATA: 'true', APPEALS_SWEEP_SECONDS: '0' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: '', poolSize: config.dbPoolSize });
  const pool = database.pool!;
  const db = database.db;
  const servers: { close(): Promise<unknown> }[] = [];
  const timings: Record<string, number> = {};
  try {
    let t0 = Date.now();
    let generated: Awaited<ReturnType<typeof generateAppeals>> = { appeals: 0, events: 0, followers: 0, byStatus: {}, ms: 0 };
    if (!reuse) {
      say(`loading the ${scale} region tree…`);
      await ensureDemoData(db, { scale });
      timings.seedMs = Date.now() - t0;
      t0 = Date.now();
      say(`generating ${count.toLocaleString('en')} appeals…`);
      generated = await generateAppeals(db, { count, now: new Date(), bulk: true, log: smoke ? undefined : say });
      timings.generateMs = Date.now() - t0;
      t0 = Date.now();
      for (const t of ['appeals', 'appeal_events', 'appeal_followers', 'appeal_rollups']) await db.execute(sql.raw(`vacuum analyze ${t}`));
      timings.vacuumMs = Date.now() - t0;
    }
    // The setup's writes (the generated appeals, or a copied database) are flushed before anything is timed: a
    // checkpoint they set off during a load scenario costs that scenario their I/O and, after it, a full-page image
    // for the first change to every page. Needs superuser or pg_checkpoint; without it, says so and measures anyway.
    t0 = Date.now();
    await pool.query('checkpoint').then(
      () => (timings.checkpointMs = Date.now() - t0),
      (err: Error) => say(`checkpoint refused (${err.message}); measuring without one`),
    );

    const app = await buildApp({ config, database });
    servers.push(app);
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const ceiling = await startCeiling(pool);
    servers.push(ceiling.server);

    const login = async (who: string) => {
      const res = await fetch(`${appUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: who, password: DEMO_PASSWORD }) });
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (res.status !== 200 || !cookie) throw new Error(`login as ${who} failed: ${res.status}`);
      return cookie;
    };
    const resident = await login('13800000001');
    const worker = await login('worker');
    const opsCentre = await login('admin');
    const one = async <T>(q: string, params: unknown[] = []) => (await pool.query(q, params)).rows[0] as T;
    const root = await one<{ id: string; path: string }>('select id, path from regions where parent_id is null');
    const community = await one<{ id: string; path: string }>("select id, path from regions where code = 'GC-C01'");
    const buildings = (await pool.query<{ id: string }>("select id from regions where level = 'grid3' and path like $1 order by code", [community.path + '%'])).rows.map((r) => r.id);
    const categories = (await pool.query<{ code: string; questions: { key: string; required: boolean; type: string }[] }>('select code, questions from appeal_categories where active order by code')).rows;
    const bodies: string[] = [];
    for (const b of buildings) {
      for (const c of categories) {
        const answers = Object.fromEntries(c.questions.filter((q) => q.required).map((q) => [q.key, q.type === 'boolean' ? false : q.type === 'number' ? 1 : 'x']));
        bodies.push(JSON.stringify({ categoryCode: c.code, description: `压测诉求 {{n}}：楼道灯不亮`, regionId: b, answers }));
      }
    }
    // Interleave so consecutive requests hit different buildings and categories.
    bodies.sort((a, b) => (a.length * 31 + a.charCodeAt(40)) % 97 - ((b.length * 31 + b.charCodeAt(40)) % 97));

    const now = new Date();
    const readTimings = async () => {
      say('timing queue pages and metrics…');
      const get = (cookie: string, path: string) => async () => {
        const res = await fetch(`${appUrl}${path}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      };
      const openInCommunity = Number((await one<{ n: string }>("select count(*) as n from appeals where unit_path like $1 and status not in ('rejected','merged','closed')", [community.path + '%'])).n);
      return {
        openInCommunity,
        queue: {
          worker: await timed(samples, get(worker, '/api/v1/appeals')),
          opsCentre: await timed(samples, get(opsCentre, '/api/v1/appeals')),
          opsCentreOverdue: await timed(samples, get(opsCentre, '/api/v1/appeals?overdue=true')),
        },
        metrics: {
          statsEndpoint: await timed(Math.max(10, samples / 4), get(opsCentre, `/api/v1/regions/${root.id}/stats`)),
          appealStatsDirect: await timed(Math.max(10, samples / 4), () => appealStats(db, root)),
          appealStatsCommunity: await timed(Math.max(10, samples / 4), () => appealStats(db, community)),
        },
      };
    };
    // The issue's condition for the read targets: the generated appeals, before the submit load pours thousands of
    // new open reports into one community. Timed again after it, to show what such a flood does to that community's queue.
    const reads = await readTimings();
    // CPU per request of the three parties (µs): unlike req/s, barely moved by what else the machine does, so these
    // are the figures to compare between runs and machines. PostgreSQL's is null when it runs on another machine.
    const results: Record<string, ScenarioResult & { label: string }> = {};
    // WAL bytes from the insert position, which moves as WAL is written: `pg_stat_wal` hears of a backend's WAL only
    // when that backend reports its statistics (at most once a second, on its next commit), and the pool's backends
    // serve both scenarios, so a submit window's last second showed up in the next ceiling window. Full-page images
    // have only `pg_stat_wal`, with that lag.
    const walStats = async () => {
      const r = (await pool.query<{ bytes: string; fpi: string }>("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text as bytes, wal_fpi::text as fpi from pg_stat_wal")).rows[0];
      return { bytes: Number(r.bytes), fpi: Number(r.fpi) };
    };
    // Blocks each relation of this database had to fetch from outside shared_buffers, and buffers the backends had to
    // write out themselves to make room: where a request's cost grows with the table, it shows here first.
    const ioStats = async () => {
      const rows = (await pool.query<{ name: string; read: string }>(
        `select relname as name, (coalesce(heap_blks_read, 0) + coalesce(toast_blks_read, 0))::text as read from pg_statio_user_tables
         union all select indexrelname, idx_blks_read::text from pg_statio_user_indexes
         union all select '(written by backends)', buffers_backend::text from pg_stat_bgwriter`,
      )).rows;
      return new Map(rows.map((r) => [r.name, Number(r.read)]));
    };
    const scenarios: (Omit<LoadSpec, 'connections' | 'duration'> & { key: string; label: string })[] = [
      { key: 'ceiling', label: 'ceiling: bare Fastify + 1 INSERT', url: ceiling.url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: CEILING_BODY },
      { key: 'submit', label: `POST /api/v1/appeals (resident, ${bodies.length} place×category)`, url: `${appUrl}/api/v1/appeals`, method: 'POST' as const, headers: { cookie: resident, 'content-type': 'application/json' }, bodies },
    ];
    // The scenarios take turns in `rounds` windows each (ceiling, submit, ceiling, submit, …), `duration` seconds per
    // scenario in all: on a shared machine whose speed drifts within minutes, the two are then measured at the same
    // times, and a slow or fast spell weighs on both instead of on whichever happened to run in it.
    const windows = new Map<string, MeasuredWindow[]>(scenarios.map((s) => [s.key, []]));
    // What a submit window sets off after itself — autovacuum of the tables it filled — finishes before the next window
    // starts (up to 30 s), so that it is not charged to the ceiling measured next. With one window each it fell
    // after the last window and was charged to neither; so it is here.
    const settle = async () => {
      const t = Date.now();
      const vacuuming = async () => Number((await one<{ n: string }>("select count(*) as n from pg_stat_activity where backend_type = 'autovacuum worker'")).n) > 0;
      while (Date.now() - t < 30_000 && (await vacuuming())) await new Promise((r) => setTimeout(r, 200));
      timings.settleMs = (timings.settleMs ?? 0) + Date.now() - t;
    };
    for (let round = 0; round < rounds; round++) {
      for (const s of scenarios) {
        if (round === 0 && warmup > 0) {
          say(`warming up ${s.label} (${warmup}s)…`);
          await load({ ...s, duration: warmup });
        }
        say(`measuring ${s.label} (round ${round + 1} of ${rounds}, ${windowSeconds}s, ${connections} connections)…`);
        await settle();
        // Profiles cover the first round: one file per scenario.
        const profiler = cpuProfile && round === 0 ? await startProfiler() : null;
        const walBefore = await walStats();
        const ioBefore = await ioStats();
        const serverCpu = process.cpuUsage();
        const pgCpu = postgresCpuMicros();
        const result = await load({ ...s, duration: windowSeconds });
        const serverUsed = process.cpuUsage(serverCpu);
        const pgUsed = pgCpu === null ? null : (postgresCpuMicros() ?? pgCpu) - pgCpu;
        const walAfter = await walStats();
        const ioAfter = await ioStats();
        const io = new Map([...ioAfter].map(([name, n]) => [name, n - (ioBefore.get(name) ?? 0)]));
        windows.get(s.key)!.push({ result, serverMicros: serverUsed.user + serverUsed.system, pgMicros: pgUsed, wal: { bytes: walAfter.bytes - walBefore.bytes, fpi: walAfter.fpi - walBefore.fpi }, io });
        if (profiler) await profiler.stop(s.key === 'submit' ? cpuProfile : cpuProfile.replace(/(\.[^./]*)?$/, `.${s.key}$1`));
      }
    }
    for (const s of scenarios) results[s.key] = { label: s.label, ...combineWindows(windows.get(s.key)!) };
    // Each window on its own (req/s, WAL bytes and CPU µs of all three parties per request): whether one scenario's
    // windows bear marks of the other's.
    const byRound = Object.fromEntries(
      [...windows].map(([key, ws]) => [key, ws.map((w) => ({ requestsPerSecond: w.result.requestsPerSecond, walBytesPerRequest: Math.round(w.wal.bytes / Math.max(1, w.result.requests)), cpuMicrosPerRequest: Math.round((w.serverMicros + (w.pgMicros ?? 0) + w.result.cpuMicros) / Math.max(1, w.result.requests)) }))]),
    );
    // Each round's own ratio: how far the machine's drift moved the figure within this run.
    const ratioByRound = windows.get('submit')!.map((w, i) => Math.round((w.result.requestsPerSecond / (windows.get('ceiling')![i].result.requestsPerSecond || 1)) * 1000) / 1000);

    const afterLoad = await readTimings();
    const { queue, metrics } = reads;
    say('timing the sweeper query…');
    const sweepQuery = await capture((d) => repo.lockOverdue(d, now, 200));
    const sweeper = {
      ...(await timed(Math.max(10, samples / 4), async () => {
        const c = await pool.connect();
        try {
          await c.query('begin');
          await c.query(sweepQuery.text, sweepQuery.values as any[]);
          await c.query('rollback');
        } finally {
          c.release();
        }
      })),
      overdueOpen: Number((await one<{ n: string }>("select count(*) as n from appeals where status in ('submitted','accepted','returned','dispatched','in_progress') and due_at <= $1", [now])).n),
      explain: await explain(pool, sweepQuery),
    };
    const queueExplain = {
      worker: await explain(pool, await capture((d) => repo.listQueue(d, { scopes: [community.path], view: 'queue', now, limit: 50 }))),
      opsCentre: await explain(pool, await capture((d) => repo.listQueue(d, { scopes: [root.path], view: 'queue', now, limit: 50 }))),
    };
    const usesIndex = sweeper.explain.some((l) => /Index (Only )?Scan/.test(l)) && !sweeper.explain.some((l) => /Seq Scan on appeals/.test(l));

    const ratio = results.submit.requestsPerSecond / (results.ceiling.requestsPerSecond || 1);
    const targets = {
      submitAtLeastHalfOfCeiling: ratio >= 0.5,
      queueP99Under50ms: queue.worker.p99 < 50 && queue.opsCentre.p99 < 50,
      appealMetricsUnder200ms: metrics.appealStatsDirect.p99 < 200,
      sweeperIndexScan: usesIndex,
    };
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: (await one<{ v: string }>("select current_setting('server_version') as v")).v, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))) },
      mode: smoke ? 'smoke' : 'full',
      scale,
      appeals: { generated: generated.appeals, events: generated.events, byStatus: generated.byStatus, total: Number((await one<{ n: string }>('select count(*) as n from appeals')).n) },
      timings,
      durationSeconds: duration,
      connections,
      poolSize: config.dbPoolSize,
      scenarios: results,
      rounds,
      ratios: { submitToCeiling: ratio, byRound: ratioByRound },
      byRound,
      queue,
      metrics,
      openInWorkerCommunity: reads.openInCommunity,
      afterSubmitLoad: afterLoad,
      sweeper,
      queueExplain,
      targets,
    };

    if (asJson) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      const m = report.machine;
      console.log(`\nShuren appeals benchmark — ${report.date} — ${m.cpus} × ${m.model}, node ${m.node}, PostgreSQL ${m.postgres}, load average ${m.loadAverage.join(' ')}`);
      const where = reuse ? `the reused database "${dbName}"` : `"${scale}"; ${generated.events.toLocaleString('en')} events, generated in ${((timings.generateMs ?? 0) / 1000).toFixed(1)} s`;
      console.log(`${report.appeals.total.toLocaleString('en')} appeals on ${where}; ${connections} connections, ${duration}s per load scenario in ${rounds} round(s), pool ${config.dbPoolSize}\n`);
      console.log(`${'scenario'.padEnd(64)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)} ${'WAL B/req'.padStart(10)} ${'FPI/req'.padStart(8)}  ${'CPU µs/req: server / PostgreSQL / load'}`);
      for (const r of Object.values(results)) {
        const c = r.cpuMicrosPerRequest;
        console.log(`${r.label.padEnd(64)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${String(r.latencyP50).padStart(7)} ${String(r.latencyP99).padStart(7)} ${String(r.non2xx + r.errors).padStart(8)} ${String(r.walBytesPerRequest).padStart(10)} ${String(r.walFullPagesPerRequest).padStart(8)}  ${c.server} / ${c.postgres ?? 'n/a'} / ${c.load}`);
      }
      for (const r of Object.values(results)) {
        const blocks = Object.entries(r.blocksReadPerRequest);
        if (blocks.length) console.log(`  blocks read from outside shared_buffers per request, ${r.label.split(':')[0]}: ${blocks.map(([name, n]) => `${name} ${n}`).join(', ')}`);
      }
      console.log(`ratio submit / ceiling: ${(ratio * 100).toFixed(1)}%  (target ≥ 50%)${rounds > 1 ? `; round by round: ${ratioByRound.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')}` : ''}`);
      const cpuTotal = (c: CpuPerRequest) => c.server + (c.postgres ?? 0) + c.load;
      if (results.ceiling.cpuMicrosPerRequest.postgres !== null) {
        console.log(`CPU per request, all three together: submit ${cpuTotal(results.submit.cpuMicrosPerRequest)} µs, ceiling ${cpuTotal(results.ceiling.cpuMicrosPerRequest)} µs (50 % needs submit ≤ 2 × ceiling)`);
      }
      console.log('');
      console.log(`${'sequential timings'.padEnd(64)} ${'n'.padStart(5)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`);
      const rows: [string, { n: number; p50: number; p99: number }][] = [
        ['GET /api/v1/appeals — community worker queue', queue.worker],
        ['GET /api/v1/appeals — operations centre queue', queue.opsCentre],
        ['GET /api/v1/appeals?overdue=true — operations centre', queue.opsCentreOverdue],
        ['GET /api/v1/regions/<subdistrict>/stats (all modules)', metrics.statsEndpoint],
        ['appealStats(subdistrict) direct', metrics.appealStatsDirect],
        ['appealStats(community) direct', metrics.appealStatsCommunity],
        [`sweeper overdue query (${sweeper.overdueOpen} overdue open)`, sweeper],
      ];
      for (const [label, r] of rows) console.log(`${label.padEnd(64)} ${String(r.n).padStart(5)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)}`);
      console.log(`  (queue and metrics timed before the submit load, ${reads.openInCommunity.toLocaleString('en')} open appeals in the worker's community; after it, with ${afterLoad.openInCommunity.toLocaleString('en')}:`);
      console.log(`   worker queue p50/p99 ${afterLoad.queue.worker.p50}/${afterLoad.queue.worker.p99} ms, operations centre ${afterLoad.queue.opsCentre.p50}/${afterLoad.queue.opsCentre.p99} ms, appealStats(subdistrict) ${afterLoad.metrics.appealStatsDirect.p50}/${afterLoad.metrics.appealStatsDirect.p99} ms)`);
      console.log('\nsweeper EXPLAIN:\n  ' + sweeper.explain.join('\n  '));
      console.log('\ntargets: ' + Object.entries(targets).map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`).join(', '));
    }

    const bad = Object.values(results).filter((r) => r.non2xx > 0 || r.errors > 0 || r.requests === 0);
    if (bad.length) {
      for (const r of bad) console.error(`${r.label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.requests} requests, status ${JSON.stringify(r.statusCodes)}`);
      process.exitCode = 1;
    }
    if (strict && Object.values(targets).some((v) => !v)) process.exitCode = 1;
  } finally {
    for (const s of servers.reverse()) await s.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    if (!reuse) await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
