import { VENUE_KINDS, VENUE_KIND_LABELS, type VenueKind } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import type { StatFigure } from '../manifest.js';
import { countByKind } from './venues.repository.js';

/** Kinds DOMAIN.md reports on their own (40 创熟加油站, 28 党建阵地). */
const HEADLINE_KINDS: VenueKind[] = ['acquaintance_station', 'party_venue'];

const listPath = (regionId: string, kind?: VenueKind) => `/api/v1/venues?${kind ? `kind=${kind}&` : ''}regionId=${regionId}`;

export async function venueStats(db: DbOrTx, region: { id: string; path: string }): Promise<StatFigure[]> {
  const counts = await countByKind(db, region.path);
  const n = (k: VenueKind) => counts.get(k) ?? 0;
  return [
    {
      key: 'venues.by_kind',
      zh: '阵地（按类型）',
      en: 'Venues by kind',
      value: VENUE_KINDS.reduce((sum, k) => sum + n(k), 0),
      breakdown: VENUE_KINDS.map((k) => ({ key: k, ...VENUE_KIND_LABELS[k], value: n(k), listPath: listPath(region.id, k) })),
      listPath: listPath(region.id),
    },
    ...HEADLINE_KINDS.map((k) => ({ key: `venues.${k}`, ...VENUE_KIND_LABELS[k], value: n(k), listPath: listPath(region.id, k) })),
  ];
}
