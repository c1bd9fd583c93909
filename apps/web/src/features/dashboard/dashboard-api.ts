import { useQueries, useQuery } from '@tanstack/react-query';
import type { Region, RegionStats } from '@shuren/core';
import { api } from '../../shared/api';
import type { Me } from '../../shared/auth';

export type { RegionStats, StatFigure } from '@shuren/core';

interface RegionPage {
  items: Region[];
  nextCursor: string | null;
}

export function useStats(regionId: string | undefined) {
  return useQuery({ queryKey: ['stats', regionId], queryFn: () => api<RegionStats>(`/regions/${regionId}/stats`), enabled: !!regionId, staleTime: 60_000 });
}

export function useRegion(regionId: string | undefined) {
  return useQuery({ queryKey: ['regions', regionId], queryFn: () => api<Region>(`/regions/${regionId}`), enabled: !!regionId });
}

/** Every page of a region list (the grid tree at guicheng scale is a few hundred nodes: two or three pages). */
async function allRegions(query: Record<string, string>): Promise<Region[]> {
  const out: Region[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: RegionPage = await api<RegionPage>('/regions', { query: { ...query, limit: 200, cursor } });
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return out;
}

export function useChildren(regionId: string | undefined) {
  return useQuery({ queryKey: ['regions', 'children', regionId], queryFn: () => allRegions({ parentId: regionId! }), enabled: !!regionId, staleTime: 60_000 });
}

/** The nodes two levels down (community → level-2 grids under a subdistrict), for the treemap. */
export function useGrandchildren(region: Region | undefined) {
  const next: Record<string, string | undefined> = { subdistrict: 'grid2', community: 'grid3', grid2: undefined, grid3: undefined };
  const level = region ? next[region.level] : undefined;
  return useQuery({
    queryKey: ['regions', 'grandchildren', region?.id, level],
    queryFn: () => allRegions({ regionId: region!.id, level: level! }),
    enabled: !!region && !!level,
    staleTime: 60_000,
  });
}

/** Ancestors of a node, nearest last; ones the caller may not read are left out. */
export function useAncestors(region: Region | undefined) {
  const ids = region ? region.path.split('/').filter(Boolean).slice(0, -1) : [];
  return useQueries({ queries: ids.map((id) => ({ queryKey: ['regions', id], queryFn: () => api<Region>(`/regions/${id}`), retry: false })) });
}

/** Where a staff member's dashboard starts: the widest node they may read statistics of. */
export function defaultRegionId(me: Me | null | undefined): string | undefined {
  const grants = (me?.permissions ?? []).filter((p) => p.permission === 'stats.read').sort((a, b) => a.path.length - b.path.length);
  const path = grants[0]?.path;
  if (!path) return undefined;
  return path.split('/').filter(Boolean).pop();
}

/** The API list behind a figure as `{ path, query }` for the shared client (listPath starts with /api/v1). */
export function splitListPath(listPath: string): { path: string; query: Record<string, string> } {
  const u = new URL(listPath, 'http://x');
  const path = u.pathname.replace(/^\/api\/v1/, '');
  return { path, query: Object.fromEntries(u.searchParams.entries()) };
}

/** The console page showing the same records, filtered the same way (`regionId` is `region` there). */
export function consoleHref(listPath: string): string {
  const { path, query } = splitListPath(listPath);
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) qs.set(k === 'regionId' ? 'region' : k, v);
  const s = qs.toString();
  return `/console${path}${s ? `?${s}` : ''}`;
}

/**
 * A breakdown line may point at another node's statistics (三长 by community → that community's stats):
 * that drill-down is the child's own dashboard, not a list.
 */
export function dashboardOfListPath(listPath: string): string | null {
  const m = /^\/api\/v1\/regions\/([^/?]+)\/stats(?:\?.*)?$/.exec(listPath);
  return m ? `/dashboard/${m[1]}` : null;
}
