import type { ModuleManifest } from '../manifest.js';
import { householdRoutes } from './households.routes.js';

export const householdsModule: ModuleManifest = {
  name: 'households',
  routes: householdRoutes,
};
