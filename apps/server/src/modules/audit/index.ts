import type { ModuleManifest } from '../manifest.js';
import { auditRoutes } from './audit.routes.js';

/** The audit trail: read and export for auditors (writing happens in every command via shared/audit.ts). */
export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: auditRoutes,
};
