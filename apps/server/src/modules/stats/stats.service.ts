import { PARTY_ROLES, REGION_KIND_LABELS, REGION_LEVEL_LABELS, REGION_LEVELS, ROLE_LABELS, THREE_HEADS, type RegionKind, type RegionLevel, type Role, type StatFigure } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import type { ModuleManifest } from '../manifest.js';
import * as repo from './stats.repository.js';

export interface StatsRegion {
  id: string;
  name: string;
  level: string;
  path: string;
}

const people = (region: StatsRegion, query: string) => `/api/v1/people?${query}&regionId=${region.id}`;
const roleLine = (region: StatsRegion, role: Role, value: number, extra = '') => ({
  key: role,
  ...ROLE_LABELS[role],
  value,
  listPath: people(region, `role=${role}${extra}`),
});
const sum = (m: Map<string, number>, keys: readonly string[]) => keys.reduce((n, k) => n + (m.get(k) ?? 0), 0);

/**
 * The registry's own figures for a region subtree (DOMAIN.md §1): 三长, party members placed in grids,
 * mediators, volunteers, households, people and the region tree below the node. All counted live.
 */
export async function registryFigures(db: DbOrTx, region: StatsRegion, day: string): Promise<StatFigure[]> {
  const p = region.path;
  const [regionCounts, roles, byChild, children, partyHeads, volunteers, households, residents] = await Promise.all([
    repo.countRegions(db, p),
    repo.countAssignmentsByRole(db, p, day, [...THREE_HEADS, ...PARTY_ROLES, 'mediator']),
    repo.countAssignmentsByChild(db, p, day, THREE_HEADS),
    repo.listChildren(db, region.id),
    repo.countPartyBuildingHeads(db, p, day),
    repo.countVolunteers(db, p, day),
    repo.countHouseholds(db, p),
    repo.countPeople(db, p),
  ]);

  const childLabel = region.level === 'subdistrict' ? { zh: '三长（按社区）', en: 'Three heads by community' } : { zh: '三长（按下级区域）', en: 'Three heads by sub-region' };
  const childLines = children.map((c) => ({ key: c.code, zh: c.name, en: c.name, value: byChild.get(c.id) ?? 0, listPath: `/api/v1/regions/${c.id}/stats` }));
  // Heads held over the node itself (a building's own 楼长) make the lines add up to the total.
  if (byChild.get('')) childLines.push({ key: '_self', zh: `${region.name}（本级）`, en: `${region.name} (this node)`, value: byChild.get('')!, listPath: `/api/v1/regions/${region.id}/stats` });

  const figures: StatFigure[] = [
    {
      key: 'three_heads',
      zh: '三长（楼长、巷长、街长）',
      en: 'Three heads (building, lane and street heads)',
      value: sum(roles, THREE_HEADS),
      breakdown: THREE_HEADS.map((r) => roleLine(region, r, roles.get(r) ?? 0)),
    },
    { key: 'three_heads.by_child', ...childLabel, value: sum(byChild, [...byChild.keys()]), breakdown: childLines },
    {
      key: 'building_heads.party',
      zh: '党员楼长',
      en: 'Building heads who are party members',
      value: partyHeads,
      listPath: people(region, 'role=building_head&partyMember=true'),
    },
    {
      key: 'party_members.in_grids',
      zh: '党员编入网格',
      en: 'Party members placed in grids',
      value: sum(roles, PARTY_ROLES),
      breakdown: PARTY_ROLES.map((r) => roleLine(region, r, roles.get(r) ?? 0)),
    },
    { key: 'mediators', zh: '调解员', en: 'Mediators', value: roles.get('mediator') ?? 0, listPath: people(region, 'role=mediator') },
    { key: 'volunteers', zh: '志愿者', en: 'Volunteers', value: volunteers.volunteers, listPath: people(region, 'role=volunteer') },
    { key: 'volunteers.party', zh: '党员志愿者', en: 'Party volunteers', value: volunteers.party, listPath: people(region, 'role=volunteer&partyMember=true') },
    { key: 'households', zh: '住户', en: 'Households', value: households, listPath: `/api/v1/households?regionId=${region.id}` },
    { key: 'people', zh: '人员', en: 'People', value: residents, listPath: `/api/v1/people?regionId=${region.id}` },
  ];

  // The region tree below the node, one figure per lower level, by kind.
  const below = REGION_LEVELS.slice(REGION_LEVELS.indexOf(region.level as RegionLevel) + 1);
  const treeKey: Record<RegionLevel, string> = { subdistrict: 'regions.subdistricts', community: 'regions.communities', grid2: 'regions.grid2', grid3: 'regions.grid3' };
  for (const level of below) {
    const lines = regionCounts.filter((r) => r.level === level);
    figures.push({
      key: treeKey[level],
      ...REGION_LEVEL_LABELS[level],
      value: lines.reduce((n, r) => n + r.n, 0),
      breakdown: lines
        .sort((a, b) => a.kind.localeCompare(b.kind))
        .map((r) => ({ key: r.kind, ...REGION_KIND_LABELS[r.kind as RegionKind], value: r.n, listPath: `/api/v1/regions?level=${level}&kind=${r.kind}&regionId=${region.id}` })),
      listPath: `/api/v1/regions?level=${level}&regionId=${region.id}`,
    });
  }
  return figures;
}

/** Registry figures, then every figure the feature modules contribute (in module order). */
export async function regionStats(db: DbOrTx, modules: readonly ModuleManifest[], region: StatsRegion, day: string): Promise<StatFigure[]> {
  // Counted side by side (each on its own pooled connection); the answer keeps module order.
  const parts = await Promise.all([registryFigures(db, region, day), ...modules.map((m) => (m.stats ? m.stats(db, { id: region.id, path: region.path }) : []))]);
  return parts.flat();
}
