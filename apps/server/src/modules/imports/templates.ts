import ExcelJS from 'exceljs';
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_REQUIRED_COLUMNS, ROSTER_COLUMNS, ROSTER_REQUIRED_COLUMNS } from '@shuren/core';

interface TemplateSpec {
  sheet: string;
  columns: readonly string[];
  required: readonly string[];
  /** Columns Excel must keep as text (phone and ID numbers lose digits as numbers, codes lose leading zeros). */
  text: readonly string[];
  lists: Record<string, string[]>;
  widths: Record<string, number>;
  notes: Record<string, string>;
  example: Record<string, string | number>;
}

const ROSTER: TemplateSpec = {
  sheet: '三长名册',
  columns: ROSTER_COLUMNS,
  required: ROSTER_REQUIRED_COLUMNS,
  text: ['手机号', '身份证号', '网格编码', '开始日期'],
  lists: { 角色: ['楼长', '巷长', '街长'], 是否党员: ['是', '否'] },
  widths: { 身份证号: 22, 网格编码: 20, 开始日期: 14 },
  notes: {
    网格编码: '三级网格（楼栋/街巷）的区域编码；街长可填二级网格编码',
    开始日期: 'YYYY-MM-DD，例如 2026-01-01',
    身份证号: '可不填；填写时须为 18 位有效身份证号',
  },
  example: { 姓名: '张三', 手机号: '13800138000', 身份证号: '', 角色: '楼长', 网格编码: 'GC-C01-G01-B01', 开始日期: '2026-01-01', 是否党员: '是' },
};

const HOUSEHOLDS: TemplateSpec = {
  sheet: '住户台账',
  columns: HOUSEHOLD_COLUMNS,
  required: HOUSEHOLD_REQUIRED_COLUMNS,
  text: ['网格编码', '房号', '户主手机号'],
  lists: {},
  widths: { 网格编码: 20, 地址: 30, 户主手机号: 16 },
  notes: { 网格编码: '三级网格（楼栋/街巷）的区域编码', 面积: '专有部分面积，平方米，可不填', 户主手机号: '已登记的人员按手机号关联，否则新建人员' },
  example: { 网格编码: 'GC-C01-G01-B01', 房号: '2-301', 地址: '同德花园1区1栋2单元301', 面积: 89.5, 户主姓名: '李四', 户主手机号: '13900139000' },
};

export const TEMPLATES = { roster: ROSTER, households: HOUSEHOLDS } as const;

/** The blank import template: header row (required columns marked in red), notes, pick lists, one example row. */
export async function buildTemplate(spec: TemplateSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shuren 熟人';
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c, key: c, width: spec.widths[c] ?? 12, style: spec.text.includes(c) ? { numFmt: '@' } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (spec.required.includes(c)) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (spec.notes[c]) cell.note = spec.notes[c];
  });
  ws.addRow(spec.columns.map((c) => spec.example[c] ?? null));
  for (const [col, values] of Object.entries(spec.lists)) {
    const letter = ws.getColumn(col).letter;
    for (let r = 2; r <= 1000; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
