/**
 * `npm run seed -- --scale small|guicheng [--reset] [--check]`
 * Loads generated demo data into the database the server would use (DATABASE_URL, else PGlite in DATA_DIR).
 * Refuses a database that already has a region tree unless --reset (which drops every table and re-migrates).
 * --check re-counts the subdistrict through the stats service and exits 1 when a figure differs from the spec;
 * on a non-empty database without --reset it checks the existing data only.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { shanghaiDay } from '../shared/time.js';
import { checkSubdistrict } from './check.js';
import { seedScale } from './generate.js';
import { SCALES, SPECS, type Scale } from './scales.js';

interface Args {
  scale: Scale;
  reset: boolean;
  check: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 'small', reset: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reset') args.reset = true;
    else if (a === '--check') args.check = true;
    else if (a === '--scale' || a.startsWith('--scale=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (!SCALES.includes(v as Scale)) fail(`--scale must be one of ${SCALES.join(', ')}, got "${v}"`);
      args.scale = v as Scale;
    } else if (a === '--help' || a === '-h') {
      console.log('usage: npm run seed -- --scale small|guicheng [--reset] [--check]');
      process.exit(0);
    } else fail(`unknown argument "${a}" (usage: --scale small|guicheng [--reset] [--check])`);
  }
  return args;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function isEmpty(database: Database): Promise<boolean> {
  const res = (await database.db.execute(sql`select exists(select 1 from regions) as any`)) as unknown as { rows: { any: boolean }[] };
  return !res.rows[0].any;
}

/** Drops every table (the audit trail refuses TRUNCATE by design) and the migration journal; reopening re-migrates. */
async function dropEverything(database: Database): Promise<void> {
  await database.db.execute(sql`drop schema public cascade`);
  await database.db.execute(sql`create schema public`);
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const open = () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  const where = config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname}` : `PGlite ${config.dataDir}`;
  let database = await open();
  let exitCode = 0;
  try {
    if (args.reset) {
      console.log(`--reset: dropping all tables in ${where}`);
      await dropEverything(database);
      await database.close();
      database = await open();
    }
    const empty = await isEmpty(database);
    if (empty) {
      const started = Date.now();
      console.log(`Seeding scale "${args.scale}" into ${where}…`);
      const summary = await seedScale(database.db, args.scale, (line) => console.log(line));
      if (database.kind === 'postgres') {
        // Fresh statistics and a visibility map, so the count queries plan well and use index-only scans.
        const t0 = Date.now();
        for (const t of ['regions', 'households', 'people', 'role_assignments', 'organisations', 'organisation_members', 'venues']) await database.db.execute(sql.raw(`vacuum analyze ${t}`));
        console.log(`  vacuum analyze            ${Date.now() - t0} ms`);
      }
      console.log('Created:');
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      for (const [k, v] of Object.entries(summary)) if (k !== 'scale') console.log(`  ${k.padEnd(20)} ${String(v).padStart(8)}`);
      console.log(`Done in ${seconds} s.`);
    } else if (!args.check) {
      console.error(`${where} already holds data; run with --reset to replace it (this drops every table).`);
      exitCode = 1;
    } else {
      console.log(`${where} already holds data; checking it against scale "${args.scale}".`);
    }
    if (args.check && exitCode === 0) {
      const started = Date.now();
      const lines = await checkSubdistrict(database.db, SPECS[args.scale], shanghaiDay(new Date()));
      for (const l of lines) console.log(`  ${l.ok ? 'ok  ' : 'DIFF'} ${l.key.padEnd(50)} expected ${String(l.expected).padStart(7)}  got ${String(l.actual ?? '—').padStart(7)}`);
      const bad = lines.filter((l) => !l.ok);
      console.log(bad.length ? `check: ${bad.length} figure(s) differ from the "${args.scale}" spec` : `check: all ${lines.length} figures match the "${args.scale}" spec (${Date.now() - started} ms)`);
      if (bad.length) exitCode = 1;
    }
  } finally {
    await database.close();
  }
  process.exit(exitCode);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
