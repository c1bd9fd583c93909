import type { ModuleManifest } from '../manifest.js';
import { organisationRoutes } from './organisations.routes.js';
import { organisationStats } from './organisations.stats.js';

export const organisationsModule: ModuleManifest = {
  name: 'organisations',
  routes: organisationRoutes,
  stats: organisationStats,
};
