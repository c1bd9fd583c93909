import type { FastifyInstance } from 'fastify';
import { open311ClientRoutes } from './open311.clients.routes.js';
import { geoReportRoutes } from './open311.routes.js';

/**
 * Open311 GeoReport v2 at /open311/v2 (its own api_key auth and the spec's error body), and the admin routes that
 * issue the keys under /api/v1 (behind sign-in like every /api/v1 route). Registered once from app.ts.
 */
export async function open311Plugin(app: FastifyInstance) {
  await app.register(open311ClientRoutes, { prefix: '/api/v1' });
  await app.register(geoReportRoutes, { prefix: '/open311/v2' });
}
