import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people, regions } from '../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { insertWithAudit, snapshot } from './audit.js';
import type { CommandContext } from './context.js';

describe('insertWithAudit (one statement for a row and its audit row)', () => {
  let t: TestApp;
  let region: { id: string; path: string };
  const ctx = (): CommandContext => ({ actor: null, requestId: 'req-1', ip: '127.0.0.1', now: new Date('2026-11-20T02:00:00Z') });
  const person = (over: Partial<typeof people.$inferInsert> = {}) => ({ id: uuidv7(), name: '黎小明', homeRegionId: region.id, homePath: region.path, createdAt: ctx().now, updatedAt: ctx().now, ...over });
  const countAudit = async (entityId: string) => (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).length;

  beforeAll(async () => {
    t = await createTestApp();
    [region] = await t.database.db.select({ id: regions.id, path: regions.path }).from(regions).where(eq(regions.code, 'GC-C01-G01-B01'));
  });
  afterAll(async () => t?.close());

  it('writes the row and its audit row, with JSON before/after intact', async () => {
    const row = person({ name: `O'Brien "x" 🏠` });
    await insertWithAudit(t.database.db, ctx(), people, row, { action: 'person.create', entityType: 'person', entityId: row.id, regionPath: row.homePath, after: { name: row.name, tags: ['a'] } });
    const [stored] = await t.database.db.select().from(people).where(eq(people.id, row.id));
    expect(stored.name).toBe(`O'Brien "x" 🏠`);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audit).toMatchObject({ action: 'person.create', entityType: 'person', regionPath: region.path, requestId: 'req-1', after: { name: row.name, tags: ['a'] }, before: null });
  });

  it('writes neither when the row violates a constraint', async () => {
    await insertWithAudit(t.database.db, ctx(), people, person({ idNumber: '440602198001010018' }), { action: 'person.create', entityType: 'person', entityId: 'first' });
    const dup = person({ idNumber: '440602198001010018' });
    const err = await insertWithAudit(t.database.db, ctx(), people, dup, { action: 'person.create', entityType: 'person', entityId: dup.id }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err.cause ?? err).code).toBe('23505');
    expect(await countAudit(dup.id)).toBe(0);
    expect(await t.database.db.select().from(people).where(eq(people.id, dup.id))).toEqual([]);
  });

  it('works inside a transaction, rolled back with it', async () => {
    const row = person();
    let seenInside = 0;
    await t.database.db
      .transaction(async (tx) => {
        await insertWithAudit(tx, ctx(), people, row, { action: 'person.create', entityType: 'person', entityId: row.id });
        const [{ n }] = (await tx.execute(sql`select count(*)::int as n from audit_log where entity_id = ${row.id}`)).rows as { n: number }[];
        seenInside = Number(n);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(seenInside).toBe(1);
    expect(await countAudit(row.id)).toBe(0);
  });
});

describe('snapshot (what an audit row keeps of a value)', () => {
  const roundTrip = (value: unknown) => (value === undefined || value === null ? null : JSON.parse(JSON.stringify(value, (k, v) => (k === 'passwordHash' || k === 'codeHash' ? undefined : v))));

  it('equals the JSON round trip without secrets, for flat records and anything else', () => {
    const flat = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('passwordHash', 'codeHash', '0', '10', '__proto__')), fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.double(), fc.integer(), fc.constant(undefined)));
    const anything = fc.oneof(flat, fc.anything({ withDate: true, withNullPrototype: true, withMap: false, withSet: false }));
    fc.assert(
      fc.property(anything, (value) => {
        expect(snapshot(value)).toEqual(roundTrip(value));
      }),
      { numRuns: 500 },
    );
  });

  it('drops the secrets of a flat record and keeps the rest', () => {
    expect(snapshot({ name: '黎小明', passwordHash: 'x', codeHash: 'y', active: true, n: 0 })).toEqual({ name: '黎小明', active: true, n: 0 });
  });
});
