import { createHash } from 'node:crypto';
import { getTableColumns, getTableName, is, SQL, type Column } from 'drizzle-orm';
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
 * A PostgreSQL array literal of the given texts, for a parameter cast to `<type>[]`: every element quoted (so `{}`,
 * commas, braces and the word NULL stay text), backslashes and double quotes escaped, `null` as NULL. Built here
 * rather than by the driver so it means the same on node-postgres and PGlite (both pass a string through).
 */
export function arrayLiteral(items: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i > 0) out += ',';
    out += item === null ? 'NULL' : quoted(item);
  }
  return out + '}';
}

/** An array element: in double quotes, with backslashes and double quotes escaped. */
function quoted(text: string): string {
  // includes() twice is cheaper than a regex test on the short texts most values are.
  return text.includes('"') || text.includes('\\') ? '"' + text.replace(/["\\]/g, '\\$&') + '"' : '"' + text + '"';
}

interface ColumnPlan {
  key: string;
  col: Column;
  name: string;
  type: string;
  json: boolean;
}

/** Per table, what writing a column needs, by property key (worked out once: the hot path runs per report). */
const plans = new WeakMap<PgTable, Map<string, ColumnPlan>>();
function planOf(table: PgTable): Map<string, ColumnPlan> {
  let plan = plans.get(table);
  if (!plan) {
    plan = new Map(
      Object.entries(getTableColumns(table) as Record<string, Column>).map(([key, col]) => [
        key,
        { key, col, name: col.name, type: col.getSQLType(), json: col.columnType === 'PgJsonb' || col.columnType === 'PgJson' },
      ]),
    );
    plans.set(table, plan);
  }
  return plan;
}

/**
 * `toISOString()` costs about 1 µs, and the rows of one group repeat a handful of instants (the request's time, its
 * deadlines): the last few are remembered.
 */
const isoTexts = new Map<number, string>();
function isoText(date: Date): string {
  const ms = date.getTime();
  let text = isoTexts.get(ms);
  if (text === undefined) {
    text = date.toISOString();
    if (isoTexts.size >= 256) isoTexts.clear();
    isoTexts.set(ms, text);
  }
  return text;
}

/** A value as an element of its column's array literal: JSON columns as JSON, timestamps in ISO 8601, null as NULL. */
function element(plan: ColumnPlan, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (plan.json) return quoted(JSON.stringify(value));
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      return '"' + String(value) + '"';
    case 'boolean':
      return value ? '"t"' : '"f"';
  }
  if (value instanceof Date) return '"' + isoText(value) + '"';
  const driverValue = plan.col.mapToDriverValue(value);
  return driverValue === null || driverValue === undefined ? 'NULL' : quoted(String(driverValue));
}

export interface ColumnArrays {
  /** The columns present in any row, in the rows' key order. */
  columns: { name: string; type: string }[];
  /** One array literal per column, rows in the order given. */
  arrays: string[];
}

/**
 * A table's rows as one array parameter per column, for `unnestInsert`. PostgreSQL reads each value with its own
 * type's input function, where rows sent as one JSON parameter were first parsed as JSON, keys and all, then read
 * again column by column (docs/benchmarks.md, "What limits submitting").
 */
export function columnArrays<T extends PgTable>(table: T, rows: readonly Partial<T['$inferInsert']>[]): ColumnArrays {
  const plan = planOf(table);
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row as object)) keys.add(key);
  const columns = [...keys].map((key) => {
    const column = plan.get(key);
    if (!column) throw new Error(`raw-sql: ${key} is not a column`);
    return column;
  });
  const arrays = columns.map((column) => {
    let out = '{';
    for (let i = 0; i < rows.length; i++) out += (i > 0 ? ',' : '') + element(column, (rows[i] as Record<string, unknown>)[column.key]);
    return out + '}';
  });
  return { columns: columns.map(({ name, type }) => ({ name, type })), arrays };
}

/** `insert into <table> (<columns>) select * from unnest($n::<type>[], …)`, parameters numbered from `firstParam`. */
export function unnestInsert(table: PgTable, columns: ColumnArrays['columns'], firstParam: number): string {
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  const arrays = columns.map((c, i) => `$${firstParam + i}::${c.type}[]`).join(', ');
  return `insert into "${getTableName(table)}" (${list}) select * from unnest(${arrays})`;
}

/**
 * Like `unnestInsert`, for rows that share most of their values (one report's notices, one per person on duty): each
 * row's own columns and the 1-based position of its shared values (an `int[]`) come first, then the shared values
 * once per group. `insert into <table> (…) select r.…, s.… from unnest(<own>, <positions>) r join unnest(<shared>)
 * with ordinality s using (k)`.
 */
export function unnestInsertShared(table: PgTable, own: ColumnArrays['columns'], shared: ColumnArrays['columns'], firstParam: number): string {
  const q = (c: { name: string }) => `"${c.name}"`;
  let n = firstParam;
  const param = (type: string) => `$${n++}::${type}[]`;
  const ownArrays = [...own.map((c) => param(c.type)), param('integer')];
  const sharedArrays = shared.map((c) => param(c.type));
  return `insert into "${getTableName(table)}" (${[...own, ...shared].map(q).join(', ')})
    select ${[...own.map((c) => `r.${q(c)}`), ...shared.map((c) => `s.${q(c)}`)].join(', ')}
    from unnest(${ownArrays.join(', ')}) r(${[...own.map(q), 'k'].join(', ')})
    join unnest(${sharedArrays.join(', ')}) with ordinality s(${[...shared.map(q), 'k'].join(', ')}) using (k)`;
}

/**
 * The row as the database holds it after inserting `values`: the given values, else the column's own default
 * (`.default(…)`), else null. Spares an insert its `returning *` and the parsing of it. A column whose default
 * only the database knows (`defaultNow()`, a sequence) must be given.
 */
export function rowAsInserted<T extends PgTable>(table: T, values: T['$inferInsert']): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const { key, col, name } of planOf(table).values()) {
    const given = (values as Record<string, unknown>)[key];
    if (given !== undefined) out[key] = given;
    else if (col.default === undefined || is(col.default, SQL)) {
      if (col.hasDefault) throw new Error(`raw-sql: ${getTableName(table)}.${name} has a default only the database knows; give it`);
      out[key] = null;
    } else out[key] = typeof col.default === 'object' && col.default !== null ? JSON.parse(JSON.stringify(col.default)) : col.default;
  }
  return out as T['$inferSelect'];
}

/** Maps a raw result row (column names, driver values) to the table's row type, as Drizzle's own selects do. */
export function rowOf<T>(table: PgTable, raw: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const { key, col, name } of planOf(table).values()) {
    const v = raw[name];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as T;
}
