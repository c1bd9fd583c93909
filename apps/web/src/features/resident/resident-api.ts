import { useQuery } from '@tanstack/react-query';
import type { Household, Nearby, Neighbourhood, Region } from '@shuren/core';
import { api } from '../../shared/api';
import type { Me } from '../../shared/auth';

// Type-only imports from @shuren/core: the phone bundle never carries the schema library.
interface HouseholdPage {
  items: Household[];
  nextCursor: string | null;
}

export const THREE_HEAD_ROLES = ['building_head', 'lane_head', 'street_head'] as const;

/** GET /me/neighbourhood: my household, the region chain above it and the people serving me. */
export function useNeighbourhood() {
  return useQuery({ queryKey: ['me', 'neighbourhood'], queryFn: () => api<Neighbourhood>('/me/neighbourhood') });
}

/** GET /me/nearby: venues (with rooms and hours) and organisations of my community. */
export function useNearby() {
  return useQuery({ queryKey: ['me', 'nearby'], queryFn: () => api<Nearby>('/me/nearby') });
}

export function useRegion(id: string | undefined) {
  return useQuery({ queryKey: ['regions', id], queryFn: () => api<Region>(`/regions/${id}`), enabled: !!id });
}

/** All households of one building or lane (a 楼长's building is a few dozen; pages are read to the end). */
export function useBuildingHouseholds(regionId: string | undefined) {
  return useQuery({
    queryKey: ['households', 'building', regionId],
    enabled: !!regionId,
    queryFn: async () => {
      const items: Household[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: HouseholdPage = await api<HouseholdPage>('/households', { query: { regionId, limit: 200, cursor } });
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({ queryKey: ['households', id], queryFn: () => api<Household>(`/households/${id}`), enabled: !!id });
}

/** The buildings/lanes this person looks after as 楼长 / 巷长 / 街长 today. */
export function headAssignments(me: Me | null | undefined) {
  return (me?.assignments ?? []).filter((a) => (THREE_HEAD_ROLES as readonly string[]).includes(a.role));
}
