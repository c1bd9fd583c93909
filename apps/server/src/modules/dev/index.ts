import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '../manifest.js';
import { isMovable } from '../../shared/time.js';
import { devClockRoutes } from './dev.routes.js';

/**
 * Tools for test and training servers, on only when their variable is set: CLOCK_CONTROL=true adds
 * `/api/v1/dev/clock` (the server must then run on a movable clock; server.ts gives it one).
 */
async function routes(app: FastifyInstance) {
  if (!app.config.clockControl) return;
  if (!isMovable(app.clock)) throw new Error('CLOCK_CONTROL=true needs a movable clock (OffsetClock)');
  await devClockRoutes(app, app.clock);
}

export const devModule: ModuleManifest = { name: 'dev', routes };
