import type { ModuleManifest } from '../manifest.js';
import { importRoutes } from './imports.routes.js';

/** Excel imports of registry ledgers (三长 roster, households): checked whole, then all rows or none. */
export const importsModule: ModuleManifest = {
  name: 'imports',
  routes: importRoutes,
};
