import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers.js';

/**
 * Generated bad input against EVERY operation in the OpenAPI document, as the subdistrict admin (who reaches the
 * most code): random JSON, wrong types, huge strings, NUL characters, odd path parameters and query strings,
 * and payloads shaped like the schema with one thing wrong. No answer may be a 5xx; every 4xx is problem+json.
 * The operations are read from /api/docs/json at run time, so routes added later are covered without edits.
 * FUZZ_RUNS (default 20) sets the payloads per operation; FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 20;
const SEED = Number(process.env.FUZZ_SEED) || 20261120;
/** Operations left out, with the reason: they would end the session the fuzzing runs on. */
const SKIP = new Set(['POST /api/v1/auth/logout']);

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: Schema; required?: boolean }[];
  body: Schema | null;
}

const t = await createTestApp();
let admin = await t.login('admin');
const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, any>> };

const operations: Operation[] = [];
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
    const key = `${method.toUpperCase()} ${path}`;
    if (SKIP.has(key)) continue;
    operations.push({
      method: method.toUpperCase(),
      path,
      params: (op.parameters ?? []).filter((p: any) => p.in === 'path' || p.in === 'query'),
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    });
  }
}

// Real ids from every list the admin can read, so some requests get past "not found" into the commands.
const ids = new Set<string>();
for (const op of operations) {
  if (op.method !== 'GET' || op.params.some((p) => p.in === 'path') || op.path.endsWith('.xlsx')) continue;
  const res = await t.app.inject({ method: 'GET', url: op.path, headers: { cookie: admin } });
  if (res.statusCode !== 200 || !res.headers['content-type']?.includes('json')) continue;
  for (const item of (res.json() as { items?: { id?: unknown }[] }).items ?? []) if (typeof item.id === 'string') ids.add(item.id);
}
const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: admin } })).json();
ids.delete(me.personId); // never fuzz the admin's own record (a command could lock the fuzzer out)
const idPool = [...ids].slice(0, 200);

const weird = fc.constantFrom(
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  "' or 1=1 --",
  '"; drop table people; --',
  '%_\\',
  '🏠👨‍👩‍👧‍👦',
  '熟'.repeat(101),
  'x'.repeat(20_000),
  '\ud800',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-02-30',
  '1e309',
  '-1',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  weird,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(null, true, false, 0, -1, 2 ** 53, -(2 ** 63), 1e308, [], {}),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
);

const formatted = (format: string): fc.Arbitrary<string> => {
  switch (format) {
    case 'uuid':
      return idPool.length ? fc.oneof(fc.constantFrom(...idPool), fc.uuid()) : fc.uuid();
    case 'date':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
      return fc.string();
  }
};

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/** A value shaped like the schema, with a fair chance of being wrong somewhere. */
function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return junk;
  return fc.oneof({ weight: 4, arbitrary: shaped(schema, depth) }, { weight: 1, arbitrary: junk });
}

function shaped(s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  for (const k of ['anyOf', 'oneOf'] as const) if (Array.isArray(s[k]) && s[k].length) return fc.oneof(...s[k].map((b: Schema) => fromSchema(b, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length) return fromSchema(Object.assign({}, ...s.allOf), depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (s.format) return fc.oneof(formatted(s.format), weird);
      if (s.pattern) {
        const re = safeRegExp(s.pattern);
        if (re) return fc.oneof(fc.stringMatching(re), weird);
      }
      return fc.oneof(fc.string({ unit: 'grapheme', minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 200) }), weird);
    }
    case 'integer':
      return fc.oneof(fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 }), fc.integer());
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(s.items, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'object': {
      const props = Object.entries<Schema>(s.properties ?? {});
      if (!props.length) return fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 3 });
      const model = Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      const required: string[] = s.required ?? [];
      return fc.tuple(fc.record(model, { requiredKeys: required }), fc.option(fc.tuple(fc.constantFrom('isAdmin', 'id', '__proto__', 'constructor', 'x'), junk), { freq: 5 }), fc.subarray(required, { maxLength: Math.min(1, required.length) })).map(([obj, extra, drop]) => {
        const out: Record<string, unknown> = { ...obj };
        if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
        for (const k of drop) delete out[k];
        return out;
      });
    }
    default:
      return junk;
  }
}

const asQueryValue = (v: unknown): string[] => {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap(asQueryValue);
  if (v !== null && typeof v === 'object') return [JSON.stringify(v)];
  return [String(v)];
};

function requestFor(op: Operation): fc.Arbitrary<{ url: string; payload?: string; contentType?: string }> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(
    ...pathParams.map(() =>
      fc.oneof(
        { weight: 3, arbitrary: idPool.length ? fc.constantFrom(...idPool) : fc.uuid() },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: fc.oneof(weird, fc.string({ unit: 'binary', minLength: 1, maxLength: 30 })).filter((x) => x.length > 0) },
      ),
    ),
  );
  const queryArb = fc.tuple(
    fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fromSchema(p.schema)])), { requiredKeys: [] }),
    fc.option(fc.tuple(fc.constantFrom('unknown', 'limit', 'cursor', 'q', 'regionId'), fc.oneof(weird, fc.string())), { freq: 4 }),
  );
  const bodyArb: fc.Arbitrary<{ payload?: string; contentType?: string }> = op.body
    ? fc.oneof(
        { weight: 6, arbitrary: fromSchema(op.body).map((b) => ({ payload: JSON.stringify(b) ?? 'null', contentType: 'application/json' })) },
        { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', 'nul\u0000', '{"__proto__":{"x":1}}', '"string"').map((payload) => ({ payload, contentType: 'application/json' })) },
        { weight: 1, arbitrary: fc.constant({ payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }) },
        { weight: 1, arbitrary: fc.constant({}) },
      )
    : fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((b) => ({ payload: JSON.stringify(b), contentType: 'application/json' })) });

  return fc.tuple(pathArb, queryArb, bodyArb).map(([pathValues, [query, extra], body]) => {
    let path = op.path;
    pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, encodeURIComponent(pathValues[i]))));
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) for (const s of asQueryValue(v)) qs.append(k, s);
    if (extra) qs.append(extra[0], extra[1]);
    const search = qs.toString();
    return { url: search ? `${path}?${search}` : path, ...body };
  });
}

function checkAnswer(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 500)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.headers['content-type'], what).toContain('application/problem+json');
    const body = res.json();
    expect(body.status, what).toBe(res.statusCode);
    expect(typeof body.code, what).toBe('string');
    expect(typeof body.title, what).toBe('string');
  }
}

describe('OpenAPI fuzz: generated bad input never gets a 5xx', () => {
  afterAll(async () => t.close());

  it('found the operations in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(5);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('POST /api/v1/regions');
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}`, async () => {
      // A command under fuzz may end the session (a password change, say): sign in again first.
      const check = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: admin } });
      if (check.statusCode === 401) admin = await t.login('admin');
      await fc.assert(
        fc.asyncProperty(requestFor(op), fc.constantFrom('zh-CN', 'en'), async (req, lang) => {
          const headers: Record<string, string> = { cookie: admin, 'accept-language': lang };
          if (req.contentType) headers['content-type'] = req.contentType;
          const res = await t.app.inject({ method: op.method as any, url: req.url, headers, payload: req.payload });
          checkAnswer(res, `${op.method} ${req.url} ${req.payload?.slice(0, 300) ?? ''}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
