import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';

/** Response schema of an Excel download. */
export const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'xlsx workbook' });

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** Builds a ledger (台账) workbook: one sheet, bold frozen header, one row per record. */
export async function buildWorkbook<T>(sheetName: string, columns: XlsxColumn<T>[], rows: Iterable<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shuren 熟人';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r) ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sends a workbook as a download; the file name may be Chinese (RFC 5987 filename*). */
export async function sendWorkbook<T>(reply: FastifyReply, fileName: string, sheetName: string, columns: XlsxColumn<T>[], rows: Iterable<T>) {
  const buf = await buildWorkbook(sheetName, columns, rows);
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buf);
}

/** Largest export in one file; beyond this, filter by region. */
export const EXPORT_MAX_ROWS = 100_000;
