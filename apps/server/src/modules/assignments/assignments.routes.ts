import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Assignment, AssignmentListQuery, CreateAssignmentBody, EndAssignmentBody, IdParams, Page } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { shanghaiDay } from '../../shared/time.js';
import { listScopes } from '../regions/region-scopes.js';
import { canReadAssignment } from './assignments.policy.js';
import { presentAssignment } from './assignments.presenter.js';
import * as repo from './assignments.repository.js';
import * as service from './assignments.service.js';

const tags = ['assignments'];

export async function assignmentRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const today = () => shanghaiDay(app.clock.now());

  api.get('/assignments', { schema: { tags, summary: 'Role assignments over regions in the caller’s scope (active and ended unless activeOn is given)', querystring: AssignmentListQuery, response: responses({ 200: Page(Assignment) }) } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const scopes = await listScopes(app.db, actor, 'person.read', q.regionId);
    const limit = q.limit ?? 50;
    const rows = await repo.listAssignments(app.db, { scopes, role: q.role, personId: q.personId, activeOn: q.activeOn, q: q.q, cursor: q.cursor, limit });
    const page = pageOf(rows, limit);
    const day = today();
    return { items: page.items.map((a) => presentAssignment(a, actor, day)), nextCursor: page.nextCursor };
  });

  api.get('/assignments/:id', { schema: { tags, summary: 'One role assignment', params: IdParams, response: responses({ 200: Assignment }) } }, async (request) => {
    const actor = actorOf(request);
    const row = await repo.findAssignment(app.db, request.params.id);
    if (!row) throw notFound();
    if (!canReadAssignment(actor, row)) throw new AppError('forbidden');
    return presentAssignment(row, actor, today());
  });

  api.post('/assignments', { schema: { tags, summary: 'Assign a person to a role over a region node (e.g. a 楼长 to a building)', body: CreateAssignmentBody, response: responses({ 201: Assignment }) } }, async (request, reply) => {
    const row = await service.createAssignment(app.db, contextOf(request), request.body);
    return reply.status(201).send(presentAssignment(row, actorOf(request), today()));
  });

  api.post('/assignments/:id/end', { schema: { tags, summary: 'End a role assignment on a day (inclusive), with a reason', params: IdParams, body: EndAssignmentBody, response: responses({ 200: Assignment }) } }, async (request) => {
    const row = await service.endAssignment(app.db, contextOf(request), request.params.id, request.body);
    return presentAssignment(row, actorOf(request), today());
  });
}
