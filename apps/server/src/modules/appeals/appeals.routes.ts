import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Appeal, AppealCategory, AppealCommandBodies, AppealQueueCounts, AppealDetail, AppealListQuery, AppealSummaryPublic, APPEAL_COMMAND_PATHS, APPEAL_COMMANDS, CreateAppealBody, CreatedAppeal,
  DuplicateQueryBody, IdParams, narrowScopes, normaliseTrackingCode, Page, PageQueryProps, PublicAppeal, TrackParams, type AppealLevel, type SlaTable,
} from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { encodeCursor } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import * as repo from './appeals.repository.js';
import { queueScopes, readScopes, requireStaffRead } from './appeals.policy.js';
import * as service from './appeals.service.js';
import { presentDuplicate } from './appeals.presenter.js';
import { publicView, staffDetail, staffViews, summaries } from './appeals.views.js';
import { NO_DEADLINE } from './appeals.setup.js';

const tags = ['appeals'];

export async function appealRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/appeals/categories', { schema: { tags, summary: 'The category tree residents choose from', response: responses({ 200: Type.Object({ items: Type.Array(AppealCategory) }) }) } }, async () => {
    const rows = await repo.listCategories(app.db);
    return {
      items: rows.map((c) => ({
        id: c.id, code: c.code, parentCode: c.parentCode, name: { zh: c.nameZh, en: c.nameEn }, defaultLevel: c.defaultLevel as AppealLevel, department: c.department,
        sla: (c.sla ?? {}) as SlaTable as any, questions: c.questions as any, mediation: c.mediation, sortOrder: c.sortOrder,
      })),
    };
  });

  api.post('/appeals', { schema: { tags, summary: 'Report an appeal (resident, 楼长 on behalf of a resident, staff logging a call)', body: CreateAppealBody, response: responses({ 201: CreatedAppeal }) } }, async (request, reply) => {
    const { row } = await service.submitAppeal(app.db, contextOf(request), request.body, request.log);
    return reply.status(201).send({ id: row.id, trackingCode: row.trackingCode, status: row.status as any, level: row.level as AppealLevel });
  });

  api.post('/appeals/duplicates', { schema: { tags, summary: 'Open appeals that look like the same matter (same category, same building or within ~100 m, last 30 days)', body: DuplicateQueryBody, response: responses({ 200: Type.Object({ items: Type.Array(AppealSummaryPublic) }) }) } }, async (request) => {
    const rows = await service.previewDuplicates(app.db, contextOf(request), request.body);
    return { items: rows.map(presentDuplicate) };
  });

  api.get('/appeals', { schema: { tags, summary: 'My units’ queue (overdue first, then by deadline) or everything in my area', querystring: AppealListQuery, response: responses({ 200: Page(Appeal) }) } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const view = q.view ?? 'queue';
    let requested: string | undefined;
    if (q.regionId) {
      const r = await repo.findRegion(app.db, q.regionId);
      if (!r) throw notFound();
      requested = r.path;
    }
    const scopes = narrowScopes(view === 'queue' ? queueScopes(actor) : readScopes(actor), requested);
    if (scopes.length === 0) throw new AppError('forbidden');
    const limit = q.limit ?? 50;
    const now = app.clock.now();
    const rows = await repo.listQueue(app.db, { scopes, view, status: q.status, categoryCode: q.categoryCode, overdue: q.overdue, includeFinished: q.includeFinished, now, cursor: q.cursor, limit });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: await staffViews(app.db, actor, items, now), nextCursor: rows.length > limit && last ? encodeCursor(last.dueAt.toISOString(), last.id) : null };
  });

  api.get('/appeals/counts', { schema: { tags, summary: 'How much open work my units’ queue holds and how much is overdue (the 待我处理 badge)', response: responses({ 200: AppealQueueCounts }) } }, async (request) => {
    const scopes = queueScopes(actorOf(request));
    if (scopes.length === 0) throw new AppError('forbidden');
    return repo.countQueue(app.db, scopes, app.clock.now(), NO_DEADLINE);
  });

  api.get('/appeals/track/:code', { config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags, summary: 'Public timeline by tracking code (no internal notes; staff by role)', params: TrackParams, response: responses({ 200: PublicAppeal }) } }, async (request) => {
    const row = await repo.findAppealByCode(app.db, normaliseTrackingCode(request.params.code));
    if (!row) throw notFound();
    return publicView(app.db, request.actor, row, app.clock.now());
  });

  api.get('/appeals/:id', { schema: { tags, summary: 'One appeal with its full timeline (staff)', params: IdParams, response: responses({ 200: AppealDetail }) } }, async (request) => {
    const actor = actorOf(request);
    const row = await repo.findAppeal(app.db, request.params.id);
    if (!row) throw notFound();
    requireStaffRead(actor, row);
    return staffDetail(app.db, actor, row, app.clock.now());
  });

  for (const name of APPEAL_COMMANDS) {
    const segment = APPEAL_COMMAND_PATHS[name];
    api.post(
      `/appeals/:id/${segment}`,
      { schema: { tags, summary: `Appeal command: ${name}`, params: IdParams, body: AppealCommandBodies[name], response: responses({ 200: Appeal }) } },
      async (request) => {
        const actor = actorOf(request);
        const { row } = await service.runCommand(app.db, contextOf(request), request.params.id, name, request.body as service.CommandBody, request.log);
        const [view] = await staffViews(app.db, actor, [row], app.clock.now());
        return view;
      },
    );
  }

  api.post('/appeals/:id/follow', { schema: { tags, summary: 'Follow an open appeal (+1) instead of reporting it again', params: IdParams, response: responses({ 200: Type.Object({ following: Type.Boolean(), followerCount: Type.Integer() }) }) } }, async (request) => {
    const { row } = await service.followAppeal(app.db, contextOf(request), request.params.id);
    return { following: true, followerCount: row.followerCount };
  });

  api.get('/me/appeals', { schema: { tags, summary: 'Appeals I reported, were reported for me, or I follow', querystring: Type.Object(PageQueryProps, { additionalProperties: false }), response: responses({ 200: Page(AppealSummaryPublic) }) } }, async (request) => {
    const actor = actorOf(request);
    const limit = request.query.limit ?? 50;
    const rows = await repo.listMine(app.db, actor.personId, request.query.cursor, limit);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: await summaries(app.db, items), nextCursor: rows.length > limit && last ? encodeCursor(null, last.id) : null };
  });
}
