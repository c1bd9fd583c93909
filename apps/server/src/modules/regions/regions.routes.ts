import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { REGION_KIND_LABELS, REGION_LEVEL_LABELS, type RegionKind, type RegionLevel } from '@shuren/core';
import { CreateRegionBody, IdParams, MoveRegionBody, Page, Region, RegionHistoryEntry, RegionListQuery, RenameRegionBody } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { shanghaiDay } from '../../shared/time.js';
import { EXPORT_MAX_ROWS, sendWorkbook, XlsxFile } from '../../shared/xlsx.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { requireAllowed } from '../../shared/scope.js';
import { listScopes } from './region-scopes.js';
import { presentRegion } from './regions.presenter.js';
import * as repo from './regions.repository.js';
import * as service from './regions.service.js';

const tags = ['regions'];

export async function regionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/regions', { schema: { tags, summary: 'List region nodes in the caller’s scope', querystring: RegionListQuery, response: responses({ 200: Page(Region) }) } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const scopes = await listScopes(app.db, actor, 'region.read', q.regionId);
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

  // Ledger (台账) export: the same filters as the list, every matching node in the caller's scope, one sheet.
  const { limit: _limit, cursor: _cursor, ...exportFilters } = RegionListQuery.properties;
  const RegionExportQuery = Type.Object(exportFilters, { additionalProperties: false });
  api.get(
    '/regions/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Region nodes in the caller’s scope as an Excel ledger (same filters as the list)',
        querystring: RegionExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: XlsxFile }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const scopes = await listScopes(app.db, actor, 'region.read', q.regionId);
      const rows = await repo.listRegions(app.db, { scopes, parentId: q.parentId, level: q.level, kind: q.kind, q: q.q, limit: EXPORT_MAX_ROWS });
      if (rows.length > EXPORT_MAX_ROWS) throw new AppError('unprocessable', { detail: { zh: `超过 ${EXPORT_MAX_ROWS} 条，请按区域筛选后分别导出`, en: `More than ${EXPORT_MAX_ROWS} rows; filter by region and export in parts` } });
      const label = (l: { zh: string; en: string } | undefined, raw: string) => l?.zh ?? raw;
      return sendWorkbook(reply, `区域台账-${shanghaiDay(app.clock.now())}.xlsx`, '区域台账', [
        { header: '编码', width: 20, value: (r) => r.code },
        { header: '名称', width: 24, value: (r) => r.name },
        { header: '层级', value: (r) => label(REGION_LEVEL_LABELS[r.level as RegionLevel], r.level) },
        { header: '类型', value: (r) => label(REGION_KIND_LABELS[r.kind as RegionKind], r.kind) },
        { header: '下级数量', value: (r) => r.childCount },
        { header: '创建时间', width: 20, value: (r) => shanghaiDay(r.createdAt) },
        { header: '编号', width: 38, value: (r) => r.id },
      ], rows);
    },
  );
}
