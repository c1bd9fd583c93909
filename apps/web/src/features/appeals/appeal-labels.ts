import type { ZhEn } from '../../shared/i18n';

/** A big picture per category, so a resident who reads slowly finds theirs at a glance. Unknown codes get a note. */
const CATEGORY_ICONS: Record<string, string> = {
  neighbour_dispute: '🤝',
  hygiene: '🧹',
  parking: '🚗',
  facility_maintenance: '🔧',
  property_dispute: '🏢',
  elevator_retrofit: '🛗',
  living_environment: '🌳',
  safety_hazard: '⚠️',
  objects_from_height: '🪂',
  ebike_indoor_charging: '🔋',
  blocked_fire_exit: '🧯',
  noise: '🔊',
  pets: '🐕',
  new_resident_affairs: '🧳',
  other: '📝',
};

export function categoryIcon(code: string): string {
  return CATEGORY_ICONS[code] ?? '📝';
}

/** The three answers to "how satisfied are you" (满意/基本满意/不满意), with faces for the phone buttons. */
export const SATISFACTION_CHOICES: { key: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; icon: string; label: ZhEn }[] = [
  { key: 'satisfied', icon: '😊', label: { zh: '满意', en: 'Satisfied' } },
  { key: 'basically_satisfied', icon: '🙂', label: { zh: '基本满意', en: 'Basically satisfied' } },
  { key: 'dissatisfied', icon: '🙁', label: { zh: '不满意', en: 'Dissatisfied' } },
];

/** Words for the public timeline's event types, as a resident would say them. */
export const EVENT_LABELS: Record<string, ZhEn> = {
  submitted: { zh: '提交反映', en: 'Reported' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Not accepted' },
  merged: { zh: '合并到同一事项', en: 'Merged into the same matter' },
  dispatched: { zh: '派给处理单位', en: 'Passed to the unit that handles it' },
  started: { zh: '开始处理', en: 'Work started' },
  handled: { zh: '已处理，请您确认', en: 'Handled — please check' },
  verified: { zh: '确认已解决', en: 'Confirmed fixed' },
  rework: { zh: '未解决，重新处理', en: 'Not fixed — being redone' },
  closed: { zh: '已办结', en: 'Closed' },
  returned: { zh: '退回重新分派', en: 'Sent back for reassignment' },
  escalated: { zh: '上报上一级', en: 'Raised to the next level' },
  paused: { zh: '暂停（等待您的回复）', en: 'Paused (waiting for you)' },
  resumed: { zh: '继续处理', en: 'Resumed' },
  extension_requested: { zh: '申请延期', en: 'Extension requested' },
  extension_approved: { zh: '延期已批准', en: 'Extension approved' },
  extension_denied: { zh: '延期未批准', en: 'Extension refused' },
  reopened: { zh: '重新打开', en: 'Reopened' },
  followed: { zh: '有居民关注', en: 'A neighbour followed' },
  mediation_accepted: { zh: '居民同意调解', en: 'Resident agreed to mediation' },
};

export function eventLabel(type: string): ZhEn {
  return EVENT_LABELS[type] ?? { zh: type, en: type };
}

/** Statuses in a resident's words (the "my reports" list carries only the code). */
export const STATUS_WORDS: Record<string, ZhEn> = {
  submitted: { zh: '待受理', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Not accepted' },
  merged: { zh: '已合并', en: 'Merged' },
  returned: { zh: '重新分派中', en: 'Being reassigned' },
  dispatched: { zh: '已派单', en: 'Assigned' },
  in_progress: { zh: '处理中', en: 'In progress' },
  handled: { zh: '待您确认', en: 'Please check' },
  verified: { zh: '待评价', en: 'Please rate' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const FINISHED = ['closed', 'rejected', 'merged'];

/** Intake channels in words (the API sends the code; the list stays open, unknown ones show as sent). */
export const SOURCE_LABELS: Record<string, ZhEn> = {
  resident: { zh: '居民自报', en: 'Resident' },
  reception_day: { zh: '楼长接待日代报', en: 'Reception day (building head)' },
  hotline: { zh: '热线来电', en: 'Hotline' },
  patrol: { zh: '巡查发现', en: 'Patrol' },
  meeting: { zh: '联席会议', en: 'Joint meeting' },
  open311: { zh: 'Open311 接入', en: 'Open311 client' },
};
