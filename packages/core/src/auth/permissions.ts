import type { Role } from '../registry/roles.js';

/**
 * Everything an account may do is one of these, granted by a role assignment over a region node
 * and valid inside that node's subtree. Nothing is granted that is not listed here (deny by default).
 */
export const PERMISSIONS = [
  'region.read',
  'region.manage',
  'person.read',
  'person.manage',
  'person.reveal_phone',
  'person.reveal_id',
  'assignment.manage',
  'household.read',
  'household.manage',
  'org.read',
  'org.manage',
  'venue.read',
  'venue.manage',
  'audit.read',
  'stats.read',
  'account.manage',
  // What went out by email and webhook, and what failed (subdistrict admins).
  'outbound.read',
  // Subdistrict-wide settings (held by subdistrict admins): the appeal category tree and the holiday calendar.
  'appeal_category.manage',
  'calendar.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['region.read', 'person.read', 'household.read', 'org.read', 'venue.read', 'stats.read'];
const MANAGE_REGISTRY: Permission[] = ['person.manage', 'assignment.manage', 'household.manage', 'org.manage', 'venue.manage'];

/** Role → permissions over the subtree of the role's region node. Roles not listed grant nothing beyond self-service. */
export const ROLE_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  subdistrict_admin: [...PERMISSIONS],
  subdistrict_staff: [...READ_ALL, ...MANAGE_REGISTRY, 'region.manage', 'person.reveal_phone'],
  auditor: [...READ_ALL, 'audit.read'],
  community_staff: [...READ_ALL, ...MANAGE_REGISTRY, 'person.reveal_phone', 'person.reveal_id', 'audit.read'],
  committee_member: [...READ_ALL, ...MANAGE_REGISTRY, 'person.reveal_phone', 'person.reveal_id', 'audit.read'],
  grid_worker: [...READ_ALL, 'person.manage', 'household.manage', 'person.reveal_phone'],
  // 楼长/巷长/街长 look after their own building or lane: they see its households and may call residents.
  building_head: ['region.read', 'person.read', 'household.read', 'org.read', 'venue.read', 'stats.read', 'person.reveal_phone'],
  lane_head: ['region.read', 'person.read', 'household.read', 'org.read', 'venue.read', 'stats.read', 'person.reveal_phone'],
  street_head: ['region.read', 'person.read', 'household.read', 'org.read', 'venue.read', 'stats.read', 'person.reveal_phone'],
};

/** Permissions every signed-in account has over its own records (own person, own household). */
export const SELF_PERMISSIONS: readonly Permission[] = ['person.read', 'person.reveal_phone', 'household.read'];

export interface Grant {
  permission: Permission;
  /** Materialized region path of the node the role is held over. */
  path: string;
}

export function grantsFor(assignments: { role: Role; regionPath: string }[]): Grant[] {
  const out: Grant[] = [];
  for (const a of assignments) for (const p of ROLE_PERMISSIONS[a.role] ?? []) out.push({ permission: p, path: a.regionPath });
  return out;
}

export function allows(grants: readonly Grant[], permission: Permission, targetPath: string): boolean {
  return grants.some((g) => g.permission === permission && targetPath.startsWith(g.path));
}

/**
 * The smallest set of subtree roots where `permission` holds (nested roots collapse into their ancestor).
 * An empty result means: nowhere.
 */
export function scopesFor(grants: readonly Grant[], permission: Permission): string[] {
  const paths = [...new Set(grants.filter((g) => g.permission === permission).map((g) => g.path))].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of paths) if (!roots.some((r) => p.startsWith(r))) roots.push(p);
  return roots;
}

/**
 * Intersect the caller's scopes with a requested subtree: if the request lies inside a scope, it is the answer;
 * otherwise the scopes lying inside the request. Empty = nothing visible.
 */
export function narrowScopes(scopes: readonly string[], requested: string | undefined): string[] {
  if (!requested) return [...scopes];
  if (scopes.some((s) => requested.startsWith(s))) return [requested];
  return scopes.filter((s) => s.startsWith(requested));
}
