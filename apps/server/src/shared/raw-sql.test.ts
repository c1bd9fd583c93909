import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { appeals, auditLog } from '../db/schema/index.js';
import { arrayLiteral, columnArrays, rawQuery, type ColumnArrays } from './raw-sql.js';

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

describe('columnArrays (a table\'s rows as one typed array per column)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t?.close());

  /** The rows as PostgreSQL reads the arrays: each column cast to its own type, unnested side by side. */
  const readBack = async ({ columns, arrays }: ColumnArrays) => {
    const casts = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    return (await rawQuery(t.database.db, `select ${names} from unnest(${casts}) as r(${names})`, arrays)).rows;
  };

  it('timestamps, JSON and texts come back as sent, whatever the instants and however many', async () => {
    // More distinct instants per run than the ISO texts remembered, so the remembered ones are also dropped and rebuilt.
    const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true });
    const text = fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => !s.includes('\u0000'));
    const json = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    const row = fc.record({ at: instant, actorName: fc.option(text, { nil: null }), after: fc.option(json.filter((v) => v !== null && !JSON.stringify(v).includes('\\u0000')), { nil: null }) });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        const back = await readBack(columnArrays(auditLog, rows));
        expect(back.map((r) => new Date(r.at as string | Date).getTime())).toEqual(rows.map((r) => r.at.getTime()));
        expect(back.map((r) => r.actor_name)).toEqual(rows.map((r) => r.actorName));
        expect(back.map((r) => r.after)).toEqual(rows.map((r) => r.after));
      }),
      { numRuns: 60 },
    );
  });

  it('numbers and yes/no answers come back as sent', async () => {
    const rows = [
      { lat: 23.0458321, lng: -113.1, reworkCount: 0, mediationConsent: true },
      { lat: null, lng: 0, reworkCount: 2147483647, mediationConsent: false },
      { lat: -0.5, lng: 1e-7, reworkCount: -1, mediationConsent: null },
    ];
    const back = await readBack(columnArrays(appeals, rows));
    expect(back.map((r) => ({ lat: r.lat, lng: r.lng, reworkCount: r.rework_count, mediationConsent: r.mediation_consent }))).toEqual(rows);
  });
});
