import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { idsOnPath } from '@shuren/core';
import { PgTransaction, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import { regions } from '../db/schema/index.js';
import { subtreeOf } from './paging.js';

/** `/root/community/` has two ids: from a community down, a scoped list is read node by node. */
const NODE_BY_NODE_FROM_DEPTH = 2;

/** Whether every scope is a community or smaller (the whole subdistrict keeps the plain query). */
export function readsNodeByNode(scopes: string[]): boolean {
  return scopes.length > 0 && scopes.every((s) => idsOnPath(s).length >= NODE_BY_NODE_FROM_DEPTH);
}

export interface RegionNodeRead {
  table: PgTable;
  /** The row's node path (exactly one node's: a unit's appeals, a building's households). */
  path: AnyColumn;
  scopes: string[];
  /** The list's other conditions, on the table's own columns. */
  where: (SQL | undefined)[];
  order: AnyColumn[];
  /** What each node's rows carry: the order's columns at least, and the key when whole rows are read by it afterwards. */
  select: SQL;
  limit: number;
}

/**
 * The first `limit` rows of a list scoped to region subtrees, in `order`, read region node by region node, as one
 * statement. A row's path column holds exactly one node's path, and an index on (path, …order) keeps each node's
 * rows as one range already in order: each node gives at most `limit` rows and they are merged. The plain query
 * (`path like 'scope%' order by …`) must instead read every row under the scope and sort them, or walk the order's
 * own index past the rest of the subdistrict — 61 ms for the last community of 250,000 households in id order,
 * 50–100 ms for a community flooded with 45,000 open reports.
 */
export function firstByRegionNodeSql(o: RegionNodeRead): SQL {
  const inner = sql.join(o.order.map((c) => sql`${c}`), sql`, `);
  const outer = sql.join(o.order.map((c) => sql.raw(`q."${c.name}"`)), sql`, `);
  return sql`select q.* from ${regions}
    cross join lateral (select ${o.select} from ${o.table} where ${o.path} = ${regions.path} and ${and(sql`true`, ...o.where)}
      order by ${inner} limit ${o.limit}) q
    where ${subtreeOf(regions.path, o.scopes)}
    order by ${outer} limit ${o.limit}`;
}

/**
 * Runs a query built on `firstByRegionNodeSql` with bitmap scans off, for tables where one node can hold thousands of
 * rows (a unit's queue in a flood). The planner sizes each node's rows by the average over all nodes (the node is a
 * join parameter), so for a node holding thousands it reads them all into a sort instead of stopping after a page
 * (measured: 36 ms against 1.5 ms). The setting needs a transaction of its own — three more round trips, which is
 * why the people list, where one node may hold thousands too but whose plain query is fast for most communities,
 * does not read this way (docs/benchmarks.md, "Registry lists"). Inside a caller's transaction the setting would
 * outlive the read, so there the planner chooses.
 */
export async function withoutBitmapScans(db: DbOrTx, query: SQL): Promise<Record<string, unknown>[]> {
  const read = async (q: DbOrTx) => ((await q.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  if (db instanceof PgTransaction) return read(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_bitmapscan = off`);
    return read(tx);
  });
}
