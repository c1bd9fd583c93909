import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * Random bytes for identifiers on hot paths, drawn from the operating system's CSPRNG a few kilobytes at a time.
 * `randomBytes(7)` costs about 5 µs however few bytes it returns (a synchronous crypto job per call) and the
 * uuidv7 package refills its own 32-byte buffer every few ids; a report needs one tracking code and several ids
 * (docs/benchmarks.md, Appeals). Every byte is handed out once. The server's one source of ids.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let cursor = POOL_BYTES;

/** The offset of `n` bytes no one has had yet, refilling the pool when fewer are left. */
function take(n: number): number {
  if (cursor + n > POOL_BYTES) {
    randomFillSync(pool);
    cursor = 0;
  }
  cursor += n;
  return cursor - n;
}

/** `n` fresh random bytes (n ≤ 4096), copied out of the pool. */
export function randomBytesPooled(n: number): Uint8Array {
  if (n > POOL_BYTES) throw new RangeError(`randomBytesPooled: at most ${POOL_BYTES} bytes`);
  const at = take(n);
  return Uint8Array.prototype.slice.call(pool, at, at + n);
}

const generator = new V7Generator({ nextUint32: () => pool.readUInt32LE(take(4)) });

/** A UUIDv7 (time-ordered, so new rows land at the right edge of their primary key). */
export function uuidv7(): string {
  return generator.generate().toString();
}
