import { createHash } from 'node:crypto';
import { getTableColumns, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';

/**
 * Hand-written SQL for the few hot paths where building the statement with Drizzle costs more than running it
 * (intake: see docs/benchmarks.md, Appeals). The text is fixed per shape, so on PostgreSQL it runs as a named
 * prepared statement: parsed and planned once per connection, not per request.
 */
export interface RawResult {
  rows: Record<string, unknown>[];
}

interface PgLike {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<RawResult>;
}
interface PgliteLike {
  exec(sql: string): Promise<unknown>;
  query(text: string, params: unknown[]): Promise<RawResult>;
}

/** The driver client under a Drizzle handle: the pool (or PGlite) for the database, the connection for a transaction. */
function clientOf(db: DbOrTx): PgLike | PgliteLike {
  const handle = db as unknown as { $client?: unknown; session?: { client?: unknown } };
  const client = handle.$client ?? handle.session?.client;
  if (!client) throw new Error('raw-sql: no driver client under this Drizzle handle');
  return client as PgLike | PgliteLike;
}

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

export async function rawQuery(db: DbOrTx, text: string, values: unknown[]): Promise<RawResult> {
  const client = clientOf(db);
  if ('exec' in client) return client.query(text, values);
  return client.query({ name: statementName(text), text, values });
}

/**
 * `insert into <table> (<columns>) values (…)` for rows with the given keys, parameters numbered from `first`,
 * and the values mapped to what the driver expects (jsonb → JSON text, timestamps → ISO), as Drizzle would.
 */
export function insertRows<T extends PgTable>(table: T, keys: readonly (keyof T['$inferInsert'] & string)[], rows: readonly T['$inferInsert'][], first: number): { text: string; values: unknown[] } {
  const columns = getTableColumns(table) as Record<string, Column>;
  const cols = keys.map((k) => {
    const col = columns[k];
    if (!col) throw new Error(`raw-sql: ${k} is not a column`);
    return col;
  });
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const params = cols.map((col, i) => {
      const v = (row as Record<string, unknown>)[keys[i]];
      values.push(v === null || v === undefined ? null : col.mapToDriverValue(v));
      return `$${first + values.length - 1}`;
    });
    return `(${params.join(', ')})`;
  });
  const name = (table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')];
  return { text: `insert into "${name}" (${cols.map((c) => `"${c.name}"`).join(', ')}) values ${tuples.join(', ')}`, values };
}

/** Maps a raw result row (column names, driver values) to the table's row type, as Drizzle's own selects do. */
export function rowOf<T>(table: PgTable, raw: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(getTableColumns(table) as Record<string, Column>)) {
    const v = raw[col.name];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as T;
}
