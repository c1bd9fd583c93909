import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { OutboundDelivery, OutboundDeliveryListQuery, Page } from '@shuren/core';
import { actorOf } from '../../shared/context.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { listScopes } from '../regions/region-scopes.js';
import * as repo from './outbound.repository.js';

const tags = ['outbound'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Listed = Awaited<ReturnType<typeof repo.listDeliveries>>[number];

function present({ delivery: d, notification: n }: Listed): OutboundDelivery {
  return {
    id: d.id,
    channel: d.channel as OutboundDelivery['channel'],
    status: d.status as OutboundDelivery['status'],
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    lastAttemptAt: iso(d.lastAttemptAt),
    lastError: d.lastError,
    sentAt: iso(d.sentAt),
    createdAt: d.createdAt.toISOString(),
    notification: { id: d.notificationId, ...n },
  };
}

/** Read-only: subdistrict admins (outbound.read) see what went out, what waits and what failed, in their subtree. */
export async function outboundRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/outbound/deliveries',
    { schema: { tags, summary: 'Outbound deliveries (email, webhook) of notices, newest first; ?status=failed for the ones given up', querystring: OutboundDeliveryListQuery, response: responses({ 200: Page(OutboundDelivery) }) } },
    async (request) => {
      const q = request.query;
      const scopes = await listScopes(app.db, actorOf(request), 'outbound.read', q.regionId);
      const limit = q.limit ?? 50;
      const rows = await repo.listDeliveries(app.db, { scopes, status: q.status, channel: q.channel, cursor: q.cursor, limit });
      const page = pageOf(rows.map((r) => ({ ...r, id: r.delivery.id })), limit);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );
}
