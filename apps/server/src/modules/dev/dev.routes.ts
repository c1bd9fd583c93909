import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AdvanceClockBody, ClockAdvanced, ServerClock } from '@shuren/core';
import type { Actor } from '../../shared/actor.js';
import { recordAudit } from '../../shared/audit.js';
import { actorOf, contextOf } from '../../shared/context.js';
import { AppError } from '../../shared/errors.js';
import { responses } from '../../shared/route-schema.js';
import type { MovableClock } from '../../shared/time.js';
import { sweepOverdue } from '../appeals/index.js';

const tags = ['dev'];

/** Only a subdistrict admin over a top node of the region tree moves the clock: it changes every deadline. */
function requireClockAdmin(actor: Actor): void {
  if (!actor.assignments.some((a) => a.role === 'subdistrict_admin' && a.regionPath.split('/').filter(Boolean).length === 1)) throw new AppError('forbidden');
}

/**
 * The movable server clock (CLOCK_CONTROL=true; the config refuses it in production). Moving it forward runs one
 * appeals sweep at the new time, so overdue appeals climb the ladder at once; both are audited.
 */
export async function devClockRoutes(app: FastifyInstance, clock: MovableClock) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const view = () => ({ now: clock.now().toISOString(), offsetMinutes: Math.round((clock.offsetMs?.() ?? 0) / 60_000) });

  api.get('/dev/clock', { schema: { tags, summary: 'The server clock (test and training servers with CLOCK_CONTROL=true; subdistrict admins)', response: responses({ 200: ServerClock }) } }, async (request) => {
    requireClockAdmin(actorOf(request));
    return view();
  });

  api.post(
    '/dev/clock',
    {
      schema: {
        tags,
        summary: 'Move the server clock forward and run one appeals sweep at the new time (CLOCK_CONTROL=true; subdistrict admins)',
        description: 'Sessions expire by this clock too: after a jump of more than SESSION_TTL_MINUTES everyone signs in again.',
        body: AdvanceClockBody,
        response: responses({ 200: ClockAdvanced }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireClockAdmin(actor);
      const ctx = contextOf(request);
      const before = ctx.now;
      const ms = request.body.advanceMinutes * 60_000;
      await recordAudit(app.db, ctx, { action: 'clock.advance', entityType: 'clock', entityId: 'server', before: { now: before.toISOString() }, after: { now: new Date(before.getTime() + ms).toISOString(), advanceMinutes: request.body.advanceMinutes } });
      clock.advance(ms);
      const sweep = await sweepOverdue(app.db, clock.now(), { log: request.log });
      request.log.warn({ advanceMinutes: request.body.advanceMinutes, by: actor.login, sweep }, 'server clock moved forward');
      return { ...view(), sweep };
    },
  );

  api.delete('/dev/clock', { schema: { tags, summary: 'Set the server clock back to the real time (CLOCK_CONTROL=true; subdistrict admins)', response: responses({ 200: ServerClock }) } }, async (request) => {
    const actor = actorOf(request);
    requireClockAdmin(actor);
    if (!clock.reset) throw new AppError('conflict', { detail: { zh: '此时钟不能回到真实时间', en: 'This clock cannot go back to the real time' } });
    const ctx = contextOf(request);
    await recordAudit(app.db, ctx, { action: 'clock.reset', entityType: 'clock', entityId: 'server', before: { now: ctx.now.toISOString() }, after: { now: new Date().toISOString() } });
    clock.reset();
    request.log.warn({ by: actor.login }, 'server clock back to the real time');
    return view();
  });
}
