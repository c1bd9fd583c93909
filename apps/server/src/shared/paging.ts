import { and, gt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from './errors.js';

/**
 * Keyset paging. The cursor is opaque to clients: base64url of [sortValue, id] of the last row served.
 * Rows are ordered by (sortColumn, id), so ties never repeat or skip rows between pages.
 */
export function encodeCursor(sortValue: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/i.test(v[1])) return v as [string | number | null, string];
  } catch {
    /* fall through */
  }
  throw new AppError('validation_failed', { fields: [{ field: '/query/cursor', code: 'invalid' }] });
}

/** WHERE fragment for "after this cursor" in (sortCol, idCol) order; sortCol null means order by id only. */
export function afterCursor(cursor: string | undefined, idCol: AnyColumn, sortCol?: AnyColumn): SQL | undefined {
  if (!cursor) return undefined;
  const [value, id] = decodeCursor(cursor);
  if (!sortCol) return gt(idCol, id);
  return or(gt(sortCol, value), and(sql`${sortCol} = ${value}`, gt(idCol, id)));
}

/** Takes `limit + 1` rows, returns at most `limit` and the next cursor when more exist. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, sortValue?: (row: T) => string | number | null) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sortValue ? sortValue(last) : null, last.id) : null;
  return { items, nextCursor };
}

/** Escapes LIKE wildcards in user text so "50%" searches for the characters. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function subtreeOf(column: AnyColumn, paths: string[]): SQL {
  if (paths.length === 1) return sql`${column} like ${paths[0] + '%'}`;
  return sql`(${sql.join(
    paths.map((p) => sql`${column} like ${p + '%'}`),
    sql` or `,
  )})`;
}
