/** Roles a person holds over a region node for a period (role assignments). */
export const ROLES = [
  'subdistrict_admin',
  'subdistrict_staff',
  'auditor',
  'community_staff',
  'committee_member',
  'grid_worker',
  'building_head',
  'lane_head',
  'street_head',
  'party_member',
  'registered_party_member',
  'first_secretary',
  'mediator',
  'volunteer',
  'property_staff',
  'owners_committee_member',
  'rural_notable',
  'new_resident',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  subdistrict_admin: { zh: '街道管理员', en: 'Subdistrict administrator' },
  subdistrict_staff: { zh: '街道工作人员', en: 'Subdistrict staff' },
  auditor: { zh: '审计员', en: 'Auditor' },
  community_staff: { zh: '社区工作人员', en: 'Community staff' },
  committee_member: { zh: '社区两委成员', en: 'Community committee member' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  building_head: { zh: '楼长', en: 'Building head' },
  lane_head: { zh: '巷长', en: 'Lane head' },
  street_head: { zh: '街长', en: 'Street head' },
  party_member: { zh: '党员', en: 'Party member' },
  registered_party_member: { zh: '在职报到党员', en: 'In-service registered party member' },
  first_secretary: { zh: '第一书记', en: 'First secretary' },
  mediator: { zh: '调解员', en: 'Mediator' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  property_staff: { zh: '物业人员', en: 'Property staff' },
  owners_committee_member: { zh: '业委会成员', en: "Owners' committee member" },
  rural_notable: { zh: '新乡贤', en: 'Respected rural resident' },
  new_resident: { zh: '新市民', en: 'New resident' },
  resident: { zh: '居民', en: 'Resident' },
};

/** The "三长制": building, lane and street heads. */
export const THREE_HEADS: readonly Role[] = ['building_head', 'lane_head', 'street_head'];
export const PARTY_ROLES: readonly Role[] = ['party_member', 'registered_party_member', 'first_secretary'];

export function roleByLabel(label: string): Role | undefined {
  const t = label.trim();
  return ROLES.find((r) => ROLE_LABELS[r].zh === t || ROLE_LABELS[r].en.toLowerCase() === t.toLowerCase() || r === t);
}

/** Is an assignment in force on a given calendar day (YYYY-MM-DD, Asia/Shanghai)? End date is inclusive. */
export function assignmentActive(a: { startDate: string; endDate: string | null }, day: string): boolean {
  return a.startDate <= day && (a.endDate === null || day <= a.endDate);
}
