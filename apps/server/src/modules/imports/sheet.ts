import type ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS } from '@shuren/core';
import { AppError, type FieldIssue } from '../../shared/errors.js';

/** One data row of the sheet: its Excel row number and its cells by column header. */
export interface SheetRow {
  row: number;
  cells: Map<string, ExcelJS.CellValue>;
}

/** Header text as people type it: "姓名*", "面积（m²）", " 手机号 " all mean the plain name. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/\*+$/, '');
}

/** A cell as text: rich text joined, formulas by their result, hyperlinks by their text, dates as YYYY-MM-DD. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('').trim();
  if ('result' in o) return cellText(o.result as ExcelJS.CellValue);
  if (typeof o.text === 'string') return o.text.trim();
  if (typeof o.error === 'string') return o.error;
  return '';
}

/** The value behind a formula, or the cell itself. */
export function cellRaw(v: ExcelJS.CellValue | undefined): ExcelJS.CellValue | undefined {
  if (v && typeof v === 'object' && !(v instanceof Date) && 'result' in (v as object)) return (v as { result?: ExcelJS.CellValue }).result;
  return v;
}

/**
 * Reads the first worksheet: row 1 holds the headers (any order, extra columns ignored), every later non-empty
 * row is data. A missing required header, an empty sheet or more than IMPORT_MAX_ROWS rows refuse the whole file.
 */
export function readSheet(workbook: ExcelJS.Workbook, columns: readonly string[], required: readonly string[]): SheetRow[] {
  const ws = workbook.worksheets[0];
  const byIndex = new Map<number, string>();
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const h = normaliseHeader(cellText(cell.value));
    if ((columns as readonly string[]).includes(h) && ![...byIndex.values()].includes(h)) byIndex.set(col, h);
  });
  const present = new Set(byIndex.values());
  const missing: FieldIssue[] = required
    .filter((c) => !present.has(c))
    .map((c) => ({ field: `row:1/${c}`, code: 'missing_column', zh: `缺少“${c}”列（请使用导入模板）`, en: `Column "${c}" is missing (use the import template)` }));
  if (missing.length) {
    throw new AppError('invalid_file', { detail: { zh: '表头不符合导入模板', en: 'The header row does not match the import template' }, fields: missing });
  }
  const rows: SheetRow[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1 || tooMany) return;
    const cells = new Map<string, ExcelJS.CellValue>();
    let any = false;
    for (const [col, name] of byIndex) {
      const v = r.getCell(col).value;
      cells.set(name, v);
      if (cellText(v) !== '') any = true;
    }
    if (!any) return;
    if (rows.length >= IMPORT_MAX_ROWS) tooMany = true;
    else rows.push({ row: rowNumber, cells });
  });
  if (tooMany) {
    const zh = `每个文件最多 ${IMPORT_MAX_ROWS} 行数据，请拆分后分批导入`;
    const en = `At most ${IMPORT_MAX_ROWS} data rows per file; split it into several files`;
    throw new AppError('invalid_file', { detail: { zh, en }, fields: [{ field: 'file', code: 'too_many_rows', zh, en }] });
  }
  if (rows.length === 0) {
    const zh = '文件中没有数据行';
    const en = 'The file has no data rows';
    throw new AppError('invalid_file', { detail: { zh, en }, fields: [{ field: 'file', code: 'no_rows', zh, en }] });
  }
  return rows;
}
