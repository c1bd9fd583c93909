import type ExcelJS from 'exceljs';
import { isCnIdNumber, isCnMobile } from '@shuren/core';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { cellRaw, cellText } from './sheet.js';

/** Every problem of every row, collected before anything is written; the file imports only when this is empty. */
export class RowReport {
  readonly issues: FieldIssue[] = [];
  private readonly badRows = new Set<number>();

  add(row: number, column: string, code: string, zh: string, en: string): void {
    this.issues.push({ field: `row:${row}/${column}`, code, zh: `第 ${row} 行“${column}”：${zh}`, en: `Row ${row}, ${column}: ${en}` });
    this.badRows.add(row);
  }

  hasIssues(row?: number): boolean {
    return row === undefined ? this.issues.length > 0 : this.badRows.has(row);
  }

  /** 422 listing every bad row, in row order. */
  throwIfAny(): void {
    if (!this.issues.length) return;
    const rowNo = (f: string) => Number(f.slice(4, f.indexOf('/')));
    const fields = [...this.issues].sort((a, b) => rowNo(a.field) - rowNo(b.field));
    const n = this.badRows.size;
    throw new AppError('unprocessable', {
      detail: { zh: `共 ${n} 行有误（${fields.length} 处），未导入任何数据。请修改后重新上传。`, en: `${n} row(s) have ${fields.length} problem(s); nothing was imported. Fix them and upload again.` },
      fields,
    });
  }
}

const NAME_MAX = 100;

/** Free text of a cell; reports a missing required value, over-long text and NUL characters. */
export function textCell(report: RowReport, row: number, column: string, v: ExcelJS.CellValue | undefined, opts: { required: boolean; max?: number }): string | null {
  const text = cellText(v);
  if (text === '') {
    if (opts.required) report.add(row, column, 'required', '必填', 'is required');
    return null;
  }
  if (text.includes('\u0000')) {
    report.add(row, column, 'nul_character', '不能包含空字符', 'must not contain NUL characters');
    return null;
  }
  const max = opts.max ?? NAME_MAX;
  if ([...text].length > max) {
    report.add(row, column, 'maxLength', `最多 ${max} 个字符`, `must have at most ${max} characters`);
    return null;
  }
  return text;
}

/** Mobile numbers as typed: spaces, dashes and a +86 prefix are tolerated. */
export function phoneCell(report: RowReport, row: number, column: string, v: ExcelJS.CellValue | undefined, required: boolean): string | null {
  const raw = cellText(v);
  if (raw === '') {
    if (required) report.add(row, column, 'required', '必填', 'is required');
    return null;
  }
  const phone = raw.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (!isCnMobile(phone)) {
    report.add(row, column, 'invalid_phone', `“${raw.slice(0, 30)}”不是有效的 11 位手机号`, `"${raw.slice(0, 30)}" is not a valid 11-digit mobile number`);
    return null;
  }
  return phone;
}

export function idNumberCell(report: RowReport, row: number, column: string, v: ExcelJS.CellValue | undefined): string | null {
  const raw = cellText(v);
  if (raw === '') return null;
  if (typeof cellRaw(v) === 'number') {
    // Excel keeps 15 significant digits: an 18-digit ID typed as a number is already corrupted.
    report.add(row, column, 'id_as_number', '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”后重新填写', 'Excel stored the ID number as a number and lost its last digits; format the column as text and re-enter it');
    return null;
  }
  const id = raw.replace(/\s/g, '').toUpperCase();
  if (!isCnIdNumber(id)) {
    report.add(row, column, 'invalid_id_number', '身份证号无效（位数、出生日期或校验码不正确）', 'invalid resident ID number (length, birth date or check character)');
    return null;
  }
  return id;
}

/** Excel serial day 0 is 1899-12-30 (the 1900 leap-year bug is built into that origin). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD, 2026/3/1, 2026.3.1, an Excel date cell or a date serial number → YYYY-MM-DD. */
export function dateCell(report: RowReport, row: number, column: string, v: ExcelJS.CellValue | undefined, required: boolean): string | null {
  const raw = cellRaw(v);
  const text = cellText(v);
  if (text === '') {
    if (required) report.add(row, column, 'required', '必填', 'is required');
    return null;
  }
  let y = 0;
  let m = 0;
  let d = 0;
  if (raw instanceof Date) {
    [y, m, d] = [raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate()];
  } else if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0 && raw < 200_000) {
    const dt = new Date(EXCEL_EPOCH_MS + raw * 86_400_000);
    [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
  } else {
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
    if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (!y || y < 1950 || y > 2100 || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    report.add(row, column, 'invalid_date', `“${text.slice(0, 30)}”不是有效日期（格式 YYYY-MM-DD）`, `"${text.slice(0, 30)}" is not a valid date (YYYY-MM-DD)`);
    return null;
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '党员']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '']);

/** 是/否 (empty means 否). */
export function yesNoCell(report: RowReport, row: number, column: string, v: ExcelJS.CellValue | undefined): boolean | null {
  const t = cellText(v).toUpperCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  report.add(row, column, 'invalid_yes_no', '请填写“是”或“否”', 'must be 是 (yes) or 否 (no)');
  return null;
}

/** Floor area in m²: a positive number with at most two decimals. */
export function areaCell(report: RowReport, row: number, column: string, v: ExcelJS.CellValue | undefined): string | null | undefined {
  const raw = cellRaw(v);
  const text = cellText(v).replace(/(㎡|m²|m2|平方米|平米)$/i, '').trim();
  if (text === '') return null;
  const n = typeof raw === 'number' ? raw : Number(text);
  if (!Number.isFinite(n) || n <= 0 || n >= 100_000) {
    report.add(row, column, 'invalid_area', '面积应为大于 0 的数字（平方米）', 'must be a positive number of square metres');
    return undefined;
  }
  return (Math.round(n * 100) / 100).toFixed(2);
}
