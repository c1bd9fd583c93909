import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateOpen311ClientBody, IdParams, IssuedOpen311Client, Open311Client, Page, PageQueryProps, type Open311ReadScope } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { decodeCursor, pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { canManageClients, clientActions, clientScopes } from './open311.policy.js';
import * as repo from './open311.repository.js';
import type { ClientRow } from './open311.repository.js';
import { issueClient, revokeClient } from './open311.service.js';

const tags = ['open311'];

function presentClient(row: ClientRow, regionName: string, actor: Actor): Open311Client {
  return {
    id: row.id,
    name: row.name,
    regionId: row.regionId,
    regionName,
    keyPrefix: row.keyPrefix,
    readScope: row.readScope as Open311ReadScope,
    tokenReplies: row.tokenReplies,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    allowedActions: clientActions(actor, row),
  };
}

/** Issuing api keys for Open311 clients: subdistrict admins only, every issue and revoke audited. */
export async function open311ClientRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/open311/clients',
    { schema: { tags, summary: 'Open311 clients issued in the caller’s area (keys are never shown again)', querystring: Type.Object(PageQueryProps, { additionalProperties: false }), response: responses({ 200: Page(Open311Client) }) } },
    async (request) => {
      const actor = actorOf(request);
      const scopes = clientScopes(actor);
      if (scopes.length === 0) throw new AppError('forbidden');
      const limit = request.query.limit ?? 50;
      const cursor = request.query.cursor ? decodeCursor(request.query.cursor)[1] : undefined;
      const rows = await repo.listClients(app.db, scopes, cursor, limit);
      const page = pageOf(rows, limit);
      const regions = await repo.regionsByIds(app.db, page.items.map((r) => r.regionId));
      return { items: page.items.map((r) => presentClient(r, regions.get(r.regionId)?.name ?? '', actor)), nextCursor: page.nextCursor };
    },
  );

  api.post(
    '/open311/clients',
    { schema: { tags, summary: 'Issue an Open311 client and its api_key (shown once; only its hash is stored)', body: CreateOpen311ClientBody, response: responses({ 201: IssuedOpen311Client }) } },
    async (request, reply) => {
      const { client, apiKey, regionName } = await issueClient(app.db, contextOf(request), request.body);
      return reply.status(201).send({ ...presentClient(client, regionName, actorOf(request)), apiKey });
    },
  );

  api.post(
    '/open311/clients/:id/revoke',
    { schema: { tags, summary: 'Revoke an Open311 client’s api_key', params: IdParams, response: responses({ 200: Open311Client }) } },
    async (request) => {
      const actor = actorOf(request);
      const existing = await repo.findClient(app.db, request.params.id);
      if (!existing || !canManageClients(actor, existing.regionPath)) throw notFound();
      const row = await revokeClient(app.db, contextOf(request), request.params.id);
      const regions = await repo.regionsByIds(app.db, [row.regionId]);
      return presentClient(row, regions.get(row.regionId)?.name ?? '', actor);
    },
  );
}
