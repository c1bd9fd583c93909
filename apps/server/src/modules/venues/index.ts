import type { ModuleManifest } from '../manifest.js';
import { nearbyRoutes } from './nearby.routes.js';
import { venueRoutes } from './venues.routes.js';
import { venueStats } from './venues.stats.js';

export const venuesModule: ModuleManifest = {
  name: 'venues',
  routes: async (app) => {
    await venueRoutes(app);
    await nearbyRoutes(app);
  },
  stats: venueStats,
};
