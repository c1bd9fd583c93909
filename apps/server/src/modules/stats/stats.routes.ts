import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppealTrends, AppealTrendsQuery, APPEAL_TRENDS_DEFAULT_WEEKS, IdParams, RegionStats, type RegionLevel } from '@shuren/core';
import { actorOf } from '../../shared/context.js';
import { invalidField, notFound } from '../../shared/errors.js';
import { responses } from '../../shared/route-schema.js';
import { shanghaiDay } from '../../shared/time.js';
import { findRegionById } from '../regions/regions.repository.js';
import { appealTrends } from '../appeals/appeals.trends.js';
import { findByCode as findCategoryByCode } from '../appeals/categories.repository.js';
import { MODULES } from '../index.js';
import { authorizeStatsRead } from './stats.policy.js';
import { regionStats } from './stats.service.js';

const tags = ['stats'];

export async function statsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/regions/:id/stats',
    { schema: { tags, summary: 'Figures of a region subtree, counted live (registry figures plus every module’s)', params: IdParams, response: responses({ 200: RegionStats }) } },
    async (request) => {
      const actor = actorOf(request);
      const region = await findRegionById(app.db, request.params.id);
      if (!region) throw notFound();
      authorizeStatsRead(actor, region.path);
      const asOf = shanghaiDay(app.clock.now());
      // MODULES is read at request time: the module list imports this module, so it is not complete at load time.
      const figures = await regionStats(app.db, MODULES, region, asOf);
      return { region: { id: region.id, name: region.name, level: region.level as RegionLevel }, asOf, figures };
    },
  );

  api.get(
    '/regions/:id/appeal-trends',
    {
      schema: {
        tags,
        summary: 'Weekly 接诉即办 trends of a region subtree (Monday-start weeks, Asia/Shanghai), optionally for one category',
        params: IdParams,
        querystring: AppealTrendsQuery,
        response: responses({ 200: AppealTrends }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const region = await findRegionById(app.db, request.params.id);
      if (!region) throw notFound();
      authorizeStatsRead(actor, region.path);
      const { weeks = APPEAL_TRENDS_DEFAULT_WEEKS, categoryCode } = request.query;
      if (categoryCode && !(await findCategoryByCode(app.db, categoryCode)))
        throw invalidField('/query/categoryCode', 'unknown_category', { zh: '没有这个诉求类别', en: 'No such appeal category' });
      const now = app.clock.now();
      return {
        region: { id: region.id, name: region.name, level: region.level as RegionLevel },
        asOf: shanghaiDay(now),
        categoryCode: categoryCode ?? null,
        weeks: await appealTrends(app.db, region, { now, weeks, categoryCode }),
      };
    },
  );
}
