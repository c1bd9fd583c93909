import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { holidayYears, people } from '../../db/schema/index.js';

export type HolidayYearRow = typeof holidayYears.$inferSelect;

export async function allYears(db: DbOrTx): Promise<HolidayYearRow[]> {
  return db.select().from(holidayYears).orderBy(asc(holidayYears.year));
}

export async function findYear(db: DbOrTx, year: number): Promise<HolidayYearRow | undefined> {
  const [row] = await db.select().from(holidayYears).where(eq(holidayYears.year, year)).limit(1);
  return row;
}

export async function lockYear(db: DbOrTx, year: number): Promise<HolidayYearRow | undefined> {
  const [row] = await db.select().from(holidayYears).where(eq(holidayYears.year, year)).for('update').limit(1);
  return row;
}

/** Writes the year whether or not it is there yet (two admins saving at once: the later one wins whole). */
export async function saveYear(db: DbOrTx, row: typeof holidayYears.$inferInsert): Promise<HolidayYearRow> {
  const { year: _year, createdAt: _created, ...set } = row;
  const [saved] = await db.insert(holidayYears).values(row).onConflictDoUpdate({ target: holidayYears.year, set }).returning();
  return saved;
}

/** The shipped years, once; a year an admin already keeps is left as it is. Safe with several instances. */
export async function insertSeedYears(db: DbOrTx, rows: (typeof holidayYears.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(holidayYears).values(rows).onConflictDoNothing({ target: holidayYears.year });
}

/** A cheap fingerprint of the table: another instance's save changes it. */
export async function yearsStamp(db: DbOrTx): Promise<string> {
  const [r] = await db.select({ n: sql<number>`count(*)::int`, at: sql<string | null>`max(${holidayYears.updatedAt})::text` }).from(holidayYears);
  return `${r?.n ?? 0}|${r?.at ?? ''}`;
}

export async function personName(db: DbOrTx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [r] = await db.select({ name: people.name }).from(people).where(eq(people.id, id)).limit(1);
  return r?.name ?? null;
}
