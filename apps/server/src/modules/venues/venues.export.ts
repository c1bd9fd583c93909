import { VENUE_KIND_LABELS, sortOpeningHours, type OpeningHours, type VenueKind } from '@shuren/core';
import type { XlsxColumn } from '../../shared/xlsx.js';
import type { VenueListRow } from './venues.repository.js';

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** "周一 09:00-12:00、14:00-18:00；周二 …" — the way a ledger states opening hours. */
export function hoursText(hours: readonly OpeningHours[]): string {
  const byDay = new Map<number, string[]>();
  for (const h of sortOpeningHours(hours)) byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), `${h.opens}-${h.closes}`]);
  return [...byDay].map(([d, slots]) => `${WEEKDAY_ZH[d]} ${slots.join('、')}`).join('；');
}

/** The venues ledger (阵地台账). */
export const venueExportColumns: XlsxColumn<VenueListRow>[] = [
  { header: '阵地名称', width: 28, value: (v) => v.name },
  { header: '类型', width: 16, value: (v) => VENUE_KIND_LABELS[v.kind as VenueKind]?.zh ?? v.kind },
  { header: '所属区域', width: 18, value: (v) => v.regionName },
  { header: '地址', width: 30, value: (v) => v.address },
  { header: '联系电话', width: 16, value: (v) => v.phone },
  { header: '房间数', value: (v) => Number(v.roomCount) },
  { header: '开放时间', width: 50, value: (v) => hoursText(v.openingHours ?? []) },
];
