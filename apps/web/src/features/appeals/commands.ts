import type { ZhEn } from '../../shared/i18n';

/**
 * The workflow commands as people see them: button words, order, and which fields each one asks for. Pure data,
 * shared by the staff console's action modal (antd) and the 楼长's phone screens (plain React).
 */
export const COMMAND_LABELS: Record<string, ZhEn> = {
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  merge: { zh: '合并重复', en: 'Merge duplicate' },
  dispatch: { zh: '派单', en: 'Dispatch' },
  start: { zh: '开始处理', en: 'Start' },
  handle: { zh: '办结处置', en: 'Mark handled' },
  verify: { zh: '现场核查', en: 'Verify on site' },
  close: { zh: '结案', en: 'Close' },
  return: { zh: '退回（非本单位）', en: 'Return (not ours)' },
  escalate: { zh: '上报', en: 'Escalate' },
  pause: { zh: '暂停（等居民）', en: 'Pause (waiting for resident)' },
  resume: { zh: '恢复', en: 'Resume' },
  request_extension: { zh: '申请延期', en: 'Request extension' },
  approve_extension: { zh: '审批延期', en: 'Decide extension' },
  reopen: { zh: '重新打开', en: 'Reopen' },
};
/** Commands that change the outcome for good or send the matter away (shown as danger). */
export const DANGER = new Set(['reject', 'merge', 'return']);
/** Order of buttons: the usual next step first. */
export const COMMAND_ORDER = ['accept', 'dispatch', 'start', 'handle', 'verify', 'close', 'approve_extension', 'resume', 'escalate', 'request_extension', 'pause', 'return', 'merge', 'reject', 'reopen'];

export function staffActions(a: { allowedActions: string[] }): string[] {
  return COMMAND_ORDER.filter((c) => a.allowedActions.includes(c));
}

/** What a command's form asks for (the server's body schema in packages/core/src/contracts/appeals.ts decides; this mirrors it). */
export interface CommandFields {
  /** A required reason, with its question. */
  reason?: ZhEn;
  /** The public note to the resident: required (handle) or optional. */
  note?: 'required' | 'optional';
  /** Photos taken for this step, with the field's name. */
  photos?: ZhEn;
  days?: boolean;
  fixed?: boolean;
  satisfaction?: boolean;
  approved?: boolean;
  /** Dispatch: a level (and a department at department level). */
  level?: boolean;
  /** A department must be chosen (escalating from the subdistrict). */
  department?: boolean;
  survivor?: boolean;
}

const REASONS: Record<string, ZhEn> = {
  reject: { zh: '不予受理的原因（居民可见）', en: 'Why not (the resident sees it)' },
  return: { zh: '退回原因（为什么不归本单位）', en: 'Why it is not ours' },
  pause: { zh: '等待居民什么', en: 'What we are waiting for' },
  reopen: { zh: '重新打开的原因', en: 'Why reopen' },
  escalate: { zh: '上报原因', en: 'Why escalate' },
  request_extension: { zh: '延期原因', en: 'Why' },
};
const NOTE_OPTIONAL = new Set(['accept', 'start', 'verify', 'close', 'resume', 'approve_extension', 'merge', 'dispatch']);

export function commandFields(command: string, appeal: { unit: { level: string } }): CommandFields {
  const f: CommandFields = {};
  if (REASONS[command]) f.reason = REASONS[command];
  if (command === 'handle') f.note = 'required';
  else if (NOTE_OPTIONAL.has(command)) f.note = 'optional';
  if (command === 'handle') f.photos = { zh: '处置后照片', en: 'After-photos' };
  if (command === 'verify') f.photos = { zh: '现场照片', en: 'On-site photos' };
  if (command === 'request_extension') f.days = true;
  if (command === 'verify') f.fixed = true;
  if (command === 'close') f.satisfaction = true;
  if (command === 'approve_extension') f.approved = true;
  if (command === 'dispatch') f.level = true;
  if (command === 'escalate' && appeal.unit.level === 'subdistrict') f.department = true;
  if (command === 'merge') f.survivor = true;
  return f;
}

/** The fields the form must have before sending (the phone checks them in place; the server checks again). */
export function missingFields(fields: CommandFields, v: { reason?: string; note?: string; days?: number | null; satisfaction?: string | null; department?: string | null }): string[] {
  const out: string[] = [];
  if (fields.reason && !v.reason?.trim()) out.push('reason');
  if (fields.note === 'required' && !v.note?.trim()) out.push('note');
  if (fields.days && !(Number.isInteger(v.days) && (v.days as number) >= 1 && (v.days as number) <= 60)) out.push('days');
  if (fields.satisfaction && !v.satisfaction) out.push('satisfaction');
  if (fields.department && !v.department) out.push('department');
  return out;
}
