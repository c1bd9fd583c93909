import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { Actor } from '../shared/actor.js';
import { onChange } from '../shared/change-signals.js';
import { AppError } from '../shared/errors.js';
import { loadSession, SESSION_COOKIE, SessionCache } from '../modules/auth/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes are behind sign-in unless they say `public: true` (deny by default). */
    public?: boolean;
  }
  interface FastifyInstance {
    sessionCache: SessionCache;
  }
}

const ACTOR_SOURCES = new Set(['account', 'person', 'assignment', 'region']);

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<'ok' | 'none' | 'expired'> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return 'none';
  const now = app.clock.now();
  let found = app.sessionCache.get(token, now.getTime());
  if (found === undefined) {
    found = await loadSession(app.db, token, now);
    app.sessionCache.set(token, found, now.getTime());
  }
  if (!found) return 'expired';
  if ('expired' in found || found.expiresAt <= now) return 'expired';
  request.actor = found.actor;
  request.sessionToken = token;
  return 'ok';
}

export default fp(async function authPlugin(app: FastifyInstance) {
  await app.register(cookie);
  app.decorate('sessionCache', new SessionCache(app.config.sessionCacheSeconds * 1000));
  // A signed-in person's scope is read from their account, person, role assignments and the region paths: when any
  // of these changes through this instance, every cached actor is read again on its next request (a moved compound's
  // grid worker keeps its queue). Other instances catch up within SESSION_CACHE_SECONDS.
  const stopListening = onChange((entityType) => {
    if (ACTOR_SOURCES.has(entityType)) app.sessionCache.clear();
  });
  app.addHook('onClose', async () => {
    stopListening();
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const result = await authenticate(app, request);
    // Every /api/v1 route is behind sign-in unless it says otherwise; unknown routes fall through to the 404 handler.
    const url = request.routeOptions.url;
    const guarded = url !== undefined && url.startsWith('/api/v1') && request.routeOptions.config?.public !== true;
    if (result !== 'ok' && guarded) {
      throw new AppError(result === 'expired' ? 'session_expired' : 'unauthenticated');
    }
  });
});
