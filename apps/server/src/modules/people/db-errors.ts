/**
 * Recognises a unique-constraint violation by constraint name, on node-postgres and PGlite alike
 * (Drizzle wraps the driver error in `cause`). Used where a race past a pre-check must still end as a clear 409.
 */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: any = err, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (e.code === '23505') return e.constraint === constraint || String(e.message ?? '').includes(constraint) || String(e.detail ?? '').includes(constraint);
  }
  return false;
}
