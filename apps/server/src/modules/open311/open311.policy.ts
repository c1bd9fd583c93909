import type { Actor } from '../../shared/actor.js';
import type { ClientRow, ReadScope } from './open311.repository.js';

/** Issuing and revoking Open311 keys is for subdistrict admins, over their own subtree (deny by default). */
export function canManageClients(actor: Actor, path: string): boolean {
  return actor.assignments.some((a) => a.role === 'subdistrict_admin' && path.startsWith(a.regionPath));
}

/** Subtree roots where the actor manages clients. */
export function clientScopes(actor: Actor): string[] {
  return [...new Set(actor.assignments.filter((a) => a.role === 'subdistrict_admin').map((a) => a.regionPath))];
}

export function clientActions(actor: Actor, client: ClientRow): string[] {
  return client.revokedAt === null && canManageClients(actor, client.regionPath) ? ['revoke'] : [];
}

/** What a client may read through GET requests: its own submissions, or (if issued so) its region's appeals. */
export function readScopeOf(client: ClientRow): ReadScope {
  return client.readScope === 'region' ? { regionPath: client.regionPath } : { clientId: client.id };
}

/**
 * The intake role a client acts with when it submits: the appeals service lets staff and building heads report
 * for others inside their intake scope, and an Open311 client is such an intake channel over its region — like a
 * hotline operator taking a call. The assignment lives only in memory for the command; nothing is stored.
 */
const INTAKE_ROLE = 'grid_worker' as const;

/** The actor an Open311 client submits as: its own person record, with intake over its region only. */
export function clientActor(client: ClientRow, regionName: string, homePath: string): Actor {
  return {
    accountId: client.id,
    personId: client.personId,
    name: `Open311 · ${client.name}`,
    login: `open311:${client.keyPrefix}`,
    sessionId: '',
    homePath,
    householdId: null,
    assignments: [{ id: client.id, role: INTAKE_ROLE, regionId: client.regionId, regionPath: client.regionPath, regionName }],
    grants: [],
  };
}
