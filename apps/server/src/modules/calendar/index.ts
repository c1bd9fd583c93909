import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '../manifest.js';
import { loadCalendar, refreshCalendar, seedHolidayYears } from './calendar.loader.js';
import { calendarRoutes } from './calendar.routes.js';

export { loadCalendar, refreshCalendar } from './calendar.loader.js';

/**
 * Holiday years: seeds the shipped notices once, loads every year into the working calendar at boot, and polls
 * for years saved by another instance on the appeals sweeper's cadence (APPEALS_SWEEP_SECONDS; off when 0).
 */
async function routes(app: FastifyInstance) {
  await seedHolidayYears(app.db);
  await loadCalendar(app.db);
  await calendarRoutes(app);
  const seconds = app.config.appealsSweepSeconds;
  if (seconds > 0) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      refreshCalendar(app.db)
        .then((changed) => changed && app.log.info('holiday years changed elsewhere: working calendar reloaded'))
        .catch((err) => app.log.error({ err }, 'holiday years reload failed'))
        .finally(() => {
          running = false;
        });
    }, seconds * 1000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
}

export const calendarModule: ModuleManifest = { name: 'calendar', routes };
