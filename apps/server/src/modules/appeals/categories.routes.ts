import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AdminCategory, AdminCategoryList, CreateCategoryBody, IdParams, UpdateCategoryBody } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { responses } from '../../shared/route-schema.js';
import type { CategoryRow } from './appeals.repository.js';
import { canManageCategories, categoryListActions } from './categories.policy.js';
import { presentAdminCategory } from './categories.presenter.js';
import * as repo from './categories.repository.js';
import * as service from './categories.service.js';

const tags = ['appeal-categories'];

/** The category tree as admins edit it: every category, retired ones too (residents read GET /appeals/categories). */
export async function categoryAdminRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const present = async (row: CategoryRow, actor: Actor) => {
    const parent = row.parentCode ? await repo.findByCode(app.db, row.parentCode) : undefined;
    return presentAdminCategory(row, actor, new Map(parent ? [[parent.code, parent]] : []));
  };

  api.get('/appeal-categories', { schema: { tags, summary: 'Every appeal category, retired ones too (admins)', response: responses({ 200: AdminCategoryList }) } }, async (request) => {
    const actor = actorOf(request);
    if (!canManageCategories(actor)) throw new AppError('forbidden');
    const rows = await repo.allCategories(app.db);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return { items: rows.map((r) => presentAdminCategory(r, actor, byCode)), allowedActions: categoryListActions(actor) };
  });

  api.get('/appeal-categories/:id', { schema: { tags, summary: 'One appeal category with its settings (admins)', params: IdParams, response: responses({ 200: AdminCategory }) } }, async (request) => {
    const actor = actorOf(request);
    if (!canManageCategories(actor)) throw new AppError('forbidden');
    const row = (await repo.allCategories(app.db)).find((r) => r.id === request.params.id);
    if (!row) throw notFound();
    return present(row, actor);
  });

  api.post('/appeal-categories', { schema: { tags, summary: 'Add a category, top-level or under a top-level one (409 when the code is taken)', body: CreateCategoryBody, response: responses({ 201: AdminCategory }) } }, async (request, reply) => {
    const row = await service.createCategory(app.db, contextOf(request), request.body);
    return reply.status(201).send(await present(row, actorOf(request)));
  });

  api.patch('/appeal-categories/:id', { schema: { tags, summary: 'Edit names, starting level, department, SLA targets, questions, mediation, order', params: IdParams, body: UpdateCategoryBody, response: responses({ 200: AdminCategory }) } }, async (request) => {
    const row = await service.editCategory(app.db, contextOf(request), request.params.id, request.body);
    return present(row, actorOf(request));
  });

  api.post('/appeal-categories/:id/deactivate', { schema: { tags, summary: 'Retire a category (and its kinds): hidden from residents and Open311, old appeals keep it', params: IdParams, response: responses({ 200: AdminCategory }) } }, async (request) => {
    const row = await service.deactivateCategory(app.db, contextOf(request), request.params.id);
    return present(row, actorOf(request));
  });

  api.post('/appeal-categories/:id/activate', { schema: { tags, summary: 'Offer a retired category again', params: IdParams, response: responses({ 200: AdminCategory }) } }, async (request) => {
    const row = await service.activateCategory(app.db, contextOf(request), request.params.id);
    return present(row, actorOf(request));
  });
}
