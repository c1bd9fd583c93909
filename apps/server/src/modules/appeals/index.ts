import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '../manifest.js';
import { appealRoutes } from './appeals.routes.js';
import { appealPhotoRoutes } from './appeal-photos.routes.js';
import { appealStats } from './appeals.stats.js';
import { consoleNotificationSender, setNotificationSender } from './appeals.notify.js';
import { notificationRoutes } from './notifications.routes.js';
import { categoryAdminRoutes } from './categories.routes.js';
import { appealsOptions, ensureDefaultCategories, setAppealsOptions } from './appeals.setup.js';
import { sweepOverdue } from './appeals.sweeper.js';
import { setIntakeCacheSeconds } from './appeals.categories-cache.js';

export { sweepOverdue } from './appeals.sweeper.js';
export { setNotificationSender, type NotificationSender, type OutboundNotification } from './appeals.notify.js';
export { workingCalendar } from './appeals.setup.js';

/** Seeds categories, wires the console sender, and runs the sweeper every APPEALS_SWEEP_SECONDS (off in tests). */
async function routes(app: FastifyInstance) {
  const options = appealsOptions(app.config);
  setAppealsOptions(options);
  setIntakeCacheSeconds(app.config.appealsIntakeCacheSeconds);
  setNotificationSender(app.db, consoleNotificationSender(app.log));
  await ensureDefaultCategories(app.db);
  await appealPhotoRoutes(app);
  await appealRoutes(app);
  await notificationRoutes(app);
  await categoryAdminRoutes(app);
  if (options.sweepSeconds > 0) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      sweepOverdue(app.db, app.clock.now(), { log: app.log })
        .catch((err) => app.log.error({ err }, 'appeals sweep failed'))
        .finally(() => {
          running = false;
        });
    }, options.sweepSeconds * 1000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
}

export const appealsModule: ModuleManifest = {
  name: 'appeals',
  routes,
  stats: appealStats,
};
