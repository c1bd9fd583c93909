import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AddOrgMemberBody,
  CreateOrganisationBody,
  DissolveOrganisationBody,
  IdParams,
  LeaveOrgMemberBody,
  OrgMember,
  OrgMemberParams,
  Organisation,
  OrganisationDetail,
  OrganisationExportQuery,
  OrganisationListQuery,
  Page,
  UpdateOrganisationBody,
} from '@shuren/core';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../shared/actor.js';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { listScopes } from '../regions/region-scopes.js';
import { shanghaiDay } from '../../shared/time.js';
import { EXPORT_MAX_ROWS, sendWorkbook, XlsxFile } from '../../shared/xlsx.js';
import { orgExportColumns } from './organisations.export.js';
import { requireReadOrg } from './organisations.policy.js';
import { presentMember, presentOrg, presentOrgDetail } from './organisations.presenter.js';
import * as repo from './organisations.repository.js';
import * as service from './organisations.service.js';

const tags = ['organisations'];
const MEMBERS_SHOWN = 1000;

async function loadPresented(db: Db, id: string, actor: Actor) {
  const row = await repo.findOrgById(db, id);
  if (!row) throw notFound();
  return presentOrg(row, actor);
}

async function loadMember(db: Db, orgId: string, memberId: string, actor: Actor) {
  const org = await repo.findOrgById(db, orgId);
  const member = await repo.findMemberWithPerson(db, memberId);
  if (!org || !member) throw notFound();
  return presentMember(member, org, actor);
}

export async function organisationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/organisations', { schema: { tags, summary: 'List organisations in the caller’s scope (dissolved ones on request)', querystring: OrganisationListQuery, response: responses({ 200: Page(Organisation) }) } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const scopes = await listScopes(app.db, actor, 'org.read', q.regionId);
    const limit = q.limit ?? 50;
    const rows = await repo.listOrgs(app.db, { scopes, kind: q.kind, q: q.q, includeDissolved: q.includeDissolved, cursor: q.cursor, limit });
    const page = pageOf(rows, limit);
    return { items: page.items.map((r) => presentOrg(r, actor)), nextCursor: page.nextCursor };
  });

  api.get(
    '/organisations/export.xlsx',
    { schema: { tags, summary: 'Organisations ledger (台账) as Excel, same filters as the list', querystring: OrganisationExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: responses({ 200: XlsxFile }) } },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const scopes = await listScopes(app.db, actor, 'org.read', q.regionId);
      const rows = await repo.listOrgs(app.db, { scopes, kind: q.kind, q: q.q, includeDissolved: q.includeDissolved, limit: EXPORT_MAX_ROWS });
      if (rows.length > EXPORT_MAX_ROWS) {
        throw new AppError('unprocessable', { detail: { zh: `导出超过 ${EXPORT_MAX_ROWS} 行，请按区域筛选后分批导出`, en: `More than ${EXPORT_MAX_ROWS} rows; filter by region and export in parts` } });
      }
      return sendWorkbook(reply, `组织台账-${shanghaiDay(app.clock.now())}.xlsx`, '组织', orgExportColumns, rows);
    },
  );

  api.get('/organisations/:id', { schema: { tags, summary: 'One organisation with its members (phones masked)', params: IdParams, response: responses({ 200: OrganisationDetail }) } }, async (request) => {
    const actor = actorOf(request);
    const row = await repo.findOrgById(app.db, request.params.id);
    if (!row) throw notFound();
    requireReadOrg(actor, row);
    const members = await repo.findMembers(app.db, row.id, MEMBERS_SHOWN + 1);
    return presentOrgDetail(row, members, MEMBERS_SHOWN, actor);
  });

  api.post('/organisations', { schema: { tags, summary: 'Register an organisation in a region', body: CreateOrganisationBody, response: responses({ 201: Organisation }) } }, async (request, reply) => {
    const created = await service.createOrganisation(app.db, contextOf(request), request.body);
    return reply.status(201).send(await loadPresented(app.db, created.id, actorOf(request)));
  });

  api.patch('/organisations/:id', { schema: { tags, summary: 'Change name, description, founding date or home region', params: IdParams, body: UpdateOrganisationBody, response: responses({ 200: Organisation }) } }, async (request) => {
    const row = await service.updateOrganisation(app.db, contextOf(request), request.params.id, request.body);
    return loadPresented(app.db, row.id, actorOf(request));
  });

  api.post('/organisations/:id/dissolve', { schema: { tags, summary: 'Dissolve an organisation (it stays on record)', params: IdParams, body: DissolveOrganisationBody, response: responses({ 200: Organisation }) } }, async (request) => {
    const row = await service.dissolveOrganisation(app.db, contextOf(request), request.params.id, request.body);
    return loadPresented(app.db, row.id, actorOf(request));
  });

  api.post('/organisations/:id/members', { schema: { tags, summary: 'Add a member (one current membership per person)', params: IdParams, body: AddOrgMemberBody, response: responses({ 201: OrgMember }) } }, async (request, reply) => {
    const member = await service.addMember(app.db, contextOf(request), request.params.id, request.body);
    return reply.status(201).send(await loadMember(app.db, request.params.id, member.id, actorOf(request)));
  });

  api.post(
    '/organisations/:id/members/:memberId/leave',
    { schema: { tags, summary: 'Record that a member left', params: OrgMemberParams, body: LeaveOrgMemberBody, response: responses({ 200: OrgMember }) } },
    async (request) => {
      const member = await service.leaveMember(app.db, contextOf(request), request.params.id, request.params.memberId, request.body);
      return loadMember(app.db, request.params.id, member.id, actorOf(request));
    },
  );
}
