import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AddHouseholdMemberBody, CreateHouseholdBody, Household, HouseholdExportQuery, HouseholdListQuery, HouseholdMemberParams, IdParams, Neighbourhood, Page, UpdateHouseholdBody } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { shanghaiDay } from '../../shared/time.js';
import { EXPORT_MAX_ROWS, sendWorkbook, type XlsxColumn } from '../../shared/xlsx.js';
import { listScopes } from '../regions/region-scopes.js';
import { XlsxFile } from '../../shared/xlsx.js';
import { requireReadHousehold } from './households.policy.js';
import { presentHousehold } from './households.presenter.js';
import * as repo from './households.repository.js';
import * as service from './households.service.js';
import { neighbourhoodOf } from './neighbourhood.service.js';

const tags = ['households'];

const exportColumns: XlsxColumn<repo.HouseholdView>[] = [
  { header: '地址', width: 30, value: (h) => h.address },
  { header: '房号', value: (h) => h.room },
  { header: '所属网格', width: 20, value: (h) => h.regionName },
  { header: '专有面积(㎡)', width: 14, value: (h) => (h.floorArea === null ? null : Number(h.floorArea)) },
  { header: '登记人数', value: (h) => h.memberCount },
  { header: '登记时间', width: 22, value: (h) => h.createdAt.toISOString() },
];

export async function householdRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /** Detail with members, for responses after member changes too. */
  const detail = async (request: Parameters<typeof actorOf>[0], row: repo.HouseholdView) => presentHousehold(row, actorOf(request), await repo.listMembers(app.db, row.id));

  api.get('/households', { schema: { tags, summary: 'List households in the caller’s scope (a 楼长: their building)', querystring: HouseholdListQuery, response: responses({ 200: Page(Household) }) } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const scopes = await listScopes(app.db, actor, 'household.read', q.regionId);
    const limit = q.limit ?? 50;
    const rows = await repo.listHouseholds(app.db, { scopes, q: q.q, cursor: q.cursor, limit });
    const page = pageOf(rows, limit);
    return { items: page.items.map((h) => presentHousehold(h, actor)), nextCursor: page.nextCursor };
  });

  api.get('/households/export.xlsx', { schema: { tags, summary: 'Household ledger (住户台账) as Excel, same filters as the list', querystring: HouseholdExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: responses({ 200: XlsxFile }) } }, async (request, reply) => {
    const actor = actorOf(request);
    const scopes = await listScopes(app.db, actor, 'household.read', request.query.regionId);
    const rows = await repo.listHouseholds(app.db, { scopes, q: request.query.q, limit: EXPORT_MAX_ROWS });
    if (rows.length > EXPORT_MAX_ROWS) {
      throw new AppError('unprocessable', { detail: { zh: `导出超过 ${EXPORT_MAX_ROWS} 行，请按区域筛选后分批导出`, en: `More than ${EXPORT_MAX_ROWS} rows; filter by region and export in parts` } });
    }
    return sendWorkbook(reply, `住户台账-${shanghaiDay(app.clock.now())}.xlsx`, '住户', exportColumns, rows);
  });

  api.get('/households/:id', { schema: { tags, summary: 'One household with its members (phones masked); residents may read their own', params: IdParams, response: responses({ 200: Household }) } }, async (request) => {
    const row = await repo.findHousehold(app.db, request.params.id);
    if (!row) throw notFound();
    requireReadHousehold(actorOf(request), row);
    return detail(request, row);
  });

  api.post('/households', { schema: { tags, summary: 'Register a household in a level-3 grid (room unique per grid)', body: CreateHouseholdBody, response: responses({ 201: Household }) } }, async (request, reply) => {
    const row = await service.createHousehold(app.db, contextOf(request), request.body);
    return reply.status(201).send(presentHousehold(row, actorOf(request), []));
  });

  api.patch('/households/:id', { schema: { tags, summary: 'Edit address, room or floor area (audited)', params: IdParams, body: UpdateHouseholdBody, response: responses({ 200: Household }) } }, async (request) => {
    const row = await service.updateHousehold(app.db, contextOf(request), request.params.id, request.body);
    return detail(request, row);
  });

  api.post('/households/:id/members', { schema: { tags, summary: 'Register a person in the household (moves their home region to its grid)', params: IdParams, body: AddHouseholdMemberBody, response: responses({ 200: Household }) } }, async (request) => {
    const row = await service.addMember(app.db, contextOf(request), request.params.id, request.body);
    return detail(request, row);
  });

  api.post('/households/:id/members/:personId/remove', { schema: { tags, summary: 'Take a person off the household', params: HouseholdMemberParams, response: responses({ 200: Household }) } }, async (request) => {
    const row = await service.removeMember(app.db, contextOf(request), request.params.id, request.params.personId);
    return detail(request, row);
  });

  api.get('/me/neighbourhood', { schema: { tags: ['me'], summary: 'My household, the regions above it and the people serving me (with phone numbers to call)', response: responses({ 200: Neighbourhood }) } }, async (request) => {
    return neighbourhoodOf(app.db, actorOf(request), app.clock.now());
  });
}
