import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { appealPhotos } from '../../db/schema/index.js';

export type PhotoInsert = typeof appealPhotos.$inferInsert;

/** Everything but the image bytes: what lists, checks and presenters need. */
const META = {
  id: appealPhotos.id,
  uploaderPersonId: appealPhotos.uploaderPersonId,
  visibility: appealPhotos.visibility,
  appealId: appealPhotos.appealId,
  step: appealPhotos.step,
  mime: appealPhotos.mime,
  width: appealPhotos.width,
  height: appealPhotos.height,
  bytes: appealPhotos.bytes,
  thumbWidth: appealPhotos.thumbWidth,
  thumbHeight: appealPhotos.thumbHeight,
  createdAt: appealPhotos.createdAt,
};
export type PhotoMeta = { id: string; uploaderPersonId: string; visibility: string; appealId: string | null; step: string | null; mime: string; width: number; height: number; bytes: number; thumbWidth: number; thumbHeight: number; createdAt: Date };

export async function insertPhotos(db: DbOrTx, rows: PhotoInsert[]): Promise<PhotoMeta[]> {
  if (rows.length === 0) return [];
  return db.insert(appealPhotos).values(rows).returning(META);
}

/** Uploads of this person not attached to anything yet (the cap on pending uploads). */
export async function countPending(db: DbOrTx, personId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(appealPhotos).where(and(eq(appealPhotos.uploaderPersonId, personId), isNull(appealPhotos.appealId)));
  return r?.n ?? 0;
}

export async function findPhotoMeta(db: DbOrTx, id: string): Promise<PhotoMeta | undefined> {
  const [row] = await db.select(META).from(appealPhotos).where(eq(appealPhotos.id, id)).limit(1);
  return row;
}

/** Row locks on the photos a command references: two commands cannot both claim the same photo. */
export async function lockPhotos(db: DbOrTx, ids: string[]): Promise<{ id: string; uploaderPersonId: string; appealId: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: appealPhotos.id, uploaderPersonId: appealPhotos.uploaderPersonId, appealId: appealPhotos.appealId })
    .from(appealPhotos)
    .where(inArray(appealPhotos.id, ids))
    .for('update');
}

export async function attachPhotos(db: DbOrTx, ids: string[], set: { appealId: string; regionPath: string; step: string; attachedAt: Date }): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.update(appealPhotos).set(set).where(and(inArray(appealPhotos.id, ids), isNull(appealPhotos.appealId))).returning({ id: appealPhotos.id });
  return rows.length;
}

/** Ids of an appeal's photos everyone with the tracking code may see. */
export async function publicPhotoIds(db: DbOrTx, appealId: string): Promise<Set<string>> {
  const rows = await db.select({ id: appealPhotos.id }).from(appealPhotos).where(and(eq(appealPhotos.appealId, appealId), eq(appealPhotos.visibility, 'public')));
  return new Set(rows.map((r) => r.id));
}

/** The bytes of one version (display or thumbnail) and its type. */
export async function readPhotoBytes(db: DbOrTx, id: string, variant: 'full' | 'thumb'): Promise<{ mime: string; data: Buffer } | undefined> {
  const cols = variant === 'thumb' ? { mime: appealPhotos.thumbMime, data: appealPhotos.thumb } : { mime: appealPhotos.mime, data: appealPhotos.data };
  const [row] = await db.select(cols).from(appealPhotos).where(eq(appealPhotos.id, id)).limit(1);
  return row;
}

/** Removes uploads nobody attached (the form was abandoned), oldest first, a batch at a time. */
export async function purgeAbandoned(db: DbOrTx, before: Date, limit: number): Promise<number> {
  const doomed = db.select({ id: appealPhotos.id }).from(appealPhotos).where(and(isNull(appealPhotos.appealId), sql`${appealPhotos.createdAt} < ${before.toISOString()}::timestamptz`)).orderBy(appealPhotos.createdAt).limit(limit);
  const rows = await db.delete(appealPhotos).where(and(inArray(appealPhotos.id, doomed), isNull(appealPhotos.appealId))).returning({ id: appealPhotos.id });
  return rows.length;
}
