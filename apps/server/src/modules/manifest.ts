import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../db/client.js';

/** One figure on a region's statistics page, counted live from records. */
export interface StatFigure {
  key: string;
  zh: string;
  en: string;
  value: number;
  /** Optional breakdown, e.g. organisations by kind. */
  breakdown?: { key: string; zh: string; en: string; value: number; listPath?: string }[];
  /** Where the records behind the figure are listed (API path with query), for drill-down. */
  listPath?: string;
}

/**
 * Each feature is a manifest (DESIGN.md habit 8): its routes, and the statistics it adds to
 * `GET /api/v1/regions/{id}/stats` for a region subtree (`path` prefix) and region id.
 */
export interface ModuleManifest {
  name: string;
  routes(app: FastifyInstance): Promise<void>;
  stats?(db: DbOrTx, region: { id: string; path: string }): Promise<StatFigure[]>;
}
