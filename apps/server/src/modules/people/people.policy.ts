import type { Actor } from '../../shared/actor.js';
import { isAllowed } from '../../shared/scope.js';
import { AppError } from '../../shared/errors.js';

type PersonScope = { id: string; homePath: string };

/**
 * Who may see a person: anyone holding person.read over the person's home region, and the person themself
 * (a resident has no grants but may read their own record). Everything else is refused.
 */
export function canReadPerson(actor: Actor, person: PersonScope): boolean {
  return actor.personId === person.id || isAllowed(actor, 'person.read', person.homePath);
}

export function requireReadPerson(actor: Actor, person: PersonScope): void {
  if (!canReadPerson(actor, person)) throw new AppError('forbidden');
}

/** Editing a person's details needs person.manage over their home region (not even oneself: the registry is kept by staff). */
export function canManagePerson(actor: Actor, person: PersonScope): boolean {
  return isAllowed(actor, 'person.manage', person.homePath);
}

export type RevealField = 'phone' | 'idNumber' | 'email';

/** Unmasked phone or email needs person.reveal_phone, unmasked ID number person.reveal_id, over the home region; oneself always. */
export function canReveal(actor: Actor, person: PersonScope, field: RevealField): boolean {
  if (actor.personId === person.id) return true;
  return isAllowed(actor, field === 'idNumber' ? 'person.reveal_id' : 'person.reveal_phone', person.homePath);
}

export function personActions(actor: Actor, person: PersonScope & { phone: string | null; idNumber: string | null; email?: string | null }): string[] {
  const actions: string[] = [];
  if (canManagePerson(actor, person)) actions.push('edit');
  if (person.phone && canReveal(actor, person, 'phone')) actions.push('revealPhone');
  if (person.idNumber && canReveal(actor, person, 'idNumber')) actions.push('revealIdNumber');
  if (person.email && canReveal(actor, person, 'email')) actions.push('revealEmail');
  return actions;
}
