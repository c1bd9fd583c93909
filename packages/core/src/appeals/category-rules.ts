import type { CategoryQuestion } from './categories.js';
import { APPEAL_LEVELS, type AppealLevel, type Department } from './model.js';
import type { SlaTable, WorkingDuration } from './sla.js';

/**
 * What an admin may set on a category, checked beyond the request schema: rules that decide whether the
 * category works at all (a response target after the resolution target, a choice question with nothing to
 * choose, two questions answering to one key). Pure; the server turns the issues into field errors.
 */
export interface CategorySettings {
  defaultLevel: AppealLevel;
  department?: Department | null;
  sla: SlaTable;
  questions: CategoryQuestion[];
}

export interface CategoryIssue {
  /** JSON pointer below the body, e.g. `/sla/grid/response` or `/questions/2/choices`. */
  field: string;
  code: 'sla_order' | 'duplicate_key' | 'choices_required' | 'choices_not_allowed' | 'department_required';
  zh: string;
  en: string;
}

/** A working day counts as 7.5 working hours for comparing targets (the default working day). */
export const HOURS_PER_WORKING_DAY = 7.5;

export function durationHours(d: WorkingDuration): number {
  return d.unit === 'days' ? d.amount * HOURS_PER_WORKING_DAY : d.amount;
}

export function checkCategorySettings(s: CategorySettings): CategoryIssue[] {
  const issues: CategoryIssue[] = [];
  if (s.defaultLevel === 'department' && !s.department)
    issues.push({ field: '/department', code: 'department_required', zh: '起始层级为职能部门时须指定部门', en: 'Choose a department when the category starts at a functional department' });
  for (const level of APPEAL_LEVELS) {
    const target = s.sla[level];
    if (target && durationHours(target.response) > durationHours(target.resolution))
      issues.push({ field: `/sla/${level}/response`, code: 'sla_order', zh: '响应时限不能长于办结时限', en: 'The response target cannot be longer than the resolution target' });
  }
  const seen = new Set<string>();
  s.questions.forEach((q, i) => {
    if (seen.has(q.key)) issues.push({ field: `/questions/${i}/key`, code: 'duplicate_key', zh: '问题标识重复', en: 'Two questions have this key' });
    seen.add(q.key);
    const choices = q.choices ?? [];
    if (q.type === 'choice') {
      if (choices.length < 2) issues.push({ field: `/questions/${i}/choices`, code: 'choices_required', zh: '选择题至少需要两个选项', en: 'A choice question needs at least two options' });
      const keys = new Set<string>();
      choices.forEach((c, j) => {
        if (keys.has(c.key)) issues.push({ field: `/questions/${i}/choices/${j}/key`, code: 'duplicate_key', zh: '选项标识重复', en: 'Two options have this key' });
        keys.add(c.key);
      });
    } else if (choices.length > 0) {
      issues.push({ field: `/questions/${i}/choices`, code: 'choices_not_allowed', zh: '只有选择题可以设置选项', en: 'Only choice questions have options' });
    }
  });
  return issues;
}
