import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  GeoReportBaseQuery,
  GeoReportCreated,
  GeoReportDiscovery,
  GeoReportErrors,
  GeoReportFormatParams,
  GeoReportPostBody,
  GeoReportRequest,
  GeoReportRequestParams,
  GeoReportRequestsQuery,
  GeoReportService,
  GeoReportServiceDefinition,
  GeoReportTokenAnswer,
  GeoReportTokenParams,
  GeoReportServiceParams,
  normaliseTrackingCode,
  pickLang,
  type Lang,
} from '@shuren/core';
import { open311ErrorHandling } from './open311.errors.js';
import { Open311Error, parseForm, sendAs, w3, xmlDocument, xmlList } from './open311.format.js';
import { answersFor, given, requestsFilter, submitInput } from './open311.input.js';
import { readScopeOf } from './open311.policy.js';
import { agencyOf, presentDefinition, presentRequest, presentService, regionIdsOf, requestXml, serviceNotice, text } from './open311.presenter.js';
import * as repo from './open311.repository.js';
import type { ClientRow, RequestRecord } from './open311.repository.js';
import { authenticate, submitRequest } from './open311.service.js';

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
/** Outside /api/v1 (own auth, own error body): kept out of the OpenAPI document, whose errors are problem+json. */
const schemaBase = { tags: ['open311'], hide: true };
const errors = { '4xx': GeoReportErrors };

const langOf = (request: FastifyRequest): Lang => pickLang(request.headers['accept-language']);

/** jurisdiction_id is optional (one endpoint serves the subdistricts here); when given it must name one. */
async function checkJurisdiction(app: FastifyInstance, value: string | undefined, lang: Lang, client?: ClientRow) {
  const wanted = given(value);
  if (!wanted) return;
  const match = (await repo.subdistricts(app.db)).find((s) => s.code.toLowerCase() === wanted.toLowerCase());
  if (!match || (client && !client.regionPath.startsWith(match.path))) throw new Open311Error(404, text(lang, `找不到 jurisdiction_id ${wanted}`, `jurisdiction_id ${wanted} was not found`));
}

async function presentRecords(app: FastifyInstance, records: RequestRecord[], lang: Lang) {
  const [categories, regions, events] = await Promise.all([repo.allCategories(app.db), repo.regionsByIds(app.db, regionIdsOf(records)), repo.eventsOf(app.db, records.map((r) => r.appeal.id))]);
  const ctx = { categories: new Map(categories.map((c) => [c.id, c])), regions, events, lang };
  return records.map((r) => presentRequest(r, ctx));
}

