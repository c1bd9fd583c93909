import type { RegionKind, RegionLevel, Role } from '@shuren/core';

/**
 * Where a role may be held: a 楼长 over a building, a 巷长 over a lane, a 街长 over a compound/area or a
 * level-3 grid, a 网格员 over a level-2 or level-3 grid, community staff and committee members over a
 * community, subdistrict roles over the subdistrict. Roles not listed (party member, volunteer, mediator…)
 * may be held anywhere.
 */
export const ROLE_PLACEMENT: Partial<Record<Role, { levels: readonly RegionLevel[]; kinds?: readonly RegionKind[] }>> = {
  building_head: { levels: ['grid3'], kinds: ['building'] },
  lane_head: { levels: ['grid3'], kinds: ['lane'] },
  street_head: { levels: ['grid2', 'grid3'] },
  grid_worker: { levels: ['grid2', 'grid3'] },
  community_staff: { levels: ['community'] },
  committee_member: { levels: ['community'] },
  subdistrict_admin: { levels: ['subdistrict'] },
  subdistrict_staff: { levels: ['subdistrict'] },
  auditor: { levels: ['subdistrict'] },
};

/** Roles that grant subdistrict-wide powers: assigning them also needs account.manage. */
export const SUBDISTRICT_ROLES: readonly Role[] = ['subdistrict_admin', 'subdistrict_staff', 'auditor'];

export function roleFitsRegion(role: Role, region: { level: string; kind: string }): boolean {
  const rule = ROLE_PLACEMENT[role];
  if (!rule) return true;
  if (!(rule.levels as readonly string[]).includes(region.level)) return false;
  return !rule.kinds || (rule.kinds as readonly string[]).includes(region.kind);
}

/** Two date ranges (end inclusive, null = open) share at least one day. */
export function rangesOverlap(a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }): boolean {
  return (a.endDate === null || b.startDate <= a.endDate) && (b.endDate === null || a.startDate <= b.endDate);
}
