import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';

/**
 * Global limits are off (the API is for a trusted audience behind sign-in); routes that face the public
 * (sign-in, registration codes) set their own `config.rateLimit`. In-memory store: per instance.
 */
export default fp(async function rateLimitPlugin(app: FastifyInstance) {
  await app.register(rateLimit, { global: false });
});
