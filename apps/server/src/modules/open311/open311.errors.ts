import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, fieldMessage, GeoReportErrors, pickLang, type Lang } from '@shuren/core';
import { AppError } from '../../shared/errors.js';
import { errorBody, formatOfUrl, Open311Error, sendAs } from './open311.format.js';
import { text } from './open311.presenter.js';

/** Our field pointers in the spec's parameter names (the appeals service speaks in its own body's terms). */
function paramName(pointer: string): string {
  const p = pointer.replace(/^\/(body|query|params|querystring)\/?/, '');
  if (p.startsWith('answers/')) return `attribute[${p.slice('answers/'.length)}]`;
  if (p.startsWith('attribute/')) return `attribute[${p.slice('attribute/'.length).split('/')[0]}]`;
  if (p === 'regionId' || p === 'householdId') return 'address_id';
  if (p === 'caller/phone') return 'phone';
  if (p.startsWith('caller')) return 'first_name';
  return p || 'request';
}

function fromAjv(err: FastifyError, lang: Lang): string {
  const parts = (err.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const name = paramName(`${v.instancePath ?? ''}${params.missingProperty ? `/${String(params.missingProperty)}` : ''}${params.additionalProperty ? `/${String(params.additionalProperty)}` : ''}`);
    if (v.keyword === 'additionalProperties') return text(lang, `不支持的参数 ${name}`, `Unknown parameter ${name}`);
    if (name === 'format') return text(lang, '格式只能是 .json 或 .xml', 'The format must be .json or .xml');
    return `${name}: ${fieldMessage(v.keyword ?? 'invalid', lang, (params.limit as number | undefined) ?? undefined)}`;
  });
  return [...new Set(parts)].join('; ') || text(lang, '请求参数无效', 'Invalid request');
}

/** Any failure as the spec's error: status and a description the user can read. */
export function toOpen311(err: unknown, lang: Lang): { status: number; description: string; internal: boolean } {
  if (err instanceof Open311Error) return { status: err.status, description: err.description, internal: false };
  if (err instanceof AppError) {
    const fields = err.opts.fields ?? [];
    const described = fields.map((f) => `${paramName(f.field)}: ${(lang === 'zh' ? f.zh : f.en) ?? fieldMessage(f.code, lang, f.param)}`);
    const entry = ERROR_CODES[err.code];
    const description = described.length ? described.join('; ') : (err.opts.detail?.[lang] ?? entry[lang]);
    const status = err.code === 'not_found' ? 404 : err.code === 'forbidden' || err.code === 'unauthenticated' ? 403 : entry.status === 429 ? 429 : entry.status < 500 ? 400 : 400;
    return { status, description, internal: entry.status >= 500 };
  }
  const e = err as FastifyError;
  if (e.validation) return { status: 400, description: fromAjv(e, lang), internal: false };
  if (e.statusCode === 429) return { status: 429, description: text(lang, '请求过于频繁，请稍后再试', 'Too many requests; try again later'), internal: false };
  if (typeof e.code === 'string' && e.code.startsWith('FST_') && e.statusCode && e.statusCode < 500) {
    return { status: e.statusCode === 404 ? 404 : 400, description: text(lang, `请求无效（${e.code}）`, `The request is invalid (${e.message})`), internal: false };
  }
  // The spec's "General service error": a 400 the client reports to us; the log keeps the cause.
  return { status: 400, description: text(lang, '服务处理出错，请稍后再试或联系我们', 'General service error; try again later or contact us'), internal: true };
}

/** Errors and unknown paths under /open311/v2 answer in the spec's body, in the format the URL asked for. */
export function open311ErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err, request, reply) => {
    const lang = pickLang(request.headers['accept-language']);
    const { status, description, internal } = toOpen311(err, lang);
    if (internal) request.log.error({ err }, 'open311 request failed');
    else request.log.debug({ status }, 'open311 request refused');
    const body = errorBody([{ code: status, description }]);
    return sendAs(reply, formatOfUrl(request.url), body.json, body.xml, status);
  });
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLang(request.headers['accept-language']);
    const path = request.url.split('?')[0];
    const body = errorBody([{ code: 404, description: text(lang, `没有这个资源：${request.method} ${path}`, `No such resource: ${request.method} ${path}`) }]);
    return sendAs(reply, formatOfUrl(request.url), body.json, body.xml, 404);
  };
  app.setNotFoundHandler(notFound);
  // The web app's catch-all at the root would otherwise take unknown /open311/v2 paths; this one is more specific.
  app.all('/*', { schema: { tags: ['open311'], hide: true, summary: 'Unknown GeoReport resource', response: { '4xx': GeoReportErrors } } }, notFound);
}
