import type { ModuleManifest } from '../manifest.js';
import { peopleRoutes } from './people.routes.js';

export const peopleModule: ModuleManifest = {
  name: 'people',
  routes: peopleRoutes,
};
