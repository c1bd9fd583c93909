import type { ModuleManifest } from '../manifest.js';
import { receptionRoutes } from './reception.routes.js';

/** 楼长接待日: reception-day schedules of buildings, lanes and compounds. */
export const receptionModule: ModuleManifest = {
  name: 'reception',
  routes: receptionRoutes,
};
