import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

/** A writer whose calls finish only when the test says so; items that are negative numbers fail their group. */
function controlledWriter() {
  const calls: { items: number[]; finish: () => void }[] = [];
  let running = 0;
  let mostRunning = 0;
  const write = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      running++;
      mostRunning = Math.max(mostRunning, running);
      calls.push({
        items,
        finish: () => {
          running--;
          if (items.some((i) => i < 0)) reject(new Error(`bad item in ${items.join(',')}`));
          else resolve(items.map((i) => `written ${i}`));
        },
      });
    });
  return { write, calls, mostRunning: () => mostRunning };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('group commit', () => {
  it('writes an item at once when nothing is running, and groups the ones that arrive meanwhile', async () => {
    const w = controlledWriter();
    const group = new GroupCommit(w.write, { inFlight: 1, maxGroup: 10 });
    const first = group.submit(1);
    expect(w.calls.map((c) => c.items)).toEqual([[1]]);
    const rest = [2, 3, 4].map((i) => group.submit(i));
    expect(w.calls).toHaveLength(1);
    w.calls[0].finish();
    expect(await first).toBe('written 1');
    await settle();
    expect(w.calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    w.calls[1].finish();
    expect(await Promise.all(rest)).toEqual(['written 2', 'written 3', 'written 4']);
    expect(group.stats).toEqual({ calls: 2, items: 4, largestGroup: 3 });
  });

  it('never puts more than maxGroup items in one call', async () => {
    const w = controlledWriter();
    const group = new GroupCommit(w.write, { inFlight: 1, maxGroup: 2 });
    const all = [1, 2, 3, 4, 5].map((i) => group.submit(i));
    for (let k = 0; k < 3; k++) {
      w.calls[k].finish();
      await settle();
    }
    expect(w.calls.map((c) => c.items)).toEqual([[1], [2, 3], [4, 5]]);
    expect(await Promise.all(all)).toHaveLength(5);
  });

  it('when a group fails, writes its items one by one (in its slot) so only the bad one fails', async () => {
    const w = controlledWriter();
    const group = new GroupCommit(w.write, { inFlight: 1, maxGroup: 10 });
    const first = group.submit(1);
    const good = group.submit(2);
    const bad = group.submit(-3).catch((e: Error) => e.message);
    const alsoGood = group.submit(4);
    w.calls[0].finish();
    await first;
    await settle();
    expect(w.calls[1].items).toEqual([2, -3, 4]);
    w.calls[1].finish();
    for (let k = 2; k < 5; k++) {
      await settle();
      w.calls[k].finish();
    }
    expect(w.calls.slice(2).map((c) => c.items)).toEqual([[2], [-3], [4]]);
    expect(await good).toBe('written 2');
    expect(await alsoGood).toBe('written 4');
    expect(await bad).toBe('bad item in -3');
  });

  it('refuses a writer that returns the wrong number of results', async () => {
    const group = new GroupCommit(async (items: number[]) => items.slice(1), { inFlight: 1, maxGroup: 4 });
    await expect(group.submit(1)).rejects.toThrow('0 results for 1 items');
    expect(() => new GroupCommit(async (items: number[]) => items, { inFlight: 0, maxGroup: 4 })).toThrow();
  });

  it('for any arrivals and failures: every item is answered once with its own result or error, within the limits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        async (items, inFlight, maxGroup, finishOrder) => {
          const w = controlledWriter();
          const group = new GroupCommit(w.write, { inFlight, maxGroup });
          const answers = new Map<number, string>();
          const done = items.map((item, k) =>
            group.submit(item).then(
              (out) => answers.set(k, out),
              (err: Error) => answers.set(k, `failed: ${err.message}`),
            ),
          );
          // Finish running calls in an arbitrary order until every item is answered.
          let step = 0;
          while (answers.size < items.length) {
            const open = w.calls.filter((c) => !(c as { done?: boolean }).done);
            if (open.length === 0) {
              await settle();
              continue;
            }
            const pick = open[(finishOrder[step++ % Math.max(1, finishOrder.length)] ?? 0) % open.length] as (typeof open)[number] & { done?: boolean };
            pick.done = true;
            pick.finish();
            await settle();
          }
          await Promise.all(done);
          items.forEach((item, k) => {
            const answer = answers.get(k)!;
            if (item < 0) expect(answer).toBe(`failed: bad item in ${item}`);
            else expect(answer).toBe(`written ${item}`);
          });
          expect(w.mostRunning()).toBeLessThanOrEqual(inFlight);
          expect(Math.max(...w.calls.map((c) => c.items.length))).toBeLessThanOrEqual(maxGroup);
          // Every good item was in exactly one successful call.
          const landed = w.calls.filter((c) => c.items.every((i) => i >= 0)).flatMap((c) => c.items);
          expect(landed.sort((a, b) => a - b)).toEqual(items.filter((i) => i >= 0).sort((a, b) => a - b));
        },
      ),
      { numRuns: 150 },
    );
  });
});
