import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { arrayLiteral, rawQuery } from './raw-sql.js';

describe('arrayLiteral (rows sent one array per column)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t?.close());

  const echo = async (items: (string | null)[]) => (await rawQuery(t.database.db, 'select $1::text[] as a', [arrayLiteral(items)])).rows[0].a;

  it('keeps the texts that mean something to an array literal as text', async () => {
    const tricky = ['', 'NULL', 'null', '{}', '{"a":1}', 'a,b', '"', '\\', '\\"', ' lead', 'trail ', '\n\t', '楼道里"有"东西\\', '🏠', null];
    expect(await echo(tricky)).toEqual(tricky);
    expect(await echo([])).toEqual([]);
  });

  it('any texts and nulls come back as sent, in order', async () => {
    // PostgreSQL text holds no NUL character.
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { maxLength: 12 }), async (items) => {
        expect(await echo(items)).toEqual(items);
      }),
      { numRuns: 200 },
    );
  });
});
