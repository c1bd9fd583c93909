import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

/** What a service command needs to know about who asks: for policies and the audit row. */
export interface CommandContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  now: Date;
}

export function contextOf(request: FastifyRequest): CommandContext {
  return { actor: request.actor, requestId: request.id, ip: request.ip ?? null, now: request.server.clock.now() };
}

/** The signed-in actor; routes behind auth always have one, this narrows the type. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export function requireActor(ctx: CommandContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}
