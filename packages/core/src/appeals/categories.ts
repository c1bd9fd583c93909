import type { AppealLevel, Department } from './model.js';
import type { SlaTable } from './sla.js';

/** A typed extra question a category asks on intake (also the Open311 service attributes later). */
export interface CategoryQuestion {
  key: string;
  label: { zh: string; en: string };
  type: 'text' | 'number' | 'boolean' | 'choice';
  required: boolean;
  choices?: { key: string; zh: string; en: string }[];
}

export interface CategoryDefinition {
  code: string;
  parentCode: string | null;
  name: { zh: string; en: string };
  /** Where an appeal of this category starts on the ladder. */
  defaultLevel: AppealLevel;
  /** Department suggested when the default level is `department` or when dispatching upward. */
  department?: Department;
  sla?: SlaTable;
  questions?: CategoryQuestion[];
  /** Offered people's mediation (人民调解) instead of, or besides, handling. */
  mediation: boolean;
  sortOrder: number;
}

const hours = (n: number) => ({ amount: n, unit: 'hours' as const });
const days = (n: number) => ({ amount: n, unit: 'days' as const });

/** The seed tree, from the categories the subdistrict reports (DOMAIN.md §2.1). Admins edit it later. */
export const DEFAULT_CATEGORIES: CategoryDefinition[] = [
  { code: 'neighbour_dispute', parentCode: null, name: { zh: '邻里矛盾', en: 'Neighbour dispute' }, defaultLevel: 'compound', mediation: true, sortOrder: 10,
    questions: [{ key: 'parties', label: { zh: '涉及几户', en: 'Households involved' }, type: 'number', required: false }] },
  { code: 'hygiene', parentCode: null, name: { zh: '小区卫生', en: 'Compound hygiene' }, defaultLevel: 'grid', mediation: false, sortOrder: 20,
    sla: { grid: { response: hours(2), resolution: days(1) } } },
  { code: 'parking', parentCode: null, name: { zh: '停车', en: 'Parking' }, defaultLevel: 'compound', mediation: true, sortOrder: 30 },
  { code: 'facility_maintenance', parentCode: null, name: { zh: '公共设施维护', en: 'Facility maintenance' }, defaultLevel: 'compound', mediation: false, sortOrder: 40,
    questions: [{ key: 'facility', label: { zh: '设施类型', en: 'Facility' }, type: 'choice', required: false, choices: [
      { key: 'lighting', zh: '路灯/楼道灯', en: 'Lighting' }, { key: 'drainage', zh: '排水', en: 'Drainage' }, { key: 'door', zh: '门禁/单元门', en: 'Door' }, { key: 'other', zh: '其他', en: 'Other' }] }] },
  { code: 'property_dispute', parentCode: null, name: { zh: '物业纠纷', en: 'Property-management dispute' }, defaultLevel: 'community', mediation: true, sortOrder: 50 },
  { code: 'elevator_retrofit', parentCode: null, name: { zh: '加装电梯', en: 'Elevator retrofit' }, defaultLevel: 'community', mediation: true, sortOrder: 60,
    sla: { community: { response: days(1), resolution: days(20) } },
    questions: [{ key: 'stairwell', label: { zh: '楼梯单元', en: 'Stairwell' }, type: 'text', required: false }] },
  { code: 'living_environment', parentCode: null, name: { zh: '人居环境', en: 'Living environment' }, defaultLevel: 'compound', mediation: false, sortOrder: 70 },
  { code: 'safety_hazard', parentCode: null, name: { zh: '安全隐患', en: 'Safety hazard' }, defaultLevel: 'community', mediation: false, sortOrder: 80,
    sla: { community: { response: hours(1), resolution: days(2) } } },
  { code: 'objects_from_height', parentCode: 'safety_hazard', name: { zh: '高空抛物', en: 'Objects thrown from height' }, defaultLevel: 'community', mediation: false, sortOrder: 81,
    sla: { community: { response: hours(1), resolution: days(3) } },
    questions: [{ key: 'injured', label: { zh: '是否有人受伤', en: 'Was anyone hurt' }, type: 'boolean', required: true }] },
  { code: 'ebike_indoor_charging', parentCode: 'safety_hazard', name: { zh: '电动车入户充电', en: 'E-bike charged indoors' }, defaultLevel: 'grid', mediation: false, sortOrder: 82,
    sla: { grid: { response: hours(1), resolution: days(1) } } },
  { code: 'blocked_fire_exit', parentCode: 'safety_hazard', name: { zh: '消防通道堵塞', en: 'Blocked fire exit' }, defaultLevel: 'subdistrict', department: 'fire_safety', mediation: false, sortOrder: 83,
    sla: { subdistrict: { response: hours(1), resolution: days(1) }, community: { response: hours(1), resolution: days(1) }, compound: { response: hours(1), resolution: days(1) } } },
  { code: 'noise', parentCode: null, name: { zh: '噪音', en: 'Noise' }, defaultLevel: 'grid', mediation: true, sortOrder: 90,
    questions: [{ key: 'time_of_day', label: { zh: '发生时段', en: 'When' }, type: 'choice', required: false, choices: [
      { key: 'day', zh: '白天', en: 'Daytime' }, { key: 'night', zh: '夜间', en: 'Night' }] }] },
  { code: 'pets', parentCode: null, name: { zh: '宠物', en: 'Pets' }, defaultLevel: 'grid', mediation: true, sortOrder: 100 },
  { code: 'new_resident_affairs', parentCode: null, name: { zh: '新市民事务', en: 'New-resident affairs' }, defaultLevel: 'community', department: 'migrant_services', mediation: false, sortOrder: 110 },
  { code: 'other', parentCode: null, name: { zh: '其他', en: 'Other' }, defaultLevel: 'community', mediation: false, sortOrder: 999 },
];

export interface AnswerIssue {
  key: string;
  code: 'required' | 'type' | 'enum' | 'unknown' | 'maxLength';
}

/** Checks intake answers against a category's questions; returns the problems (empty = fine). */
export function checkAnswers(questions: readonly CategoryQuestion[], answers: Record<string, unknown>): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) if (!byKey.has(key)) issues.push({ key, code: 'unknown' });
  for (const q of questions) {
    const v = answers[q.key];
    if (v === undefined || v === null || v === '') {
      if (q.required) issues.push({ key: q.key, code: 'required' });
      continue;
    }
    if (q.type === 'text' && typeof v !== 'string') issues.push({ key: q.key, code: 'type' });
    else if (q.type === 'text' && (v as string).length > 500) issues.push({ key: q.key, code: 'maxLength' });
    else if (q.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) issues.push({ key: q.key, code: 'type' });
    else if (q.type === 'boolean' && typeof v !== 'boolean') issues.push({ key: q.key, code: 'type' });
    else if (q.type === 'choice' && !(q.choices ?? []).some((c) => c.key === v)) issues.push({ key: q.key, code: 'enum' });
  }
  return issues;
}
