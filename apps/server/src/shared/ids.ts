import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * Random bytes for identifiers on hot paths, drawn from the operating system's CSPRNG a few kilobytes at a time.
 * `randomBytes(7)` costs about 5 µs however few bytes it returns (a synchronous crypto job per call) and the
 * uuidv7 package refills its own 32-byte buffer every few ids; a report needs one tracking code and several ids
 * (docs/benchmarks.md, Appeals). Every byte is handed out once.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let cursor = POOL_BYTES;

/** `n` fresh random bytes (n ≤ 4096), copied out of the pool. */
export function randomBytesPooled(n: number): Uint8Array {
  if (n > POOL_BYTES) throw new RangeError(`randomBytesPooled: at most ${POOL_BYTES} bytes`);
  if (cursor + n > POOL_BYTES) {
    randomFillSync(pool);
    cursor = 0;
  }
  const out = Uint8Array.prototype.slice.call(pool, cursor, cursor + n);
  cursor += n;
  return out;
}

function nextUint32(): number {
  if (cursor + 4 > POOL_BYTES) {
    randomFillSync(pool);
    cursor = 0;
  }
  const v = pool.readUInt32LE(cursor);
  cursor += 4;
  return v;
}

const generator = new V7Generator({ nextUint32 });

/** A UUIDv7 (time-ordered, so new rows land at the right edge of their primary key). */
export function uuidv7(): string {
  return generator.generate().toString();
}
