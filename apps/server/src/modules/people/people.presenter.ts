import { maskEmail, maskIdNumber, maskPhone, type Person } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { personActions } from './people.policy.js';
import type { PersonRow } from './people.repository.js';

/** Phone, email and ID number always leave masked; the unmasked values come only from the audited reveal command. */
export function presentPerson(row: PersonRow & { homeRegionName?: string | null }, actor: Actor): Person {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender as Person['gender'],
    birthYear: row.birthYear,
    phone: maskPhone(row.phone),
    idNumber: maskIdNumber(row.idNumber),
    phoneMasked: row.phone !== null,
    idNumberMasked: row.idNumber !== null,
    email: maskEmail(row.email),
    emailMasked: row.email !== null,
    partyMember: row.partyMember,
    homeRegionId: row.homeRegionId,
    ...(row.homeRegionName !== undefined ? { homeRegionName: row.homeRegionName } : {}),
    householdId: row.householdId,
    householdRelation: (row.householdRelation ?? null) as Person['householdRelation'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: personActions(actor, row),
  };
}
