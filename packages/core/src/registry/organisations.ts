export const ORG_KINDS = [
  'mutual_aid_association',
  'self_governance_group',
  'club',
  'red_owners_committee',
  'owners_committee',
  'property_company',
  'party_branch',
  'mediation_team',
  'volunteer_team',
  'department',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  mutual_aid_association: { zh: '街坊志愿互助会', en: 'Neighbourhood mutual-aid association' },
  self_governance_group: { zh: '小区自治小组', en: 'Compound self-governance group' },
  club: { zh: '社团组织', en: 'Club or society' },
  red_owners_committee: { zh: '红色业委会', en: "Party-led owners' committee" },
  owners_committee: { zh: '业委会', en: "Owners' committee" },
  property_company: { zh: '物业服务企业', en: 'Property management company' },
  party_branch: { zh: '党支部', en: 'Party branch' },
  mediation_team: { zh: '调解团队', en: 'Mediation team' },
  volunteer_team: { zh: '志愿服务队', en: 'Volunteer team' },
  department: { zh: '职能部门', en: 'Functional department' },
};

export const ORG_MEMBER_ROLES = ['leader', 'deputy', 'member', 'contact'] as const;
export type OrgMemberRole = (typeof ORG_MEMBER_ROLES)[number];
