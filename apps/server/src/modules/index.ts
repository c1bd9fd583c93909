import type { ModuleManifest } from './manifest.js';
import { authModule } from './auth/index.js';
import { regionsModule } from './regions/index.js';
import { peopleModule } from './people/index.js';
import { assignmentsModule } from './assignments/index.js';
import { auditModule } from './audit/index.js';
import { importsModule } from './imports/index.js';
import { organisationsModule } from './organisations/index.js';
import { venuesModule } from './venues/index.js';
import { statsModule } from './stats/index.js';
import { appealsModule } from './appeals/index.js';
import { receptionModule } from './reception/index.js';
import { householdsModule } from './households/index.js';
import { devModule } from './dev/index.js';
import { outboundModule } from './outbound/index.js';
import { calendarModule } from './calendar/index.js';

/** Every feature module, in registration order. The stats endpoint collects `stats` from each. */
export const MODULES: ModuleManifest[] = [authModule, regionsModule, peopleModule, assignmentsModule, auditModule, importsModule, organisationsModule, venuesModule, statsModule, calendarModule, appealsModule, householdsModule, receptionModule, outboundModule, devModule];
