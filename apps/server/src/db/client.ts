import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema/index.js';
import { acquireDirLock, type DirLock } from './dir-lock.js';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle. Services take this and pass it down: on PGlite, touching the outer db inside a transaction hangs. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Runs plain SQL without parameters (one statement). */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** For PostgreSQL: the pool, so the benchmark ceiling can share it. */
  pool?: pg.Pool;
  pglite?: PGlite;
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

// Dates as strings, timestamps as Date: make node-postgres agree with PGlite on DATE (1082).
pg.types.setTypeParser(1082, (v: string) => v);

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolSize?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    pool.on('error', () => {
      /* idle client errors are reported by the query that meets them */
    });
    const db = drizzlePg({ client: pool, schema });
    await migratePg(db, { migrationsFolder: MIGRATIONS_DIR });
    return {
      db,
      kind: 'postgres',
      pool,
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
  }

  let lock: DirLock | null = null;
  let client: PGlite;
  if (opts.dataDir === 'memory://') {
    client = new PGlite();
  } else {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    // PGlite has no lock of its own: two processes on one directory silently lose writes.
    lock = acquireDirLock(opts.dataDir);
    client = new PGlite(path.join(opts.dataDir, 'pg'));
  }
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  try {
    await migratePglite(db as any, { migrationsFolder: MIGRATIONS_DIR });
  } catch (err) {
    await client.close();
    lock?.release();
    throw err;
  }
  return {
    db,
    kind: 'pglite',
    pglite: client,
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}
