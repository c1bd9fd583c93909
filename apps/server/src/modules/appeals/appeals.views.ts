import { hasAppealCapability } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../shared/actor.js';
import * as repo from './appeals.repository.js';
import { publicPhotoIds } from './appeal-photos.repository.js';
import type { AppealRow } from './appeals.repository.js';
import { appealActions, isReporter } from './appeals.policy.js';
import { presentAppeal, presentEvent, presentPublic, presentSummary } from './appeals.presenter.js';

/** Loads what the presenters need for a set of rows (names, regions, categories) in a few queries. */
export async function staffViews(db: DbOrTx, actor: Actor, rows: AppealRow[], now: Date) {
  // Three reads side by side, each one query for the whole page (a page spans a dozen categories or more).
  const [names, regionNames, categories] = await Promise.all([
    repo.personNames(db, rows.flatMap((r) => [r.reporterPersonId, r.onBehalfOfPersonId])),
    repo.regionNames(db, rows.flatMap((r) => [r.placeRegionId, r.unitRegionId ?? ''])),
    repo.categoriesByIds(db, rows.map((r) => r.categoryId)),
  ]);
  return rows.map((r) => {
    const category = categories.get(r.categoryId)!;
    return presentAppeal(r, category, appealActions(actor, r, category, now), { names, regionNames, now, revealPhone: hasAppealCapability(actor.assignments, 'handle', r.unitPath) || hasAppealCapability(actor.assignments, 'dispatch', r.unitPath) });
  });
}

export async function staffDetail(db: DbOrTx, actor: Actor, row: AppealRow, now: Date) {
  const [[view], events] = await Promise.all([staffViews(db, actor, [row], now), repo.listEvents(db, row.id)]);
  return { ...view, timeline: events.map(presentEvent) };
}

export async function publicView(db: DbOrTx, actor: Actor | null, row: AppealRow, now: Date) {
  // Independent reads, side by side.
  const [category, events, placeNames, following, photoIds] = await Promise.all([
    repo.findCategoryById(db, row.categoryId),
    repo.listEvents(db, row.id),
    repo.regionNames(db, [row.placeRegionId]),
    actor ? repo.isFollower(db, row.id, actor.personId) : false,
    publicPhotoIds(db, row.id),
  ]);
  // The public page offers what a resident does: confirm, rate, reopen, resume, follow.
  const actions = actor ? appealActions(actor, row, category!, now, { following }).filter((a) => ['verify', 'close', 'reopen', 'resume', 'follow'].includes(a) && (a === 'follow' || isReporter(actor, row))) : [];
  return presentPublic(row, category!, events, placeNames.get(row.placeRegionId) ?? '', actions, photoIds);
}

export async function summaries(db: DbOrTx, rows: AppealRow[]) {
  const regionNames = await repo.regionNames(db, rows.map((r) => r.placeRegionId));
  return rows.map((r) => presentSummary(r, regionNames.get(r.placeRegionId) ?? ''));
}
