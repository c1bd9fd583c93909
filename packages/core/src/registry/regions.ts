/** Levels of the governance region tree (治理单元). Households hang off level-3 grids in their own table. */
export const REGION_LEVELS = ['subdistrict', 'community', 'grid2', 'grid3'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** What kind of place a node is, per level. */
export const REGION_KINDS = {
  subdistrict: ['subdistrict'],
  community: ['urban_community', 'rural_community'],
  grid2: ['compound', 'cooperative', 'area'],
  grid3: ['building', 'lane'],
} as const satisfies Record<RegionLevel, readonly string[]>;
export type RegionKind = (typeof REGION_KINDS)[RegionLevel][number];
export const ALL_REGION_KINDS = Object.values(REGION_KINDS).flat() as RegionKind[];

export const REGION_LEVEL_LABELS: Record<RegionLevel, { zh: string; en: string }> = {
  subdistrict: { zh: '街道', en: 'Subdistrict' },
  community: { zh: '社区', en: 'Community' },
  grid2: { zh: '二级网格', en: 'Level-2 grid' },
  grid3: { zh: '三级网格', en: 'Level-3 grid' },
};

export const REGION_KIND_LABELS: Record<RegionKind, { zh: string; en: string }> = {
  subdistrict: { zh: '街道', en: 'Subdistrict' },
  urban_community: { zh: '城市社区', en: 'Urban community' },
  rural_community: { zh: '农村社区', en: 'Rural community' },
  compound: { zh: '住宅小区', en: 'Residential compound' },
  cooperative: { zh: '经济社', en: 'Economic cooperative' },
  area: { zh: '片区', en: 'Area' },
  building: { zh: '楼栋', en: 'Building' },
  lane: { zh: '街巷', en: 'Lane' },
};

/** The level a child of `parent` must have; null when the level has no children in the tree. */
export function childLevel(parent: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(parent);
  return i >= 0 && i < REGION_LEVELS.length - 1 ? REGION_LEVELS[i + 1] : null;
}

export function kindFitsLevel(level: RegionLevel, kind: string): boolean {
  return (REGION_KINDS[level] as readonly string[]).includes(kind);
}

/**
 * Materialized paths: every node stores `/<root id>/.../<own id>/`, so a subtree is a prefix.
 * Ids are UUIDs (no '/'), so a prefix never matches a sibling whose id merely starts the same way.
 */
export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}
