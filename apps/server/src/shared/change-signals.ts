/**
 * In-process notice that some kind of record changed, for caches that keep registry facts in memory (the appeals
 * intake reads regions, households, assignments and categories on every report). Every audited change passes
 * through `auditRow`, which signals its entity type, so a cache never needs each module to remember to call it.
 * The signal comes before the change commits: a cache may then reload the old value and keep it until its own
 * time limit, so caches listening here keep entries for seconds only. Other server instances learn nothing from
 * this; they rely on the same time limit (docs/operations.md, "What each instance keeps in memory").
 */
type Listener = (entityType: string) => void;
const listeners = new Set<Listener>();

export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signalChange(entityType: string): void {
  for (const l of listeners) l(entityType);
}
