import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AuditEntry, AuditExportQuery, AuditListQuery, Page } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { invalidField } from '../../shared/errors.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { findRegionById } from '../regions/regions.repository.js';
import type { Actor } from '../../shared/actor.js';
import { auditVisibility } from './audit.policy.js';
import { presentAudit } from './audit.presenter.js';
import * as repo from './audit.repository.js';
import { exportAudit } from './audit.export.js';
import type { AuditFilter } from './audit.repository.js';

const tags = ['audit'];

/** Validated filters → repository filter (without paging), with the caller's visible part of the trail. */
async function filterOf(app: FastifyInstance, actor: Actor, q: AuditExportQuery): Promise<Omit<AuditFilter, 'limit' | 'cursor'>> {
  let requested: string | undefined;
  if (q.regionId) {
    const region = await findRegionById(app.db, q.regionId);
    if (!region) throw invalidField('/query/regionId', 'not_found', { zh: '区域不存在', en: 'Region does not exist' });
    requested = region.path;
  }
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && from > to) throw invalidField('/query/to', 'range', { zh: '结束时间不能早于开始时间', en: '`to` must not be before `from`' });
  const { scopes, includeUnplaced } = auditVisibility(actor, requested);
  return { scopes, includeUnplaced, entityType: q.entityType, entityId: q.entityId, personId: q.personId, from, to, actionPrefix: q.action };
}

export async function auditRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/audit',
    { schema: { tags, summary: 'The audit trail, newest first: by record, acting person, time window, region or action', querystring: AuditListQuery, response: responses({ 200: Page(AuditEntry) }) } },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const filter = await filterOf(app, actor, q);
      const limit = q.limit ?? 50;
      const rows = await repo.listAudit(app.db, { ...filter, cursor: q.cursor, limit });
      const page = pageOf(rows, limit, (r) => r.at.toISOString());
      return { items: page.items.map(presentAudit), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/audit/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The audit trail as an Excel ledger (same filters as the list, up to 100 000 rows)',
        querystring: AuditExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: Type.String({ format: 'binary', description: 'xlsx workbook' }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const filter = await filterOf(app, actor, request.query);
      return exportAudit(app.db, contextOf(request), reply, filter);
    },
  );
}
