import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { appealCategories } from '../../db/schema/index.js';
import type { CategoryRow } from './appeals.repository.js';

/** Every category, retired ones too, in the order residents see them. */
export async function allCategories(db: DbOrTx): Promise<CategoryRow[]> {
  return db.select().from(appealCategories).orderBy(asc(appealCategories.sortOrder), asc(appealCategories.code));
}

export async function findByCode(db: DbOrTx, code: string): Promise<CategoryRow | undefined> {
  const [row] = await db.select().from(appealCategories).where(eq(appealCategories.code, code)).limit(1);
  return row;
}

/** Row lock for an edit: two admins saving the same category apply one after the other. */
export async function lockCategory(db: DbOrTx, id: string): Promise<CategoryRow | undefined> {
  const [row] = await db.select().from(appealCategories).where(eq(appealCategories.id, id)).for('update').limit(1);
  return row;
}

export async function insertCategory(db: DbOrTx, row: typeof appealCategories.$inferInsert): Promise<CategoryRow> {
  const [created] = await db.insert(appealCategories).values(row).returning();
  return created;
}

export async function updateCategory(db: DbOrTx, id: string, set: Partial<typeof appealCategories.$inferInsert>): Promise<CategoryRow> {
  const [row] = await db.update(appealCategories).set(set).where(eq(appealCategories.id, id)).returning();
  return row;
}

/** Retires the active children of a category; returns them as they were before. */
export async function deactivateChildren(db: DbOrTx, parentCode: string, at: Date): Promise<CategoryRow[]> {
  return db
    .update(appealCategories)
    .set({ active: false, updatedAt: at })
    .where(and(eq(appealCategories.parentCode, parentCode), eq(appealCategories.active, true)))
    .returning();
}
