import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { APPEAL_PHOTO_MAX_BYTES, APPEAL_PHOTOS_PER_STEP, IdParams, normaliseTrackingCode, PhotoUploadQuery, TrackPhotoParams, UploadedPhotos } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { responses } from '../../shared/route-schema.js';
import { processPhoto, type ProcessedPhoto } from './appeal-photos.image.js';
import * as photos from './appeal-photos.repository.js';
import { canSeePhoto, presentPhoto, uploadPhotos } from './appeal-photos.service.js';
import * as repo from './appeals.repository.js';

const tags = ['appeals'];
const binary = Type.String({ format: 'binary', description: 'image bytes (no EXIF)' });
const MB = APPEAL_PHOTO_MAX_BYTES / (1024 * 1024);

const uploadNote =
  `multipart/form-data with 1–${APPEAL_PHOTOS_PER_STEP} photos (any field name), each at most ${MB} MB: JPEG, PNG, WebP or HEIC, checked by their bytes. ` +
  'Every photo is re-encoded without EXIF (GPS position included) and gets a 320 px thumbnail. The answer lists photo ids; ' +
  'pass them as `photoRefs` when reporting (POST /appeals) or in a handle/verify step. Until then only the uploader sees them.';

function fileProblem(code: 'payload_too_large' | 'validation_failed' | 'unsupported_media_type' | 'invalid_file', fieldCode: string, zh: string, en: string) {
  return new AppError(code, { detail: { zh, en }, fields: [{ field: 'file', code: fieldCode, zh, en }] });
}

/** Multipart limits become our own problems with a message a resident can act on; anything else malformed is a 400. */
function uploadError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileProblem('payload_too_large', 'too_large', `每张照片不能超过 ${MB} MB，请压缩后再上传`, `Each photo may be at most ${MB} MB; make it smaller and upload again`);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
    return fileProblem('validation_failed', 'maxItems', `一次最多上传 ${APPEAL_PHOTOS_PER_STEP} 张照片`, `At most ${APPEAL_PHOTOS_PER_STEP} photos at a time`);
  return new AppError('bad_request', { detail: { zh: '上传请求格式不正确（multipart 内容不完整），请重新上传', en: 'The upload request is malformed (incomplete multipart body); upload again' } });
}

/** Reads every file part; each is decoded and re-encoded before anything is stored. */
async function receivePhotos(request: FastifyRequest): Promise<ProcessedPhoto[]> {
  if (!request.isMultipart()) throw fileProblem('unsupported_media_type', 'not_multipart', '请以 multipart/form-data 上传照片', 'Upload photos as multipart/form-data');
  const buffers: Buffer[] = [];
  try {
    for await (const part of request.files()) buffers.push(await part.toBuffer());
  } catch (err) {
    throw uploadError(err);
  }
  if (buffers.length === 0) throw fileProblem('invalid_file', 'missing', '没有收到照片，请选择要上传的照片', 'No photo was received; choose the photos to upload');
  const out: ProcessedPhoto[] = [];
  // One at a time: decoding a phone photo takes a lot of memory, and sharp already uses several threads per image.
  for (const buf of buffers) out.push(await processPhoto(buf));
  return out;
}

async function sendPhoto(reply: FastifyReply, id: string, variant: 'full' | 'thumb', cache: string) {
  const bytes = await photos.readPhotoBytes(reply.server.db, id, variant);
  if (!bytes) throw notFound();
  return reply.header('content-type', bytes.mime).header('cache-control', cache).header('x-content-type-options', 'nosniff').header('content-disposition', 'inline').send(bytes.data);
}

export async function appealPhotoRoutes(app: FastifyInstance) {
  // Multipart only for the upload: the rest of the API keeps refusing anything but JSON.
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: APPEAL_PHOTO_MAX_BYTES, files: APPEAL_PHOTOS_PER_STEP, fields: 2, parts: APPEAL_PHOTOS_PER_STEP + 2, fieldSize: 1024 } });
    scoped.withTypeProvider<TypeBoxTypeProvider>().post(
      '/appeals/photos',
      { schema: { tags, summary: 'Upload photos for a report or a step (EXIF stripped, thumbnails made)', description: uploadNote, consumes: ['multipart/form-data'], querystring: PhotoUploadQuery, response: responses({ 201: UploadedPhotos }) } },
      async (request, reply) => {
        actorOf(request);
        const files = await receivePhotos(request);
        const rows = await uploadPhotos(app.db, contextOf(request), files, request.query.visibility ?? 'public');
        return reply.status(201).send({ items: rows.map(presentPhoto) });
      },
    );
  });

  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  for (const variant of ['full', 'thumb'] as const) {
    const suffix = variant === 'thumb' ? '/thumb' : '';
    api.get(
      `/appeals/photos/:id${suffix}`,
      { schema: { tags, summary: variant === 'thumb' ? 'A photo’s 320 px thumbnail' : 'A photo (display size, no EXIF)', description: 'The uploader; staff who may read the appeal; its reporter and followers for public photos.', params: IdParams, response: responses({ 200: binary }) } },
      async (request, reply) => {
        const actor = actorOf(request);
        const photo = await photos.findPhotoMeta(app.db, request.params.id);
        if (!photo || !(await canSeePhoto(app.db, actor, photo))) throw notFound();
        return sendPhoto(reply, photo.id, variant, 'private, max-age=86400, immutable');
      },
    );
    api.get(
      `/appeals/track/:code/photos/:id${suffix}`,
      {
        config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
        schema: { tags, summary: variant === 'thumb' ? 'A public photo’s thumbnail on the public timeline' : 'A public photo on the public timeline', params: TrackPhotoParams, response: responses({ 200: binary }) },
      },
      async (request, reply) => {
        const appeal = await repo.findAppealByCode(app.db, normaliseTrackingCode(request.params.code));
        const photo = appeal ? await photos.findPhotoMeta(app.db, request.params.id) : undefined;
        if (!appeal || !photo || photo.appealId !== appeal.id || photo.visibility !== 'public') throw notFound();
        return sendPhoto(reply, photo.id, variant, 'public, max-age=86400, immutable');
      },
    );
  }
}
