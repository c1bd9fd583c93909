import { uuidv7 } from '../../shared/ids.js';
import { APPEAL_PHOTOS_PER_STEP, appealPhotoUrl, type AppealPhoto, type AppealPhotoVisibility } from '@shuren/core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../shared/actor.js';
import { recordAudit } from '../../shared/audit.js';
import { requireActor, type CommandContext } from '../../shared/context.js';
import { AppError, invalidField } from '../../shared/errors.js';
import * as photos from './appeal-photos.repository.js';
import type { PhotoMeta } from './appeal-photos.repository.js';
import type { ProcessedPhoto } from './appeal-photos.image.js';
import * as repo from './appeals.repository.js';
import type { AppealRow } from './appeals.repository.js';
import { canReadAsStaff, isReporter } from './appeals.policy.js';

/** Uploads waiting to be used, per person: enough for a report and two steps, small enough to stop filling the database. */
export const MAX_PENDING_PHOTOS = 4 * APPEAL_PHOTOS_PER_STEP;
/** Uploads nobody used are removed by the sweeper after this long. */
export const ABANDONED_AFTER_MS = 2 * 86_400_000;

export function presentPhoto(p: PhotoMeta): AppealPhoto {
  return {
    id: p.id,
    visibility: p.visibility as AppealPhotoVisibility,
    mime: p.mime,
    width: p.width,
    height: p.height,
    bytes: p.bytes,
    thumbWidth: p.thumbWidth,
    thumbHeight: p.thumbHeight,
    url: appealPhotoUrl(p.id),
    thumbUrl: appealPhotoUrl(p.id, true),
    createdAt: p.createdAt.toISOString(),
  };
}

/** Stores processed uploads for the signed-in person; they stay private to them until a command uses them. */
export async function uploadPhotos(db: Db, ctx: CommandContext, files: ProcessedPhoto[], visibility: AppealPhotoVisibility): Promise<PhotoMeta[]> {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const pending = await photos.countPending(tx, actor.personId);
    if (pending + files.length > MAX_PENDING_PHOTOS)
      throw new AppError('rate_limited', {
        detail: { zh: `您已上传 ${pending} 张尚未使用的照片，请先提交诉求或稍后再试`, en: `You have ${pending} uploaded photos not used yet; submit them first or try later` },
      });
    const rows = await photos.insertPhotos(
      tx,
      files.map((f) => ({ id: uuidv7(), uploaderPersonId: actor.personId, visibility, ...f, bytes: f.data.length, thumbBytes: f.thumb.length, createdAt: ctx.now })),
    );
    for (const r of rows) {
      await recordAudit(tx, ctx, { action: 'appeal.photo.upload', entityType: 'appeal_photo', entityId: r.id, regionPath: actor.homePath, after: { visibility, mime: r.mime, width: r.width, height: r.height, bytes: r.bytes } });
    }
    return rows;
  });
}

/**
 * Claims the photos a report or step references, in the command's transaction: each must exist, be the
 * caller's own upload and not be used yet. Another person's photo answers like a missing one (no probing).
 */
export async function claimPhotos(tx: DbOrTx, actor: Actor, ids: readonly string[] | undefined, target: { appeal: Pick<AppealRow, 'id' | 'regionPath'>; step: string; now: Date; field?: string }): Promise<string[]> {
  if (!ids || ids.length === 0) return [];
  const field = target.field ?? '/body/photoRefs';
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw invalidField(`${field}/${i}`, 'duplicate', { zh: '同一张照片重复引用', en: 'The same photo is listed twice' });
    seen.add(id);
  });
  const rows = new Map((await photos.lockPhotos(tx, [...ids])).map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const row = rows.get(id);
    if (!row || row.uploaderPersonId !== actor.personId)
      throw invalidField(`${field}/${i}`, 'unknown_photo', { zh: '找不到这张照片，请先上传（只能使用自己上传的照片）', en: 'No such photo; upload it first (only your own uploads can be used)' });
    if (row.appealId) throw invalidField(`${field}/${i}`, 'already_used', { zh: '这张照片已用于其他诉求或步骤，请重新上传', en: 'This photo is already used by another report or step; upload it again' });
  });
  await photos.attachPhotos(tx, [...ids], { appealId: target.appeal.id, regionPath: target.appeal.regionPath, step: target.step, attachedAt: target.now });
  return [...ids];
}

/**
 * Same rules as the appeal: the uploader always; staff who may read the appeal, any photo; the reporter,
 * the resident reported for and followers, public photos. Everyone else: not found.
 */
export async function canSeePhoto(db: DbOrTx, actor: Actor, photo: PhotoMeta): Promise<boolean> {
  if (photo.uploaderPersonId === actor.personId) return true;
  if (!photo.appealId) return false;
  const appeal = await repo.findAppeal(db, photo.appealId);
  if (!appeal) return false;
  if (canReadAsStaff(actor, appeal)) return true;
  if (photo.visibility !== 'public') return false;
  return isReporter(actor, appeal) || (await repo.isFollower(db, appeal.id, actor.personId));
}
