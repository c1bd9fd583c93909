import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ERROR_CODES, fieldMessage, pickLang, type ErrorCode, type FieldError, type Lang, type Problem } from '@shuren/core';
import { AppError, type FieldIssue } from '../shared/errors.js';

const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'duplicate', // unique_violation
  '23503': 'conflict', // foreign_key_violation
  '40001': 'conflict', // serialization_failure
  '40P01': 'conflict', // deadlock_detected
  '55P03': 'conflict', // lock_not_available
};

function problem(lang: Lang, code: ErrorCode, extra: { detail?: { zh: string; en: string }; errors?: FieldError[]; allowedActions?: string[] } = {}): Problem {
  const entry = ERROR_CODES[code];
  return {
    type: `https://shuren.dev/problems/${code.replace(/_/g, '-')}`,
    title: entry[lang],
    status: entry.status,
    code,
    ...(extra.detail ? { detail: extra.detail[lang] } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.allowedActions ? { allowedActions: extra.allowedActions } : {}),
  };
}

function translate(lang: Lang, issues: FieldIssue[]): FieldError[] {
  return issues.map((i) => ({ field: i.field, code: i.code, message: (lang === 'zh' ? i.zh : i.en) ?? fieldMessage(i.code, lang, i.param) }));
}

const CONTEXT_PREFIX: Record<string, string> = { body: '/body', querystring: '/query', params: '/params', headers: '/headers' };

/** Ajv errors → field issues with JSON pointers into the request part. */
function fromAjv(err: FastifyError): FieldIssue[] {
  const prefix = CONTEXT_PREFIX[(err as any).validationContext ?? 'body'] ?? '/body';
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const v of err.validation ?? []) {
    const params = v.params as Record<string, any>;
    let field = `${prefix}${v.instancePath ?? ''}`;
    let param: string | number | undefined;
    switch (v.keyword) {
      case 'required':
        field = `${field}/${params.missingProperty}`;
        break;
      case 'additionalProperties':
        field = `${field}/${params.additionalProperty}`;
        break;
      case 'type':
        param = String(params.type);
        break;
      case 'format':
        param = String(params.format);
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
        param = params.limit;
        break;
    }
    const key = `${field}|${v.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, code: v.keyword ?? 'invalid', param });
  }
  // anyOf/oneOf produce one error per branch plus a summary: keep the most specific ones.
  const specific = out.filter((i) => i.code !== 'anyOf' && i.code !== 'oneOf');
  if (!specific.length) return out;
  // A field that may be cleared (value or null) fails both branches; "must be null" says nothing useful next to
  // the value's own error (a malformed email, a string too long), so it goes.
  const explained = new Set(specific.filter((i) => !(i.code === 'type' && i.param === 'null')).map((i) => i.field));
  return specific.filter((i) => !(i.code === 'type' && i.param === 'null' && explained.has(i.field)));
}

function send(reply: FastifyReply, body: Problem) {
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

export function toProblem(err: unknown, request: FastifyRequest): Problem {
  const lang = pickLang(request.headers['accept-language']);
  if (err instanceof AppError) {
    return problem(lang, err.code, { detail: err.opts.detail, errors: err.opts.fields ? translate(lang, err.opts.fields) : undefined, allowedActions: err.opts.allowedActions });
  }
  const e = err as FastifyError & { code?: string };
  if (e.validation) return problem(lang, 'validation_failed', { errors: translate(lang, fromAjv(e)) });
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(lang, 'malformed_json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(lang, 'malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return problem(lang, 'payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return problem(lang, 'unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return problem(lang, 'bad_request');
  }
  if (e.code && PG_CODES[e.code]) return problem(lang, PG_CODES[e.code]);
  const cause = (e as any).cause as { code?: string } | undefined;
  if (cause?.code && PG_CODES[cause.code]) return problem(lang, PG_CODES[cause.code]);
  if (e.statusCode === 429) return problem(lang, 'rate_limited');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return { ...problem(lang, 'bad_request'), status: e.statusCode };
  return problem(lang, 'internal');
}

export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((err, request, reply) => {
    const body = toProblem(err, request);
    if (body.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.debug({ code: body.code }, 'request refused');
    return send(reply, body);
  });
  app.setNotFoundHandler((request, reply) => send(reply, problem(pickLang(request.headers['accept-language']), 'not_found')));
});
