import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

const DEFAULT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Serves the built web app (apps/web/dist) with a fallback to index.html for client-side routes. */
export default fp(async function webPlugin(app: FastifyInstance) {
  const dist = app.config.webDist ?? DEFAULT_DIST;
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    app.log.info({ dist }, 'web app not built; serving the API only');
    return;
  }
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'] });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/open311/')) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
});
