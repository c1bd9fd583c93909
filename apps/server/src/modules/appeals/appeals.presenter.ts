import { APPEAL_LEVEL_LABELS, APPEAL_STATUS_LABELS, DEPARTMENT_LABELS, maskPhone, type Appeal, type AppealLevel, type AppealStatus, type Department, type PublicAppeal, type Satisfaction } from '@shuren/core';
import type { DuplicateSummary } from './appeals.intake-sql.js';
import type { AppealRow, CategoryRow, EventRow } from './appeals.repository.js';

/** How the public timeline names staff: by the part they played, never by name. */
const ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  reporter: { zh: '反映人', en: 'Reporter' },
  resident: { zh: '居民', en: 'Resident' },
  dispatcher: { zh: '派单员', en: 'Dispatcher' },
  handler: { zh: '处置人员', en: 'Handler' },
  supervisor: { zh: '督办人员', en: 'Supervisor' },
  inspector: { zh: '核查人员', en: 'Inspector' },
  system: { zh: '系统', en: 'System' },
};

export function roleName(role: string) {
  return ROLE_NAMES[role] ?? { zh: role, en: role };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const NO_DEADLINE_YEAR = 9999;

export interface PresentContext {
  names: Map<string, string>;
  regionNames: Map<string, string>;
  now: Date;
  /** Staff who need the caller's number see it; others see it masked. */
  revealPhone: boolean;
}

function unitView(row: AppealRow, regionNames: Map<string, string>) {
  const level = row.level as AppealLevel;
  return {
    level,
    levelName: APPEAL_LEVEL_LABELS[level],
    regionId: row.unitRegionId,
    regionName: row.department ? (DEPARTMENT_LABELS[row.department as Department]?.zh ?? row.department) : row.unitRegionId ? (regionNames.get(row.unitRegionId) ?? null) : null,
    department: row.department,
  };
}

export function presentAppeal(row: AppealRow, category: Pick<CategoryRow, 'code' | 'nameZh' | 'nameEn' | 'mediation'>, allowedActions: string[], c: PresentContext): Appeal {
  const running = row.dueAt.getUTCFullYear() !== NO_DEADLINE_YEAR;
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    version: row.version,
    category: { code: category.code, name: { zh: category.nameZh, en: category.nameEn } },
    title: row.title,
    description: row.description,
    answers: row.answers as Record<string, unknown>,
    source: row.source,
    status: row.status as AppealStatus,
    statusName: APPEAL_STATUS_LABELS[row.status as AppealStatus],
    unit: unitView(row, c.regionNames),
    place: { regionId: row.placeRegionId, regionName: c.regionNames.get(row.placeRegionId) ?? '', householdId: row.householdId, locationText: row.locationText, point: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null },
    reporter: {
      personId: row.reporterPersonId,
      name: row.reporterPersonId ? (c.names.get(row.reporterPersonId) ?? null) : null,
      onBehalfOfPersonId: row.onBehalfOfPersonId,
      onBehalfOfName: row.onBehalfOfPersonId ? (c.names.get(row.onBehalfOfPersonId) ?? null) : null,
      callerName: row.callerName,
      callerPhone: row.callerPhone ? (c.revealPhone ? row.callerPhone : maskPhone(row.callerPhone)) : null,
    },
    submittedAt: row.submittedAt.toISOString(),
    responseDueAt: iso(row.responseDueAt),
    resolutionDueAt: iso(row.resolutionDueAt),
    dueAt: running ? row.dueAt.toISOString() : null,
    overdue: running && row.dueAt.getTime() <= c.now.getTime(),
    paused: row.pausedAt !== null,
    reworkCount: row.reworkCount,
    escalationCount: row.escalationCount,
    satisfaction: row.satisfaction as Satisfaction | null,
    mergedIntoId: row.mergedIntoId,
    followerCount: row.followerCount,
    photoRefs: row.photoRefs as string[],
    mediation: { offered: category.mediation || row.mediationConsent !== null, accepted: row.mediationConsent },
    allowedActions,
  };
}

export function presentEvent(e: EventRow) {
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    at: e.at.toISOString(),
    actor: { personId: e.actorPersonId, name: e.actorName, role: e.actorRole, roleName: roleName(e.actorRole) },
    level: e.level as AppealLevel,
    publicNote: e.publicNote,
    internalNote: e.internalNote,
    photoRefs: e.photoRefs as string[],
    data: e.data as Record<string, unknown>,
  };
}

/**
 * The resident's view: public notes only; staff appear as "社区 · 处置人员", never by name; only photos marked
 * public (none unless the caller passes the set, so a new caller cannot leak staff-only photos by accident).
 */
export function presentPublic(row: AppealRow, category: Pick<CategoryRow, 'code' | 'nameZh' | 'nameEn'>, events: EventRow[], placeName: string, allowedActions: string[], publicPhotoIds: ReadonlySet<string> = new Set()): PublicAppeal {
  const level = row.level as AppealLevel;
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    category: { code: category.code, name: { zh: category.nameZh, en: category.nameEn } },
    title: row.title,
    description: row.description,
    status: row.status as AppealStatus,
    statusName: APPEAL_STATUS_LABELS[row.status as AppealStatus],
    level,
    levelName: APPEAL_LEVEL_LABELS[level],
    placeName,
    submittedAt: row.submittedAt.toISOString(),
    satisfaction: row.satisfaction as Satisfaction | null,
    followerCount: row.followerCount,
    timeline: events.map((e) => {
      const lvl = APPEAL_LEVEL_LABELS[e.level as AppealLevel];
      const role = roleName(e.actorRole);
      const staff = !['reporter', 'resident', 'system'].includes(e.actorRole);
      return {
        type: e.type,
        at: e.at.toISOString(),
        actorRole: staff ? { zh: `${lvl.zh} · ${role.zh}`, en: `${lvl.en} · ${role.en}` } : role,
        level: e.level as AppealLevel,
        note: e.publicNote,
        photoRefs: (e.photoRefs as string[]).filter((id) => publicPhotoIds.has(id)),
      };
    }),
    allowedActions,
  };
}

/** A possible duplicate, as a resident is shown it (intake reads it with its place name in the same statement). */
export function presentDuplicate(d: DuplicateSummary) {
  return { id: d.id, trackingCode: d.trackingCode, title: d.title, description: d.description, status: d.status as AppealStatus, placeName: d.placeName, submittedAt: d.submittedAt.toISOString(), followerCount: d.followerCount };
}

export function presentSummary(row: AppealRow, placeName: string) {
  return { id: row.id, trackingCode: row.trackingCode, title: row.title, description: row.description, status: row.status as AppealStatus, placeName, submittedAt: row.submittedAt.toISOString(), followerCount: row.followerCount };
}
