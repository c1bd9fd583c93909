import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';

/** A column of a bulk insert and its SQL type (json/jsonb values are passed as JSON, not text). */
export type BulkColumn = [name: string, type: 'uuid' | 'text' | 'int' | 'float8' | 'numeric' | 'bool' | 'date' | 'timestamptz' | 'jsonb'];

/**
 * Set-based insert: each statement ships a few thousand rows as one JSON parameter and unpacks them with
 * json_array_elements, so 250k households take a few dozen statements instead of 250k round trips.
 * The same SQL runs on PostgreSQL 15 and PGlite, with one parameter per statement.
 */
export async function bulkInsert(db: DbOrTx, table: string, columns: BulkColumn[], rows: unknown[][], chunkRows = 4000): Promise<number> {
  if (!rows.length) return 0;
  const names = sql.raw(columns.map(([n]) => `"${n}"`).join(', '));
  const exprs = sql.raw(columns.map(([, type], i) => (type === 'jsonb' ? `(e->${i})::jsonb` : `(e->>${i})::${type}`)).join(', '));
  for (let i = 0; i < rows.length; i += chunkRows) {
    const json = JSON.stringify(rows.slice(i, i + chunkRows));
    await db.execute(sql`insert into ${sql.identifier(table)} (${names}) select ${exprs} from json_array_elements(${json}::json) as e`);
  }
  return rows.length;
}
