import { ORG_KIND_LABELS, maskPhone, type OrgKind, type OrgMember, type OrgMemberRole, type Organisation, type OrganisationDetail } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { memberActions, orgActions } from './organisations.policy.js';
import type { MemberWithPerson, OrgListRow } from './organisations.repository.js';

export function presentOrg(row: OrgListRow, actor: Actor): Organisation {
  const kind = row.kind as OrgKind;
  return {
    id: row.id,
    kind,
    kindLabel: ORG_KIND_LABELS[kind] ?? { zh: row.kind, en: row.kind },
    name: row.name,
    regionId: row.regionId,
    regionName: row.regionName,
    description: row.description,
    foundedOn: row.foundedOn,
    dissolved: row.dissolvedOn !== null,
    dissolvedOn: row.dissolvedOn,
    dissolvedReason: row.dissolvedReason,
    memberCount: Number(row.memberCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: orgActions(actor, row),
  };
}

/** Member phones are always masked here: the reveal (audited) happens on the person's own record. */
export function presentMember(m: MemberWithPerson, org: OrgListRow, actor: Actor): OrgMember {
  return {
    id: m.id,
    personId: m.personId,
    personName: m.personName,
    phone: maskPhone(m.personPhone),
    role: m.role as OrgMemberRole,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    active: m.leftOn === null,
    allowedActions: memberActions(actor, org, m),
  };
}

export function presentOrgDetail(row: OrgListRow, members: MemberWithPerson[], limit: number, actor: Actor): OrganisationDetail {
  const shown = members.slice(0, limit);
  return { ...presentOrg(row, actor), members: shown.map((m) => presentMember(m, row, actor)), membersTruncated: members.length > limit };
}
