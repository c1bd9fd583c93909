import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CreateVenueBody,
  CreateVenueRoomBody,
  IdParams,
  Page,
  SetOpeningHoursBody,
  UpdateVenueBody,
  UpdateVenueRoomBody,
  Venue,
  VenueDetail,
  VenueExportQuery,
  VenueListQuery,
  VenueRoom,
  VenueRoomParams,
} from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError, notFound } from '../../shared/errors.js';
import { pageOf } from '../../shared/paging.js';
import { responses } from '../../shared/route-schema.js';
import { listScopes } from '../regions/region-scopes.js';
import { shanghaiDay } from '../../shared/time.js';
import { EXPORT_MAX_ROWS, sendWorkbook, XlsxFile } from '../../shared/xlsx.js';
import { venueExportColumns } from './venues.export.js';
import { requireReadVenue } from './venues.policy.js';
import { presentRoom, presentVenue, presentVenueDetail } from './venues.presenter.js';
import * as repo from './venues.repository.js';
import * as service from './venues.service.js';

const tags = ['venues'];

export async function venueRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  async function detail(id: string, actor: Actor) {
    const row = await repo.findVenueById(app.db, id);
    if (!row) throw notFound();
    return presentVenueDetail(row, await repo.listRooms(app.db, [row.id]), actor, app.clock.now());
  }

  async function room(venueId: string, roomId: string, actor: Actor) {
    const venue = await repo.findVenueById(app.db, venueId);
    const row = await repo.findRoom(app.db, venueId, roomId);
    if (!venue || !row) throw notFound();
    return presentRoom(row, venue, actor);
  }

  api.get('/venues', { schema: { tags, summary: 'List venues in the caller’s scope, with whether each is open now', querystring: VenueListQuery, response: responses({ 200: Page(Venue) }) } }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const scopes = await listScopes(app.db, actor, 'venue.read', q.regionId);
    const limit = q.limit ?? 50;
    const rows = await repo.listVenues(app.db, { scopes, kind: q.kind, q: q.q, cursor: q.cursor, limit });
    const page = pageOf(rows, limit);
    const now = app.clock.now();
    return { items: page.items.map((r) => presentVenue(r, actor, now)), nextCursor: page.nextCursor };
  });

  api.get(
    '/venues/export.xlsx',
    { schema: { tags, summary: 'Venues ledger (台账) as Excel, same filters as the list', querystring: VenueExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: responses({ 200: XlsxFile }) } },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      const scopes = await listScopes(app.db, actor, 'venue.read', q.regionId);
      const rows = await repo.listVenues(app.db, { scopes, kind: q.kind, q: q.q, limit: EXPORT_MAX_ROWS });
      if (rows.length > EXPORT_MAX_ROWS) {
        throw new AppError('unprocessable', { detail: { zh: `导出超过 ${EXPORT_MAX_ROWS} 行，请按区域筛选后分批导出`, en: `More than ${EXPORT_MAX_ROWS} rows; filter by region and export in parts` } });
      }
      return sendWorkbook(reply, `阵地台账-${shanghaiDay(app.clock.now())}.xlsx`, '阵地', venueExportColumns, rows);
    },
  );

  api.get('/venues/:id', { schema: { tags, summary: 'One venue with its rooms and opening hours', params: IdParams, response: responses({ 200: VenueDetail }) } }, async (request) => {
    const actor = actorOf(request);
    const row = await repo.findVenueById(app.db, request.params.id);
    if (!row) throw notFound();
    requireReadVenue(actor, row);
    return presentVenueDetail(row, await repo.listRooms(app.db, [row.id]), actor, app.clock.now());
  });

  api.post('/venues', { schema: { tags, summary: 'Register a venue in a region', body: CreateVenueBody, response: responses({ 201: VenueDetail }) } }, async (request, reply) => {
    const created = await service.createVenue(app.db, contextOf(request), request.body);
    return reply.status(201).send(await detail(created.id, actorOf(request)));
  });

  api.patch('/venues/:id', { schema: { tags, summary: 'Change kind, name, address, phone or region', params: IdParams, body: UpdateVenueBody, response: responses({ 200: VenueDetail }) } }, async (request) => {
    const row = await service.updateVenue(app.db, contextOf(request), request.params.id, request.body);
    return detail(row.id, actorOf(request));
  });

  api.put('/venues/:id/opening-hours', { schema: { tags, summary: 'Replace the weekly opening hours (no overlaps; closes after opens)', params: IdParams, body: SetOpeningHoursBody, response: responses({ 200: VenueDetail }) } }, async (request) => {
    const row = await service.setOpeningHours(app.db, contextOf(request), request.params.id, request.body);
    return detail(row.id, actorOf(request));
  });

  api.post('/venues/:id/rooms', { schema: { tags, summary: 'Add a room to a venue', params: IdParams, body: CreateVenueRoomBody, response: responses({ 201: VenueRoom }) } }, async (request, reply) => {
    const created = await service.addRoom(app.db, contextOf(request), request.params.id, request.body);
    return reply.status(201).send(await room(request.params.id, created.id, actorOf(request)));
  });

  api.patch('/venues/:id/rooms/:roomId', { schema: { tags, summary: 'Change a room', params: VenueRoomParams, body: UpdateVenueRoomBody, response: responses({ 200: VenueRoom }) } }, async (request) => {
    const updated = await service.updateRoom(app.db, contextOf(request), request.params.id, request.params.roomId, request.body);
    return room(request.params.id, updated.id, actorOf(request));
  });
}
