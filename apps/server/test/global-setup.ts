import pg from 'pg';

/**
 * With DATABASE_URL set, the suite runs against PostgreSQL: each test file gets a fresh database created
 * here-after from a template so runs never see each other's rows. Without it, every file uses in-memory PGlite.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('[tests] database: embedded PGlite (in memory). Set DATABASE_URL to run the same suite on PostgreSQL.');
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // `_` is a wildcard in LIKE: the regular expression below decides which names are the suite's own.
  const { rows } = await client.query("select datname from pg_database where datname like 'shuren_t_%'");
  // Leftovers of killed runs: drop those older than two hours (the name carries its creation time), so runs
  // going on at the same time on this server keep their databases.
  const cutoff = Math.floor(Date.now() / 1000) - 2 * 3600;
  for (const r of rows) {
    const own = /^shuren_t_(\d+)_[0-9a-f]+$/.exec(r.datname);
    if (own && Number(own[1]) < cutoff) await client.query(`drop database if exists "${r.datname}" with (force)`).catch(() => undefined);
  }
  await client.end();
  console.log(`[tests] database: PostgreSQL at ${new URL(url).host}, a fresh database per test file`);
}
