/**
 * Group commit: writes that arrive while earlier ones are running wait and go together in the next call of
 * `write` (one statement, one round trip, one commit for the lot). At most `inFlight` calls run at once; a write
 * that arrives when fewer are running goes at once on its own, so a quiet server adds no wait, and under load the
 * groups grow by themselves (up to `maxGroup`).
 *
 * Each caller hears back only when the call holding its item has finished, so a success is a committed write.
 * When a group fails, its items are written again one by one: a bad item fails alone and its neighbours land.
 * A failed group's write must have left nothing behind (one statement, or one transaction, per call).
 */
export interface GroupCommitOptions {
  /** Calls of `write` running at once. */
  inFlight: number;
  /** Items in one call at most. */
  maxGroup: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitStats {
  /** Calls of `write` made, counting the one-by-one retries of a failed group. */
  calls: number;
  items: number;
  largestGroup: number;
}

export class GroupCommit<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private running = 0;
  readonly stats: GroupCommitStats = { calls: 0, items: 0, largestGroup: 0 };

  /** `write` returns one result per item, in the items' order. */
  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: GroupCommitOptions,
  ) {
    if (!(options.inFlight >= 1 && options.maxGroup >= 1)) throw new Error('group commit: inFlight and maxGroup must be at least 1');
  }

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.inFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.options.maxGroup);
      this.running++;
      void this.run(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async call(items: I[]): Promise<O[]> {
    this.stats.calls++;
    this.stats.items += items.length;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, items.length);
    const out = await this.write(items);
    if (out.length !== items.length) throw new Error(`group commit: ${out.length} results for ${items.length} items`);
    return out;
  }

  private async run(group: Waiting<I, O>[]): Promise<void> {
    try {
      const out = await this.call(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(out[i]));
    } catch (err) {
      if (group.length === 1) return group[0].reject(err);
      // One after the other, in this group's slot: the limit on calls running at once holds here too.
      for (const w of group) await this.call([w.item]).then(([out]) => w.resolve(out), w.reject);
    }
  }
}
