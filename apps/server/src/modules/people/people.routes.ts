import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CreatePersonBody, HOUSEHOLD_RELATION_LABELS, IdParams, Page, PeopleExportQuery, PeopleListQuery, Person, RevealBody, RevealResult, UpdatePersonBody, maskIdNumber, maskPhone, type HouseholdRelation } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { shanghaiDay } from '../../shared/time.js';
import { EXPORT_MAX_ROWS, sendWorkbook, XlsxFile, type XlsxColumn } from '../../shared/xlsx.js';
import { findRegionById } from '../regions/regions.repository.js';
import { requireReadPerson } from './people.policy.js';
import { listScopes } from '../regions/region-scopes.js';
import { presentPerson } from './people.presenter.js';
import * as repo from './people.repository.js';
import * as service from './people.service.js';

const tags = ['people'];

const GENDER_ZH: Record<string, string> = { female: '女', male: '男', unspecified: '' };

const exportColumns: XlsxColumn<repo.PersonWithRegion>[] = [
  { header: '姓名', width: 16, value: (p) => p.name },
  { header: '性别', value: (p) => GENDER_ZH[p.gender] ?? '' },
  { header: '出生年份', value: (p) => p.birthYear },
  // A ledger is a copy that leaves the system: it carries the masked values the caller sees on screen.
  { header: '手机号', width: 16, value: (p) => maskPhone(p.phone) },
  { header: '身份证号', width: 22, value: (p) => maskIdNumber(p.idNumber) },
  { header: '党员', value: (p) => (p.partyMember ? '是' : '否') },
  { header: '居住区域', width: 20, value: (p) => p.homeRegionName },
  { header: '与户主关系', value: (p) => (p.householdRelation ? HOUSEHOLD_RELATION_LABELS[p.householdRelation as HouseholdRelation]?.zh : '') },
  { header: '登记时间', width: 22, value: (p) => p.createdAt.toISOString() },
];

export async function peopleRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/people', { schema: { tags, summary: 'List people in the caller’s scope (phones and ID numbers masked)', querystring: PeopleListQuery, response: responses({ 200: Page(Person) }) } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const scopes = await listScopes(app.db, actor, 'person.read', q.regionId);
    const limit = q.limit ?? 50;
    const rows = await repo.listPeople(app.db, { scopes, q: q.q, role: q.role, partyMember: q.partyMember, today: shanghaiDay(app.clock.now()), cursor: q.cursor, limit });
    const page = pageOf(rows, limit);
    return { items: page.items.map((p) => presentPerson(p, actor)), nextCursor: page.nextCursor };
  });

  api.get('/people/export.xlsx', { schema: { tags, summary: 'People ledger (台账) as Excel, same filters as the list', querystring: PeopleExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: responses({ 200: XlsxFile }) } }, async (request, reply) => {
    const actor = actorOf(request);
    const q = request.query;
    const scopes = await listScopes(app.db, actor, 'person.read', q.regionId);
    const rows = await repo.listPeople(app.db, { scopes, q: q.q, role: q.role, partyMember: q.partyMember, today: shanghaiDay(app.clock.now()), limit: EXPORT_MAX_ROWS });
    if (rows.length > EXPORT_MAX_ROWS) {
      throw new AppError('unprocessable', { detail: { zh: `导出超过 ${EXPORT_MAX_ROWS} 行，请按区域筛选后分批导出`, en: `More than ${EXPORT_MAX_ROWS} rows; filter by region and export in parts` } });
    }
    return sendWorkbook(reply, `人员台账-${shanghaiDay(app.clock.now())}.xlsx`, '人员', exportColumns, rows);
  });

  api.get('/people/:id', { schema: { tags, summary: 'One person (masked); residents may read their own record', params: IdParams, response: responses({ 200: Person }) } }, async (request) => {
    const actor = actorOf(request);
    const row = await repo.findPersonById(app.db, request.params.id);
    if (!row) throw notFound();
    requireReadPerson(actor, row);
    return presentPerson(row, actor);
  });

  api.post('/people', { schema: { tags, summary: 'Register a person in a home region', body: CreatePersonBody, response: responses({ 201: Person }) } }, async (request, reply) => {
    const created = await service.createPerson(app.db, contextOf(request), request.body);
    return reply.status(201).send(presentPerson(created, actorOf(request)));
  });

  api.patch('/people/:id', { schema: { tags, summary: 'Edit a person’s details (audited before/after)', params: IdParams, body: UpdatePersonBody, response: responses({ 200: Person }) } }, async (request) => {
    const actor = actorOf(request);
    const row = await service.updatePerson(app.db, contextOf(request), request.params.id, request.body);
    const region = row.homeRegionId ? await findRegionById(app.db, row.homeRegionId) : undefined;
    return presentPerson({ ...row, homeRegionName: region?.name ?? null }, actor);
  });

  api.post('/people/:id/reveal', { schema: { tags, summary: 'Show the unmasked phone, email and/or ID number (audited on every call)', params: IdParams, body: RevealBody, response: responses({ 200: RevealResult }) } }, async (request) => {
    return service.revealPerson(app.db, contextOf(request), request.params.id, request.body);
  });
}
