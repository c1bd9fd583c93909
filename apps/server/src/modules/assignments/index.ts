import type { ModuleManifest } from '../manifest.js';
import { assignmentRoutes } from './assignments.routes.js';

export const assignmentsModule: ModuleManifest = {
  name: 'assignments',
  routes: assignmentRoutes,
};
