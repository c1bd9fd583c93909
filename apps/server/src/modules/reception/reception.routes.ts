import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CancelReceptionSessionBody, CreateReceptionSlotBody, EndReceptionSlotBody, IdParams, MyReceptionDays, ReceptionSchedule, ReceptionScheduleQuery, ReceptionSlot } from '@shuren/core';
import { actorOf, contextOf } from '../../shared/context.js';
import { responses } from '../../shared/route-schema.js';
import { shanghaiDay } from '../../shared/time.js';
import { presentSlot } from './reception.presenter.js';
import { cancellationsFrom, type SlotView } from './reception.repository.js';
import * as service from './reception.service.js';

const tags = ['reception'];

export async function receptionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const slotResponse = async (slot: SlotView, request: Parameters<typeof actorOf>[0]) => {
    const cancelled = await cancellationsFrom(app.db, [slot.id], shanghaiDay(app.clock.now()));
    return presentSlot(slot, cancelled, actorOf(request));
  };

  api.get('/reception-days', { schema: { tags, summary: 'A grid’s 楼长接待日: its slots and the next 4 sessions (Asia/Shanghai, cancelled dates left out)', querystring: ReceptionScheduleQuery, response: responses({ 200: ReceptionSchedule }) } }, async (request) => {
    return service.regionSchedule(app.db, actorOf(request), request.query.regionId, request.query.includeEnded ?? false, app.clock.now());
  });

  api.get('/me/reception-days', { schema: { tags: [...tags, 'me'], summary: 'Reception days I hold as 楼长/巷长/街长, and those of the grids above my household', response: responses({ 200: MyReceptionDays }) } }, async (request) => {
    return service.mySchedule(app.db, actorOf(request), app.clock.now());
  });

  api.post('/reception-days', { schema: { tags, summary: 'Schedule a weekly reception slot or a one-off session for a building, lane or level-2 grid', body: CreateReceptionSlotBody, response: responses({ 201: ReceptionSlot }) } }, async (request, reply) => {
    const slot = await service.createSlot(app.db, contextOf(request), request.body);
    return reply.status(201).send(await slotResponse(slot, request));
  });

  api.post('/reception-days/:id/end', { schema: { tags, summary: 'End a reception slot (kept for the record)', params: IdParams, body: EndReceptionSlotBody, response: responses({ 200: ReceptionSlot }) } }, async (request) => {
    return slotResponse(await service.endSlot(app.db, contextOf(request), request.params.id, request.body), request);
  });

  api.post('/reception-days/:id/cancel-session', { schema: { tags, summary: 'Cancel one session of a slot on a date, with a reason shown to residents', params: IdParams, body: CancelReceptionSessionBody, response: responses({ 200: ReceptionSlot }) } }, async (request) => {
    return slotResponse(await service.cancelSession(app.db, contextOf(request), request.params.id, request.body), request);
  });
}
