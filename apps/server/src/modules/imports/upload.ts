import type { FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../shared/errors.js';

/** Decompressed size a workbook may reach: 5 MB of xlsx is far below this; a zip bomb is far above. */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

function invalidFile(code: string, zh: string, en: string): AppError {
  return new AppError('invalid_file', { detail: { zh, en }, fields: [{ field: 'file', code, zh, en }] });
}

const notXlsx = () =>
  invalidFile(
    'not_xlsx',
    '上传的文件不是 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 打开模板填写后“另存为 .xlsx”再上传；改扩展名无效，.xls、.csv 也不支持。',
    'The upload is not an Excel workbook (.xlsx). Fill in the template in Excel or WPS and save it as .xlsx; renaming a file does not convert it, and .xls or .csv are not accepted.',
  );

/**
 * Limits (413) and our own refusals pass through; anything else the multipart parser throws is a broken request
 * (no boundary, truncated body), not a server fault.
 */
function uploadError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; statusCode?: number };
  if (typeof e.code === 'string' && e.code.startsWith('FST_') && e.statusCode && e.statusCode < 500) return err;
  return new AppError('bad_request', { detail: { zh: '上传请求格式不正确（multipart 内容不完整），请重新上传', en: 'The upload request is malformed (incomplete multipart body); upload again' } });
}

/**
 * Sum of the uncompressed sizes in the ZIP central directory, or null when the archive cannot be read.
 * Checked before exceljs inflates anything, so a small upload cannot expand into gigabytes in memory.
 */
export function unzippedSize(buf: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  const start = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= start; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH) return null;
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) return null; // ZIP64: no workbook of ours needs it
    total += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}

async function receiveFile(request: FastifyRequest): Promise<{ fileName: string; buf: Buffer }> {
  const part = await request.file();
  if (!part) throw invalidFile('missing', '没有收到文件，请选择要上传的 Excel 文件', 'No file was received; choose the Excel file to upload');
  return { fileName: part.filename.slice(0, 200), buf: await part.toBuffer() };
}

/**
 * Reads the one uploaded file of a multipart request (limits are set where the multipart plugin is registered:
 * an oversized file raises 413 here), makes sure it really is xlsx, and opens it.
 */
export async function readUploadedWorkbook(request: FastifyRequest): Promise<{ workbook: ExcelJS.Workbook; fileName: string }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', {
      detail: { zh: '请以 multipart/form-data 上传 Excel 文件（字段名 file）', en: 'Upload the Excel file as multipart/form-data (field "file")' },
    });
  }
  const { fileName, buf } = await receiveFile(request).catch((err: unknown) => {
    throw uploadError(err);
  });
  if (buf.length === 0) throw invalidFile('empty', '上传的文件是空的', 'The uploaded file is empty');
  // The extension and the declared type are whatever the client says; the bytes decide.
  const type = await fileTypeFromBuffer(buf).catch(() => undefined);
  if (type?.ext !== 'xlsx') throw notXlsx();
  const size = unzippedSize(buf);
  if (size === null) throw notXlsx();
  if (size > MAX_UNZIPPED_BYTES) throw invalidFile('too_large_unzipped', '工作簿解压后过大，请删除多余的工作表或格式后重试', 'The workbook is too large once unpacked; remove extra sheets or formatting');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as any);
  } catch {
    throw invalidFile('unreadable', 'Excel 文件已损坏或无法读取，请重新保存后上传', 'The Excel file is damaged or cannot be read; save it again and retry');
  }
  if (workbook.worksheets.length === 0) throw invalidFile('no_sheet', '工作簿中没有工作表', 'The workbook has no worksheet');
  return { workbook, fileName };
}
