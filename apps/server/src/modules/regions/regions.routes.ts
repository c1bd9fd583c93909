import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateRegionBody, IdParams, MoveRegionBody, Page, Region, RegionHistoryEntry, RegionListQuery, RenameRegionBody } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { requireAllowed, requireScopes } from '../../shared/scope.js';
import { presentRegion } from './regions.presenter.js';
import * as repo from './regions.repository.js';
import * as service from './regions.service.js';

const tags = ['regions'];

export async function regionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/regions', { schema: { tags, summary: 'List region nodes in the caller’s scope', querystring: RegionListQuery, response: responses({ 200: Page(Region) }) } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    let requested: string | undefined;
    if (q.regionId) {
      const r = await repo.findRegionById(app.db, q.regionId);
      if (!r) throw notFound();
      requested = r.path;
    }
    const scopes = requireScopes(actor, 'region.read', requested);
    const limit = q.limit ?? 50;
    const rows = await repo.listRegions(app.db, { scopes, parentId: q.parentId, level: q.level, kind: q.kind, q: q.q, cursor: q.cursor, limit });
    const page = pageOf(rows, limit);
    return { items: page.items.map((r) => presentRegion(r, actor)), nextCursor: page.nextCursor };
  });

  api.get('/regions/:id', { schema: { tags, summary: 'One region node', params: IdParams, response: responses({ 200: Region }) } }, async (request) => {
    const actor = actorOf(request);
    const row = await repo.findRegionById(app.db, request.params.id);
    if (!row) throw notFound();
    requireAllowed(actor, 'region.read', row.path);
    return presentRegion(row, actor);
  });

  api.get('/regions/:id/history', { schema: { tags, summary: 'Names and positions the node has had', params: IdParams, response: responses({ 200: Type.Object({ items: Type.Array(RegionHistoryEntry) }) }) } }, async (request) => {
    const actor = actorOf(request);
    const row = await repo.findRegionById(app.db, request.params.id);
    if (!row) throw notFound();
    requireAllowed(actor, 'region.read', row.path);
    const items = await repo.listHistory(app.db, row.id);
    return {
      items: items.map((h) => ({ ...h, change: h.change as 'created' | 'renamed' | 'moved', validFrom: h.validFrom.toISOString(), validTo: h.validTo?.toISOString() ?? null })),
    };
  });

  api.post('/regions', { schema: { tags, summary: 'Create a child region node', body: CreateRegionBody, response: responses({ 201: Region }) } }, async (request, reply) => {
    const created = await service.createRegion(app.db, contextOf(request), request.body);
    return reply.status(201).send(presentRegion(created, actorOf(request)));
  });

  api.post('/regions/:id/rename', { schema: { tags, summary: 'Rename a node (history kept)', params: IdParams, body: RenameRegionBody, response: responses({ 200: Region }) } }, async (request) => {
    const row = await service.renameRegion(app.db, contextOf(request), request.params.id, request.body);
    return presentRegion(row, actorOf(request));
  });

  api.post('/regions/:id/move', { schema: { tags, summary: 'Move a node under another parent (history kept)', params: IdParams, body: MoveRegionBody, response: responses({ 200: Region }) } }, async (request) => {
    const row = await service.moveRegion(app.db, contextOf(request), request.params.id, request.body);
    return presentRegion(row, actorOf(request));
  });
}
