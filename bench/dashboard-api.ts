/**
 * Dashboard API timing: p50/p99 of every request the dashboard page makes, against a running server.
 *
 *   BASE_URL=http://127.0.0.1:3000 npx tsx bench/dashboard-api.ts [--n 200] [--concurrency 8] [--json]
 *
 * Signs in as `admin` (demo password), then for the subdistrict and a sample of communities times:
 * the stats figures (the 三长-by-community chart comes with them), the grid-tree pages for the treemap, and the
 * first page of each figure's drill-down list. Sequential (one user's latency) and concurrent (a shift
 * of staff opening the dashboard at once, autocannon). Not a test: prints numbers only.
 */
import autocannon from 'autocannon';

const BASE = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = arg('n', 200);
const CONCURRENCY = arg('concurrency', 8);
const asJson = args.includes('--json');
const LOGIN = process.env.BENCH_LOGIN ?? 'admin';
const PASSWORD = process.env.BENCH_PASSWORD ?? 'shuren2026';

async function signIn(): Promise<string> {
  const res = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: LOGIN, password: PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('sign-in returned no cookie');
  return cookie.split(';')[0];
}

async function getJson(path: string, cookie: string): Promise<any> {
  const res = await fetch(`${BASE}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Row {
  name: string;
  path: string;
  n: number;
  p50: number;
  p99: number;
  max: number;
  bytes: number;
}

/** Sequential latency of one GET, after two warm-up calls. */
async function time(name: string, path: string, cookie: string, n = N): Promise<Row> {
  for (let i = 0; i < 2; i++) await getJson(path, cookie);
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${BASE}${path}`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    ms.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    bytes = body.byteLength;
  }
  ms.sort((a, b) => a - b);
  return { name, path, n, p50: pct(ms, 50), p99: pct(ms, 99), max: ms[ms.length - 1], bytes };
}

async function concurrent(path: string, cookie: string) {
  const r = await autocannon({ url: `${BASE}${path}`, headers: { cookie }, connections: CONCURRENCY, duration: 5 });
  return { path, connections: CONCURRENCY, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

async function main() {
  const cookie = await signIn();
  const root = (await getJson('/api/v1/regions?level=subdistrict&limit=1', cookie)).items[0];
  if (!root) throw new Error('no subdistrict: is the demo data loaded?');
  const communities: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await getJson(`/api/v1/regions?parentId=${root.id}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, cookie);
    communities.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const grid2Count = (await countPages(`/api/v1/regions?level=grid2&regionId=${root.id}`, cookie)).items;

  const rows: Row[] = [];
  const statsPath = `/api/v1/regions/${root.id}/stats`;
  rows.push(await time('stats: subdistrict', statsPath, cookie));
  const sample = communities.slice(0, 3);
  for (const c of sample) rows.push(await time(`stats: community ${c.code}`, `/api/v1/regions/${c.id}/stats`, cookie, Math.max(20, Math.floor(N / 4))));
  rows.push(await time('grid tree: communities page', `/api/v1/regions?parentId=${root.id}&limit=200`, cookie));
  rows.push(await time('grid tree: level-2 grids page', `/api/v1/regions?level=grid2&regionId=${root.id}&limit=200`, cookie));

  const stats = await getJson(statsPath, cookie);
  const figures: any[] = stats.figures ?? stats.items ?? [];
  for (const f of figures.filter((x) => x.listPath).slice(0, 6)) {
    const p = String(f.listPath);
    const withLimit = `${p}${p.includes('?') ? '&' : '?'}limit=20`;
    rows.push(await time(`drill-down: ${f.key}`, withLimit, cookie, Math.max(20, Math.floor(N / 4))));
  }
  const load = await concurrent(statsPath, cookie);

  const scale = { communities: communities.length, grid2: grid2Count, figures: figures.length };
  if (asJson) {
    process.stdout.write(JSON.stringify({ base: BASE, scale, rows, concurrent: load }, null, 2) + '\n');
    return;
  }
  console.log(`Dashboard API on ${BASE}: ${scale.communities} communities, ${scale.grid2}+ level-2 grids, ${scale.figures} figures`);
  console.log(`${'request'.padEnd(44)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'bytes'.padStart(8)}`);
  for (const r of rows) console.log(`${r.name.padEnd(44)} ${String(r.n).padStart(5)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.bytes).padStart(8)}`);
  console.log(`concurrent stats (${load.connections} connections, 5 s): ${load.rps.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, non-2xx ${load.non2xx}`);
}

/** Number of items over all pages (the treemap reads them all). */
async function countPages(path: string, cookie: string): Promise<{ items: number }> {
  let cursor: string | null = null;
  let items = 0;
  do {
    const page: any = await getJson(`${path}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, cookie);
    items += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return { items };
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
