import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { APPEAL_PHOTO_MAX_SIDE, APPEAL_PHOTO_THUMB_SIDE } from '@shuren/core';
import { AppError } from '../../shared/errors.js';

/**
 * Turns an upload into what is kept: a display version (longest side ≤ 2048 px) and a 320 px thumbnail, both
 * re-encoded from decoded pixels with the camera orientation applied. sharp writes no metadata unless asked, so
 * EXIF (GPS position, camera serial, time), XMP and comments never reach storage. The original is not kept:
 * the place of an appeal is recorded as a region, so its GPS tag is of no use to staff and a liability to keep.
 */

/** What the bytes must be (the extension and declared type are whatever the client says). */
const ACCEPTED = new Map<string, 'jpeg' | 'png' | 'webp' | 'heif'>([
  ['image/jpeg', 'jpeg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
  ['image/heic', 'heif'],
  ['image/heif', 'heif'],
  ['image/avif', 'heif'],
]);

/** A 48-megapixel phone photo is ~48M pixels; beyond this a small file could still explode into gigabytes of pixels. */
const MAX_INPUT_PIXELS = 100_000_000;
const INPUT = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };

export interface ProcessedPhoto {
  originalMime: string;
  originalBytes: number;
  mime: string;
  width: number;
  height: number;
  data: Buffer;
  thumbMime: string;
  thumbWidth: number;
  thumbHeight: number;
  thumb: Buffer;
}

function refuse(code: 'unsupported_media_type' | 'invalid_file', fieldCode: string, zh: string, en: string): AppError {
  return new AppError(code, { detail: { zh, en }, fields: [{ field: 'file', code: fieldCode, zh, en }] });
}

function notAPhoto(ext: string | undefined): AppError {
  const what = ext ? { zh: `${ext.toUpperCase()} 文件`, en: `a ${ext.toUpperCase()} file` } : { zh: '无法识别的文件', en: 'not a recognisable file' };
  return refuse(
    'unsupported_media_type',
    'not_a_photo',
    `这个文件不是照片（实际是${what.zh}）。请上传 JPG、PNG、WebP 或 HEIC 照片；修改扩展名不能把文件变成照片。`,
    `This file is not a photo (it is ${what.en}). Upload a JPG, PNG, WebP or HEIC photo; renaming a file does not make it a photo.`,
  );
}

function unreadable(heif: boolean, tooBig: boolean): AppError {
  if (tooBig) return refuse('invalid_file', 'too_many_pixels', '照片像素过多，请缩小后再上传', 'The photo has too many pixels; make it smaller and upload again');
  if (heif)
    return refuse(
      'invalid_file',
      'unreadable_photo',
      '这张 HEIC 照片无法读取。请在手机相机设置中选择“兼容性最佳”（保存为 JPG），或截图后上传。',
      'This HEIC photo cannot be read. Set the phone camera to "Most Compatible" (JPG), or upload a screenshot.',
    );
  return refuse('invalid_file', 'unreadable_photo', '照片已损坏或无法读取，请重新拍摄或选择其他照片', 'The photo is damaged or cannot be read; take it again or choose another');
}

/** Checks the bytes, decodes, and produces the stripped display version and thumbnail. */
export async function processPhoto(buf: Buffer): Promise<ProcessedPhoto> {
  if (buf.length === 0) throw refuse('invalid_file', 'empty', '上传的照片是空的', 'The uploaded photo is empty');
  const type = await fileTypeFromBuffer(buf).catch(() => undefined);
  const kind = type ? ACCEPTED.get(type.mime) : undefined;
  if (!type || !kind) throw notAPhoto(type?.ext);
  // PNG and WebP stay as they are (screenshots, transparency); JPEG and HEIC/AVIF become JPEG, which every phone shows.
  const out = kind === 'png' ? 'png' : kind === 'webp' ? 'webp' : 'jpeg';
  try {
    const base = sharp(buf, INPUT).autoOrient();
    const sized = base.clone().resize({ width: APPEAL_PHOTO_MAX_SIDE, height: APPEAL_PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const display =
      out === 'png'
        ? sized.png({ compressionLevel: 9, palette: false })
        : out === 'webp'
          ? sized.webp({ quality: 82 })
          : sized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
    const full = await display.toBuffer({ resolveWithObject: true });
    const small = await base
      .clone()
      .resize({ width: APPEAL_PHOTO_THUMB_SIDE, height: APPEAL_PHOTO_THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 72, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return {
      originalMime: type.mime,
      originalBytes: buf.length,
      mime: `image/${full.info.format}`,
      width: full.info.width,
      height: full.info.height,
      data: full.data,
      thumbMime: 'image/jpeg',
      thumbWidth: small.info.width,
      thumbHeight: small.info.height,
      thumb: small.data,
    };
  } catch (err) {
    throw unreadable(kind === 'heif', /pixel limit/i.test(String((err as Error)?.message)));
  }
}
