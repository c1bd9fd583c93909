import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppealNotification, IdParams, NotificationListQuery, Page } from '@shuren/core';
import { actorOf } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { encodeCursor } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import * as repo from './notifications.repository.js';
import type { NotificationRow } from './notifications.repository.js';

const tags = ['notifications'];

function present(n: NotificationRow) {
  return { id: n.id, kind: n.kind, appealId: n.appealId, trackingCode: n.trackingCode, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), readAt: n.readAt ? n.readAt.toISOString() : null };
}

/** The in-app inbox. Reading one's own notices is not audited (no record changes hands). */
export async function notificationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/me/notifications', { schema: { tags, summary: 'My notifications, newest first', querystring: NotificationListQuery, response: responses({ 200: Page(AppealNotification) }) } }, async (request) => {
    const actor = actorOf(request);
    const limit = request.query.limit ?? 50;
    const rows = await repo.listInbox(app.db, actor.personId, { unread: request.query.unread, cursor: request.query.cursor, limit });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(present), nextCursor: rows.length > limit && last ? encodeCursor(null, last.id) : null };
  });

  api.post('/me/notifications/:id/read', { schema: { tags, summary: 'Mark one notification read', params: IdParams, response: responses({ 200: AppealNotification }) } }, async (request) => {
    const row = await repo.markRead(app.db, actorOf(request).personId, request.params.id, app.clock.now());
    if (!row) throw notFound();
    return present(row);
  });

  api.post('/me/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', response: responses({ 200: Type.Object({ marked: Type.Integer() }) }) } }, async (request) => {
    return { marked: await repo.markAllRead(app.db, actorOf(request).personId, app.clock.now()) };
  });
}
