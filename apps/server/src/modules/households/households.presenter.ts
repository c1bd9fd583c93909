import { HOUSEHOLD_RELATION_LABELS, maskPhone, type Household, type HouseholdRelation } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { householdActions } from './households.policy.js';
import type { HouseholdView } from './households.repository.js';

type MemberRow = { id: string; name: string; phone: string | null; relation: string | null };

export function presentHousehold(row: HouseholdView, actor: Actor, members?: MemberRow[]): Household {
  return {
    id: row.id,
    regionId: row.regionId,
    regionName: row.regionName,
    address: row.address,
    room: row.room,
    floorArea: row.floorArea === null ? null : Number(row.floorArea),
    memberCount: members ? members.length : row.memberCount,
    ...(members
      ? {
          members: members.map((m) => ({
            personId: m.id,
            name: m.name,
            relation: (m.relation ?? null) as HouseholdRelation | null,
            relationLabel: m.relation ? (HOUSEHOLD_RELATION_LABELS[m.relation as HouseholdRelation] ?? null) : null,
            phone: maskPhone(m.phone),
            phoneMasked: m.phone !== null,
          })),
        }
      : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: householdActions(actor, row),
  };
}
