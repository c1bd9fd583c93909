import type { ModuleManifest } from '../manifest.js';
import { statsRoutes } from './stats.routes.js';

/** Region statistics: the registry's figures plus what every other module's `stats()` contributes. */
export const statsModule: ModuleManifest = {
  name: 'stats',
  routes: statsRoutes,
};
