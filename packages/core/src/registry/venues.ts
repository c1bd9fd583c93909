export const VENUE_KINDS = ['party_venue', 'acquaintance_station', 'service_centre', 'service_station', 'notable_tea_room'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export const VENUE_KIND_LABELS: Record<VenueKind, { zh: string; en: string }> = {
  party_venue: { zh: '党建阵地', en: 'Party venue' },
  acquaintance_station: { zh: '创熟加油站', en: 'Creating-acquaintance station' },
  service_centre: { zh: '党群服务中心', en: 'Party-and-mass service centre' },
  service_station: { zh: '党群服务站', en: 'Party-and-mass service station' },
  notable_tea_room: { zh: '新乡贤茶话厅', en: 'Rural notables tea room' },
};

/** Opening hours: weekday 1 (Mon) .. 7 (Sun), times HH:MM in Asia/Shanghai. */
export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

export function validOpeningHours(h: OpeningHours): boolean {
  return h.weekday >= 1 && h.weekday <= 7 && /^([01]\d|2[0-3]):[0-5]\d$/.test(h.opens) && /^([01]\d|2[0-3]):[0-5]\d$/.test(h.closes) && h.opens < h.closes;
}