export async function geoReportRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  open311ErrorHandling(app);
  // The spec's POST body is form-encoded; @fastify/formbody is not installed, and this parser is all it takes.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseForm(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  api.get(
    '/discovery.:format',
    { schema: { ...schemaBase, summary: 'Open311 service discovery', params: GeoReportFormatParams, querystring: GeoReportBaseQuery, response: { 200: GeoReportDiscovery, ...errors } } },
    async (request, reply) => {
      const lang = langOf(request);
      const changed = (await repo.categoriesChangedAt(app.db)) ?? new Date(0);
      const endpoint = {
        specification: SPEC,
        url: `${request.protocol}://${request.host}/open311/v2`,
        changeset: w3(changed)!,
        type: app.config.nodeEnv === 'production' ? 'production' : 'test',
        formats: ['text/xml', 'application/json'],
      };
      const body = {
        changeset: w3(changed)!,
        contact: text(lang, '街道智慧城市运行中心（诉求分拨）', 'Subdistrict operations centre (appeal dispatch)'),
        key_service: text(lang, 'api_key 由街道管理员签发：POST /api/v1/open311/clients', 'api_key values are issued by a subdistrict administrator: POST /api/v1/open311/clients'),
        endpoints: [endpoint],
      };
      return sendAs(reply, request.params.format, body, () => xmlDocument({ discovery: { ...body, endpoints: { endpoint: [{ ...endpoint, formats: { format: endpoint.formats } }] } } }));
    },
  );

  api.get(
    '/services.:format',
    { schema: { ...schemaBase, summary: 'GeoReport v2: service list (appeal categories)', params: GeoReportFormatParams, querystring: GeoReportBaseQuery, response: { 200: Type.Array(GeoReportService), ...errors } } },
    async (request, reply) => {
      const lang = langOf(request);
      await checkJurisdiction(app, request.query.jurisdiction_id, lang);
      const all = await repo.allCategories(app.db);
      const byCode = new Map(all.map((c) => [c.code, c]));
      const services = all.filter((c) => c.active).map((c) => presentService(c, byCode, lang));
      return sendAs(reply, request.params.format, services, () => xmlList('services', 'service', services));
    },
  );

  api.get(
    '/services/:code.:format',
    { schema: { ...schemaBase, summary: 'GeoReport v2: service definition (the category’s questions)', params: GeoReportServiceParams, querystring: GeoReportBaseQuery, response: { 200: GeoReportServiceDefinition, ...errors } } },
    async (request, reply) => {
      const lang = langOf(request);
      await checkJurisdiction(app, request.query.jurisdiction_id, lang);
      const category = (await repo.allCategories(app.db)).find((c) => c.active && c.code === request.params.code);
      if (!category) throw new Open311Error(404, text(lang, `找不到 service_code ${request.params.code}`, `service_code ${request.params.code} was not found`));
      const def = presentDefinition(category, lang);
      const xmlAttributes = def.attributes.map((a) => ({ ...a, values: a.values.length ? { value: a.values } : '' }));
      return sendAs(reply, request.params.format, def, () => xmlDocument({ service_definition: { service_code: def.service_code, attributes: xmlAttributes.length ? { attribute: xmlAttributes } : '' } }));
    },
  );

  api.post(
    '/requests.:format',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { ...schemaBase, summary: 'GeoReport v2: submit a service request (becomes an appeal)', params: GeoReportFormatParams, querystring: GeoReportBaseQuery, body: GeoReportPostBody, response: { 200: GeoReportCreated, ...errors } },
    },
    async (request, reply) => {
      const lang = langOf(request);
      const b = request.body ?? {};
      const client = await authenticate(app.db, given(b.api_key) ?? given(request.query.api_key), lang, 'create_request');
      await checkJurisdiction(app, b.jurisdiction_id ?? request.query.jurisdiction_id, lang, client);
      const code = given(b.service_code);
      if (!code) throw new Open311Error(400, text(lang, '缺少 service_code', 'service_code was not provided'));
      const category = (await repo.allCategories(app.db)).find((c) => c.active && c.code === code);
      if (!category) throw new Open311Error(404, text(lang, `找不到 service_code ${code}`, `service_code ${code} was not found`));
      const input = submitInput(b, lang);
      input.answers = answersFor(category, b.attribute, lang);
      const { row, token } = await submitRequest(app.db, { requestId: request.id, ip: request.ip ?? null, now: app.clock.now() }, client, category, input, lang, request.log);
      const regions = await repo.regionsByIds(app.db, [row.unitRegionId ?? '']);
      const notice = serviceNotice(agencyOf(row, regions, lang), row.resolutionDueAt, lang);
      const created = [{ ...(client.tokenReplies ? { token } : { service_request_id: row.trackingCode }), service_notice: notice, account_id: input.accountId }];
      return sendAs(reply, request.params.format, created, () => xmlList('service_requests', 'request', created));
    },
  );

  api.get(
    '/requests.:format',
    { schema: { ...schemaBase, summary: 'GeoReport v2: query service requests', params: GeoReportFormatParams, querystring: GeoReportRequestsQuery, response: { 200: Type.Array(GeoReportRequest), ...errors } } },
    async (request, reply) => {
      const lang = langOf(request);
      const q = request.query;
      const client = await authenticate(app.db, given(q.api_key), lang, 'get_requests');
      await checkJurisdiction(app, q.jurisdiction_id, lang, client);
      const filter = requestsFilter(q, app.clock.now(), lang);
      const records = await repo.listRequests(app.db, { scope: readScopeOf(client), ...filter });
      const out = await presentRecords(app, records, lang);
      return sendAs(reply, request.params.format, out, () => xmlList('service_requests', 'request', out.map(requestXml)));
    },
  );

  api.get(
    '/requests/:id.:format',
    { schema: { ...schemaBase, summary: 'GeoReport v2: one service request', params: GeoReportRequestParams, querystring: GeoReportBaseQuery, response: { 200: Type.Array(GeoReportRequest), ...errors } } },
    async (request, reply) => {
      const lang = langOf(request);
      const client = await authenticate(app.db, given(request.query.api_key), lang, 'get_request');
      await checkJurisdiction(app, request.query.jurisdiction_id, lang, client);
      const records = await repo.listRequests(app.db, { scope: readScopeOf(client), ids: [normaliseTrackingCode(request.params.id)], limit: 1, offset: 0 });
      if (records.length === 0) throw new Open311Error(404, text(lang, `找不到 service_request_id ${request.params.id}`, `service_request_id ${request.params.id} was not found`));
      const out = await presentRecords(app, records, lang);
      return sendAs(reply, request.params.format, out, () => xmlList('service_requests', 'request', out.map(requestXml)));
    },
  );

  api.get(
    '/tokens/:token.:format',
    { schema: { ...schemaBase, summary: 'GeoReport v2: service_request_id from a token', params: GeoReportTokenParams, querystring: GeoReportBaseQuery, response: { 200: GeoReportTokenAnswer, ...errors } } },
    async (request, reply) => {
      const lang = langOf(request);
      const client = await authenticate(app.db, given(request.query.api_key), lang, 'get_token');
      await checkJurisdiction(app, request.query.jurisdiction_id, lang, client);
      const found = await repo.findRequestByToken(app.db, request.params.token);
      // A token is the submitting client's: another client's token does not exist for this one.
      if (!found || found.request.clientId !== client.id) throw new Open311Error(404, text(lang, `找不到 token ${request.params.token}`, `token ${request.params.token} was not found`));
      const out = [{ service_request_id: found.trackingCode, token: found.request.token }];
      return sendAs(reply, request.params.format, out, () => xmlList('service_requests', 'request', out));
    },
  );
}
