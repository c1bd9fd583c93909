import type { DbOrTx } from '../../db/client.js';
import { onChange } from '../../shared/change-signals.js';
import { intakeCacheMs } from './appeals.categories-cache.js';
import * as repo from './appeals.repository.js';
import type { RegionRow } from './appeals.repository.js';

/**
 * What intake reads about a place on every report — the region chain from the root down to it with the staff
 * assigned at each node, and a household's building — kept in this process's memory for a few seconds
 * (`APPEALS_INTAKE_CACHE_SECONDS`, shared with the category cache). Any audited change to regions, role
 * assignments or households empties it in this instance (shared/change-signals.ts); other instances catch up
 * within the time limit. Bounded: emptied when it holds too many entries.
 */
type Chain = { region: RegionRow; staff: string[] }[];
interface Cache {
  epoch: number;
  chains: Map<string, { at: number; nodes: Chain }>;
  households: Map<string, { at: number; row: { id: string; regionId: string } | undefined }>;
}
const MAX_ENTRIES = 50_000;
const caches = new WeakMap<object, Cache>();
let epoch = 0;

onChange((entityType) => {
  if (entityType === 'region' || entityType === 'assignment' || entityType === 'household') epoch++;
});

function cacheFor(db: DbOrTx): Cache | null {
  if (intakeCacheMs() <= 0) return null;
  let cache = caches.get(db);
  if (!cache || cache.epoch !== epoch) {
    cache = { epoch, chains: new Map(), households: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

function fresh<T extends { at: number }>(map: Map<string, T>, key: string): T | undefined {
  const hit = map.get(key);
  return hit && Date.now() - hit.at < intakeCacheMs() ? hit : undefined;
}

function put<T>(map: Map<string, T>, key: string, value: T) {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
}

export async function chainWithStaff(db: DbOrTx, regionId: string, roles: readonly string[], day: string): Promise<Chain> {
  const cache = cacheFor(db);
  const key = `${regionId}|${day}|${roles.join(',')}`;
  const hit = cache && fresh(cache.chains, key);
  if (hit) return hit.nodes;
  const nodes = await repo.chainWithStaff(db, regionId, roles, day);
  if (cache) put(cache.chains, key, { at: Date.now(), nodes });
  return nodes;
}

export async function householdPlace(db: DbOrTx, id: string): Promise<{ id: string; regionId: string } | undefined> {
  const cache = cacheFor(db);
  const hit = cache && fresh(cache.households, id);
  if (hit) return hit.row;
  const found = await repo.findHousehold(db, id);
  const row = found ? { id: found.id, regionId: found.regionId } : undefined;
  if (cache) put(cache.households, id, { at: Date.now(), row });
  return row;
}
