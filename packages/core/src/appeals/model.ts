/** Vocabulary of the appeals (诉求) workflow: states, the escalation ladder, sources, commands, actor roles. */

export const APPEAL_STATUSES = ['submitted', 'accepted', 'rejected', 'merged', 'returned', 'dispatched', 'in_progress', 'handled', 'verified', 'closed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_STATUS_LABELS: Record<AppealStatus, { zh: string; en: string }> = {
  submitted: { zh: '待受理', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  merged: { zh: '已合并', en: 'Merged as duplicate' },
  returned: { zh: '已退回', en: 'Returned to dispatcher' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  in_progress: { zh: '处理中', en: 'In progress' },
  handled: { zh: '已处置待核查', en: 'Handled, awaiting verification' },
  verified: { zh: '已核查', en: 'Verified' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** States where the appeal is still being worked on (a clock may run; duplicates are suggested). */
export const OPEN_STATUSES: readonly AppealStatus[] = ['submitted', 'accepted', 'returned', 'dispatched', 'in_progress', 'handled', 'verified'];
/** States where the resolution clock runs (work is owed). */
export const WORKING_STATUSES: readonly AppealStatus[] = ['submitted', 'accepted', 'returned', 'dispatched', 'in_progress'];
export const TERMINAL_STATUSES: readonly AppealStatus[] = ['rejected', 'merged', 'closed'];

/** The escalation ladder, bottom to top: 小事不出社区、大事不出街道、矛盾不上交. */
export const APPEAL_LEVELS = ['grid', 'compound', 'community', 'subdistrict', 'department'] as const;
export type AppealLevel = (typeof APPEAL_LEVELS)[number];

export const APPEAL_LEVEL_LABELS: Record<AppealLevel, { zh: string; en: string }> = {
  grid: { zh: '网格（楼栋/街巷）', en: 'Grid (building/lane)' },
  compound: { zh: '小区', en: 'Compound' },
  community: { zh: '社区', en: 'Community' },
  subdistrict: { zh: '街道运行中心', en: 'Subdistrict operations centre' },
  department: { zh: '职能部门', en: 'Functional department' },
};

/** Which region-tree level holds the unit for a ladder level (departments sit at the subdistrict node). */
export const LEVEL_REGION: Record<AppealLevel, 'grid3' | 'grid2' | 'community' | 'subdistrict'> = {
  grid: 'grid3',
  compound: 'grid2',
  community: 'community',
  subdistrict: 'subdistrict',
  department: 'subdistrict',
};

export function levelRank(level: AppealLevel): number {
  return APPEAL_LEVELS.indexOf(level);
}

/** The next rung up, or null at the top. */
export function nextRung(level: AppealLevel): AppealLevel | null {
  const i = levelRank(level);
  return i >= 0 && i < APPEAL_LEVELS.length - 1 ? APPEAL_LEVELS[i + 1] : null;
}

/** Functional departments of the subdistrict (职能部门) an appeal can be dispatched to. */
export const DEPARTMENTS = ['urban_management', 'housing', 'fire_safety', 'public_security', 'environment', 'market_regulation', 'civil_affairs', 'migrant_services'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const DEPARTMENT_LABELS: Record<Department, { zh: string; en: string }> = {
  urban_management: { zh: '城管办', en: 'Urban management' },
  housing: { zh: '住建办', en: 'Housing and construction' },
  fire_safety: { zh: '应急消防', en: 'Emergency and fire safety' },
  public_security: { zh: '派出所', en: 'Police station' },
  environment: { zh: '环保办', en: 'Environment' },
  market_regulation: { zh: '市场监管所', en: 'Market regulation' },
  civil_affairs: { zh: '民政办', en: 'Civil affairs' },
  migrant_services: { zh: '新市民服务中心', en: 'New-resident services' },
};

/** Intake channels; open-ended on purpose (patrols, meetings, Open311 clients join later). */
export const APPEAL_SOURCES = ['resident', 'reception_day', 'hotline', 'patrol', 'meeting', 'open311'] as const;
export type AppealSource = (typeof APPEAL_SOURCES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

/**
 * Roles an actor plays toward one appeal; the server derives them from the person's role assignments
 * and the appeal's unit (see `appealCapabilities`) and the machine decides with them.
 */
export const APPEAL_ACTOR_ROLES = ['reporter', 'dispatcher', 'handler', 'supervisor', 'inspector', 'system'] as const;
export type AppealActorRole = (typeof APPEAL_ACTOR_ROLES)[number];

export const APPEAL_COMMANDS = [
  'accept',
  'reject',
  'merge',
  'dispatch',
  'start',
  'handle',
  'verify',
  'close',
  'return',
  'escalate',
  'pause',
  'resume',
  'request_extension',
  'approve_extension',
  'reopen',
] as const;
export type AppealCommandName = (typeof APPEAL_COMMANDS)[number];
