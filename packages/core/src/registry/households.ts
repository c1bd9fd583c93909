export const HOUSEHOLD_RELATIONS = ['head', 'owner', 'tenant', 'member'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];
export const HOUSEHOLD_RELATION_LABELS: Record<HouseholdRelation, { zh: string; en: string }> = {
  head: { zh: '户主', en: 'Head of household' },
  owner: { zh: '业主', en: 'Owner' },
  tenant: { zh: '租户', en: 'Tenant' },
  member: { zh: '家庭成员', en: 'Member' },
};
