import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { appealCategories } from '../../db/schema/index.js';
import type { CategoryRow } from './appeals.repository.js';

/**
 * The category tree read by every submission, kept in this process's memory for a few seconds
 * (`APPEALS_INTAKE_CACHE_SECONDS`; 0 = read every time, the default in tests). The admin screens call
 * `categoriesChanged()` after every write, so this instance reads them again at once; other instances within the
 * time limit. One cache per database handle (tests run several apps in one process).
 */
let generation = 0;
let ttlMs = 0;
const caches = new WeakMap<object, { at: number; generation: number; byCode: Map<string, CategoryRow> }>();
// A read under way, shared by the reports that arrive meanwhile: when the cache runs out under load, the tree is
// read once, not once per waiting report.
const loading = new WeakMap<object, { generation: number; read: Promise<Map<string, CategoryRow>> }>();

function readCategories(db: DbOrTx): Promise<Map<string, CategoryRow>> {
  const pending = loading.get(db);
  if (pending && pending.generation === generation) return pending.read;
  const read = db
    .select()
    .from(appealCategories)
    .orderBy(asc(appealCategories.sortOrder))
    .then((rows) => new Map(rows.filter((r) => r.active).map((r) => [r.code, r] as const)))
    .finally(() => {
      if (loading.get(db)?.read === read) loading.delete(db);
    });
  loading.set(db, { generation, read });
  return read;
}

export function categoriesChanged(): void {
  generation++;
}
export function categoriesGeneration(): number {
  return generation;
}

export function setIntakeCacheSeconds(seconds: number): void {
  ttlMs = seconds * 1000;
}
export function intakeCacheMs(): number {
  return ttlMs;
}

/** An active category by its code, or undefined. */
export async function activeCategory(db: DbOrTx, code: string): Promise<CategoryRow | undefined> {
  let cache = caches.get(db);
  const now = Date.now();
  if (!cache || cache.generation !== generation || now - cache.at >= ttlMs) {
    if (ttlMs <= 0) return (await readCategories(db)).get(code);
    const readAt = generation;
    const byCode = await readCategories(db);
    cache = { at: now, generation: readAt, byCode };
    caches.set(db, cache);
  }
  return cache.byCode.get(code);
}
