import { LEVEL_REGION, type AppealLevel, type AppealUnit } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import { invalidField } from '../../shared/errors.js';
import * as repo from './appeals.repository.js';
import { chainWithStaff, householdPlace } from './appeals.places-cache.js';
import type { RegionRow } from './appeals.repository.js';

const LEVEL_OF_REGION: Record<string, AppealLevel> = { grid3: 'grid', grid2: 'compound', community: 'community', subdistrict: 'subdistrict' };

/** Where the matter is, with the region nodes from the root down to it. */
export interface Place {
  region: RegionRow;
  path: string;
  householdId: string | null;
  chain: RegionRow[];
}

export async function resolvePlace(db: DbOrTx, input: { regionId?: string; householdId?: string }): Promise<Place> {
  if (input.householdId) {
    const hh = await repo.findHousehold(db, input.householdId);
    if (!hh) throw invalidField('/body/householdId', 'not_found', { zh: '住户不存在', en: 'Household not found' });
    const region = await repo.findRegion(db, hh.regionId);
    if (!region) throw invalidField('/body/householdId', 'not_found', { zh: '住户所在楼栋不存在', en: 'The household’s building does not exist' });
    if (input.regionId && input.regionId !== region.id) throw invalidField('/body/regionId', 'mismatch', { zh: '住户不在该区域', en: 'The household is not in that region' });
    return { region, path: region.path, householdId: hh.id, chain: await repo.regionsOnPath(db, region.path) };
  }
  if (!input.regionId) throw invalidField('/body/regionId', 'required', { zh: '请选择地点（住户或区域）', en: 'Choose a place (a household or a region)' });
  const region = await repo.findRegion(db, input.regionId);
  if (!region) throw invalidField('/body/regionId', 'not_found', { zh: '区域不存在', en: 'Region not found' });
  return { region, path: region.path, householdId: null, chain: await repo.regionsOnPath(db, region.path) };
}

/**
 * `resolvePlace` for intake, in fewer round trips: the chain comes with the staff assigned at each node (who
 * hears about a new appeal), so routing and notifying need no further reads; both reads are cached for a few
 * seconds (appeals.places-cache.ts).
 */
export async function resolvePlaceWithStaff(db: DbOrTx, input: { regionId?: string; householdId?: string }, roles: readonly string[], day: string): Promise<Place & { staffAt: Map<string, string[]> }> {
  let regionId = input.regionId;
  let householdId: string | null = null;
  if (input.householdId) {
    const hh = await householdPlace(db, input.householdId);
    if (!hh) throw invalidField('/body/householdId', 'not_found', { zh: '住户不存在', en: 'Household not found' });
    if (input.regionId && input.regionId !== hh.regionId) throw invalidField('/body/regionId', 'mismatch', { zh: '住户不在该区域', en: 'The household is not in that region' });
    regionId = hh.regionId;
    householdId = hh.id;
  }
  if (!regionId) throw invalidField('/body/regionId', 'required', { zh: '请选择地点（住户或区域）', en: 'Choose a place (a household or a region)' });
  const nodes = await chainWithStaff(db, regionId, roles, day);
  const region = nodes[nodes.length - 1]?.region;
  if (!region || region.id !== regionId) {
    if (householdId) throw invalidField('/body/householdId', 'not_found', { zh: '住户所在楼栋不存在', en: 'The household’s building does not exist' });
    throw invalidField('/body/regionId', 'not_found', { zh: '区域不存在', en: 'Region not found' });
  }
  return { region, path: region.path, householdId, chain: nodes.map((n) => n.region), staffAt: new Map(nodes.map((n) => [n.region.id, n.staff])) };
}

/**
 * The unit at a ladder level for a place: the place's ancestor on that region level. When the place lies
 * above that level (a matter about a whole community has no building), the place itself holds it.
 */
export function unitAt(place: Pick<Place, 'chain'>, level: AppealLevel, department: string | null): { unit: AppealUnit; path: string } | null {
  const want = LEVEL_REGION[level];
  const node = place.chain.find((r) => r.level === want);
  if (!node) return null;
  return { unit: { level, regionId: node.id, department: level === 'department' ? department : null }, path: node.path };
}

/** Where a new appeal starts: the category's default level, or the lowest level the place has. */
export function startingUnit(place: Place, defaultLevel: AppealLevel, department: string | null): { unit: AppealUnit; path: string } {
  const exact = unitAt(place, defaultLevel, department ?? 'urban_management');
  if (exact) return exact;
  const lowest = place.chain[place.chain.length - 1];
  return { unit: { level: LEVEL_OF_REGION[lowest.level] ?? 'community', regionId: lowest.id, department: null }, path: lowest.path };
}

/** The smallest area a duplicate is looked for in: the building (level-3 grid), else the compound, else the place. */
export function duplicateArea(place: Place): string {
  return (place.chain.find((r) => r.level === 'grid3') ?? place.chain.find((r) => r.level === 'grid2') ?? place.region).path;
}

/** The community a path lies in (residents may report anywhere in their own community). */
export function communityPrefix(path: string): string | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? `/${ids[0]}/${ids[1]}/` : null;
}
