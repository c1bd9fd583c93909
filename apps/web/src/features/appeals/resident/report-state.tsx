import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Person } from '@shuren/core';
import { api } from '../../../shared/api';
import { useMe } from '../../../shared/auth';
import { useNeighbourhood, headAssignments } from '../../resident/resident-api';
import type { AppealCategory, PageOf } from '../appeals-api';

/** Where the matter is, as the resident chose it: their household, their building, or (楼长) the resident's home. */
export interface Place {
  kind: 'household' | 'building';
  householdId?: string;
  regionId?: string;
  label: string;
}

/** The resident a 楼长 reports for on reception day (楼长接待日). */
export interface OnBehalf {
  personId: string;
  name: string;
  householdId: string | null;
  homeRegionId: string | null;
  homeRegionName: string | null;
}

/** Where the resident stood when they tapped "use where I am now" (WGS-84), with the phone's own accuracy in metres. */
export interface ReportedPoint {
  lat: number;
  lng: number;
  accuracy: number;
}

export interface Draft {
  category: AppealCategory | null;
  description: string;
  locationText: string;
  answers: Record<string, string | number | boolean>;
  place: Place | null;
  onBehalf: OnBehalf | null;
  photoIds: string[];
  /** For a category that offers people's mediation: the resident agrees that a mediator or the 楼长 visits first. */
  mediation: boolean;
  /** Optional: the phone's location, used to find the same matter reported within ~100 m (also from another building). */
  point: ReportedPoint | null;
}

const EMPTY: Draft = { category: null, description: '', locationText: '', answers: {}, place: null, onBehalf: null, photoIds: [], mediation: false, point: null };

/** The point as the API takes it (`GeoPoint`): degrees only; the accuracy stays on the phone. */
export function apiPoint(point: ReportedPoint | null): { point: { lat: number; lng: number } } | Record<string, never> {
  return point ? { point: { lat: point.lat, lng: point.lng } } : {};
}

interface Ctx {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  reset: () => void;
}

const DraftContext = createContext<Ctx | null>(null);

/** The report being written lives above the three screens, so Back keeps what was typed. */
export function DraftProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const value = useMemo<Ctx>(() => ({ draft, update: (patch) => setDraft((d) => ({ ...d, ...patch })), reset: () => setDraft(EMPTY) }), [draft]);
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}

export function useDraft(): Ctx {
  const ctx = useContext(DraftContext);
  if (!ctx) throw new Error('useDraft outside DraftProvider');
  return ctx;
}

/** The places a resident can pick with one tap: my household (first), my building. */
export function usePlaceChoices(): { choices: Place[]; pending: boolean } {
  const me = useMe();
  const n = useNeighbourhood();
  const choices: Place[] = [];
  const hh = n.data?.household;
  const building = n.data?.regions.find((r) => r.level === 'grid3');
  if (hh) choices.push({ kind: 'household', householdId: hh.id, label: hh.address });
  if (building) choices.push({ kind: 'building', regionId: building.id, label: building.name });
  // A 楼长 without a registered home still reports about the buildings they look after.
  for (const a of headAssignments(me.data)) if (!choices.some((c) => c.regionId === a.regionId)) choices.push({ kind: 'building', regionId: a.regionId, label: a.regionName });
  return { choices, pending: n.isPending };
}

/** Residents of the buildings a 楼长 looks after, searchable by name (the people API is scoped by the server). */
export function useBuildingResidents(regionId: string | undefined, q: string) {
  return useQuery({
    queryKey: ['people', 'building', regionId, q],
    enabled: !!regionId,
    queryFn: () => api<PageOf<Person>>('/people', { query: { regionId, q: q || undefined, limit: 30 } }).then((p) => p.items),
  });
}
