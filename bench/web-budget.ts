// Web performance budget: gzip sizes of the built chunks (apps/web/dist, `npm run build` first).
// The resident pages' initial JavaScript — the entry plus everything /r needs before its first render
// (the resident routes chunk and their static imports) — must stay ≤ 200 KB gzipped on a phone.
// The sign-in and registration pages are what a signed-out resident's phone downloads first: same budget.
//   npx tsx bench/web-budget.ts [--json]
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const BUDGET_KB = 200;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist');
const manifestPath = path.join(dist, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  console.error('web-budget: apps/web/dist/.vite/manifest.json missing — run `npm run build` first');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

const sizeCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string) {
  let s = sizeCache.get(file);
  if (!s) {
    const buf = readFileSync(path.join(dist, file));
    s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    sizeCache.set(file, s);
  }
  return s;
}

/** A chunk and everything it imports statically (what the browser must fetch before running it). */
function staticClosure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...keys];
  while (stack.length) {
    const k = stack.pop()!;
    if (seen.has(k) || !manifest[k]) continue;
    seen.add(k);
    stack.push(...(manifest[k].imports ?? []));
  }
  return seen;
}

function total(keys: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  const files = new Set<string>();
  for (const k of keys) {
    const c = manifest[k];
    for (const f of [c.file, ...(c.css ?? [])]) {
      if (files.has(f)) continue;
      files.add(f);
      const s = sizeOf(f);
      raw += s.raw;
      gzip += s.gzip;
    }
  }
  return { raw, gzip, files: [...files] };
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
const residentKeys = Object.keys(manifest).filter((k) => k === 'src/features/resident/routes.tsx' || /src\/features\/resident\/home[-\w]*\.tsx$/.test(k));
const sections: Record<string, string[]> = {
  shell: [entryKey],
  resident: [entryKey, ...residentKeys],
  login: [entryKey, 'src/features/auth/login-page.tsx'],
  register: [entryKey, 'src/features/auth/register-page.tsx'],
  console: [entryKey, 'src/features/console/routes.tsx'],
  dashboard: [entryKey, 'src/features/dashboard/routes.tsx'],
};
const initial = Object.fromEntries(
  Object.entries(sections).map(([name, keys]) => {
    const t = total(staticClosure(keys.filter((k) => manifest[k])));
    return [name, { rawBytes: t.raw, gzipBytes: t.gzip, files: t.files }];
  }),
);
const chunks = [...new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]))]
  .map((file) => ({ file, ...sizeOf(file) }))
  .sort((a, b) => b.gzip - a.gzip);
const residentGzip = initial.resident.gzipBytes;
const ok = residentGzip <= BUDGET_KB * 1024;
const echartsInResident = initial.resident.files.some((f) => /echarts/.test(f));
const signInGzip = Math.max(initial.login.gzipBytes, initial.register.gzipBytes);
const signInOk = signInGzip <= BUDGET_KB * 1024;

const kb = (n: number) => (n / 1024).toFixed(1);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetKb: BUDGET_KB, residentInitialGzipBytes: residentGzip, signInInitialGzipBytes: { login: initial.login.gzipBytes, register: initial.register.gzipBytes }, withinBudget: ok && !echartsInResident && signInOk, initial, chunks }, null, 2));
} else {
  console.log('Initial JavaScript per section (entry + static imports), gzip -9:');
  for (const [name, v] of Object.entries(initial)) console.log(`  ${name.padEnd(10)} ${kb(v.gzipBytes).padStart(7)} KB gzip  (${kb(v.rawBytes)} KB raw, ${v.files.length} files)`);
  console.log(`\nChunks (${chunks.length}), largest first:`);
  for (const c of chunks) console.log(`  ${kb(c.gzip).padStart(7)} KB gzip  ${kb(c.raw).padStart(8)} KB raw  ${c.file}`);
  console.log(`\nresident initial JS: ${kb(residentGzip)} KB gzip — budget ${BUDGET_KB} KB: ${ok ? 'OK' : 'OVER BUDGET'}${echartsInResident ? ' (ECharts leaked into the resident pages!)' : ''}`);
  console.log(`sign-in initial JS: ${kb(initial.login.gzipBytes)} KB gzip (/login), ${kb(initial.register.gzipBytes)} KB gzip (/register) — budget ${BUDGET_KB} KB: ${signInOk ? 'OK' : 'OVER BUDGET'}`);
}
process.exit(ok && !echartsInResident && signInOk ? 0 : 1);
