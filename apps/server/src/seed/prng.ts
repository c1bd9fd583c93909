/**
 * Seeded randomness for the demo generator: the same seed gives the same data on every run and machine,
 * so tests can compare two runs and a bug report can name a scale instead of attaching a dump.
 */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast and good enough for demo data (not for secrets). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  /** `k` distinct items, in a random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k > items.length) throw new Error(`cannot sample ${k} of ${items.length}`);
    return this.shuffle(items).slice(0, k);
  }

  /** A child generator, so one part of the plan can change without shifting the draws of another. */
  fork(label: string): Rng {
    let h = this.state ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Rng(h);
  }
}

/**
 * Splits `total` over `weights.length` buckets, each getting at least `min`, proportionally to the weights,
 * with the rounding remainder handed out deterministically (largest fractional parts first).
 */
export function distribute(total: number, weights: readonly number[], min = 1): number[] {
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new Error(`cannot distribute ${total} over no buckets`);
    return [];
  }
  if (total < min * n) throw new Error(`cannot give ${n} buckets at least ${min} each from ${total}`);
  const rest = total - min * n;
  const sum = weights.reduce((a, b) => a + b, 0) || n;
  const exact = weights.map((w) => (rest * (sum === n && w === 0 ? 1 : w)) / sum);
  const out = exact.map((x) => min + Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k][1]]++;
  return out;
}

/**
 * Deterministic UUIDv7-shaped ids: the 48-bit time field is a fixed base plus a running counter, so ids are
 * unique, stable for a given seed and ordered by creation (keyset paging by id follows generation order);
 * the random bits come from their own stream so they never shift the data draws.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class IdFactory {
  private counter = 0;
  private readonly rng: Rng;
  constructor(
    seed: number,
    private readonly baseMs = Date.UTC(2024, 0, 1),
  ) {
    this.rng = new Rng(seed ^ 0x5eed1d);
  }

  next(): string {
    const b = new Array<number>(16);
    let ts = this.baseMs + this.counter++;
    for (let i = 5; i >= 0; i--) {
      b[i] = ts % 256;
      ts = Math.floor(ts / 256);
    }
    for (let i = 6; i < 16; i += 4) {
      const x = (this.rng.next() * 4294967296) >>> 0;
      b[i] = x & 255;
      b[i + 1] = (x >>> 8) & 255;
      if (i + 2 < 16) b[i + 2] = (x >>> 16) & 255;
      if (i + 3 < 16) b[i + 3] = x >>> 24;
    }
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    const h = b.map((x) => HEX[x]);
    return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
  }

}
