import { createHash } from 'node:crypto';
import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
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
 * A table's rows as JSON for `json_populate_recordset`: keyed by column name, values as the driver expects them
 * (timestamps → ISO text) except JSON columns, which stay JSON. Returns the columns present in any row, in order.
 * One JSON parameter per table keeps a statement's text the same whatever the number of rows.
 */
export function jsonRows<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): { columns: string[]; rows: Record<string, unknown>[] } {
  const all = getTableColumns(table) as Record<string, Column>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
  const cols = keys.map((k) => {
    const col = all[k];
    if (!col) throw new Error(`raw-sql: ${k} is not a column`);
    return [k, col] as const;
  });
  const out = rows.map((row) => {
    const o: Record<string, unknown> = {};
    for (const [k, col] of cols) {
      const v = (row as Record<string, unknown>)[k];
      o[col.name] = v === null || v === undefined ? null : col.columnType === 'PgJsonb' || col.columnType === 'PgJson' ? v : col.mapToDriverValue(v);
    }
    return o;
  });
  return { columns: cols.map(([, c]) => c.name), rows: out };
}

/** `insert into <table> (<columns>) select <columns> from json_populate_recordset(null::<table>, $param)`. */
export function jsonInsert(table: PgTable, columns: readonly string[], param: number): string {
  const name = getTableName(table);
  const list = columns.map((c) => `"${c}"`).join(', ');
  return `insert into "${name}" (${list}) select ${list} from json_populate_recordset(null::"${name}", $${param}::json)`;
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
