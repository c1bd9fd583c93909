import type { ZhEn } from '../../shared/i18n';

const isLabel = (v: unknown): v is ZhEn => !!v && typeof v === 'object' && 'zh' in v && 'en' in v;

/**
 * Any registry list reads as "title — tags — place": the drawer does not need to know which module a
 * figure came from, so a module added later (appeals…) drills down here without new code.
 */
export function describeItem(item: Record<string, unknown>, t: (x: ZhEn | string, en?: string) => string) {
  const str = (k: string) => (typeof item[k] === 'string' && item[k] ? String(item[k]) : undefined);
  const address = str('address');
  const room = str('room');
  // Household addresses usually end with the room already ("…1栋1-101"): don't say it twice.
  const place2 = address && room && !address.endsWith(room) ? `${address} ${room}` : (address ?? room);
  const title = str('name') ?? str('personName') ?? str('title') ?? (place2 || str('code') || String(item.id ?? ''));
  const tags = ['roleLabel', 'kindLabel', 'relationLabel', 'statusLabel'].map((k) => item[k]).filter(isLabel).map((l) => t(l));
  const place = str('regionName') ?? str('homeRegionName');
  const extra = [str('phone'), typeof item.memberCount === 'number' ? t(`${item.memberCount} 人`, `${item.memberCount} people`) : undefined].filter(Boolean) as string[];
  return { title, tags, place, extra };
}
