import type { ModuleManifest } from '../manifest.js';
import { regionRoutes } from './regions.routes.js';

export const regionsModule: ModuleManifest = {
  name: 'regions',
  routes: regionRoutes,
};
