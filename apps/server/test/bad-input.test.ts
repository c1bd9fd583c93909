import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

/**
 * What a careless or hostile client may send: every answer is a clear 4xx in application/problem+json with
 * field-level errors in the caller's language, nothing is half-written, and the server stays up.
 * The region tree is the target (it exists from the start); the OpenAPI fuzz test covers every other route.
 */
describe('bad input', () => {
  let t: TestApp;
  let admin: string;
  let compoundId: string;

  const count = async (table: 'regions' | 'region_history' | 'audit_log') => {
    const r = await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    return Number((r.rows[0] as { n: number }).n);
  };
  const counts = async () => ({ regions: await count('regions'), history: await count('region_history'), audit: await count('audit_log') });

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin, ...headers }, payload: payload as any });

  const expectProblem = (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status, code });
    expect(typeof body.title).toBe('string');
    return body as { errors?: { field: string; code: string; message: string }[]; title: string };
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions?level=grid2&limit=1', headers: { cookie: admin } });
    compoundId = res.json().items[0].id;
  });
  afterAll(async () => t?.close());

  const valid = (over: Record<string, unknown> = {}) => ({ parentId: compoundId, kind: 'building', code: `B-${Math.random().toString(36).slice(2, 10)}`, name: '9栋', ...over });

  it('answers malformed JSON with 400 malformed_json and writes nothing', async () => {
    const before = await counts();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"name": "9栋",' });
    expectProblem(res, 400, 'malformed_json');
    expect(await counts()).toEqual(before);
  });

  it('answers an empty JSON body and a non-JSON content type with a 4xx problem', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    const xml = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin, 'content-type': 'application/xml' }, payload: '<region/>' });
    expectProblem(xml, 415, 'unsupported_media_type');
  });

  it('names every field of the wrong type', async () => {
    const before = await counts();
    const body = expectProblem(await post({ parentId: 42, kind: true, code: ['B1'], name: { zh: '楼' } }), 400, 'validation_failed');
    expect(fields(body)).toEqual(['/body/code', '/body/kind', '/body/name', '/body/parentId']);
    expect(await counts()).toEqual(before);
  });

  it('names every missing field', async () => {
    const body = expectProblem(await post({}), 400, 'validation_failed');
    expect(fields(body)).toEqual(['/body/code', '/body/kind', '/body/name', '/body/parentId']);
    expect(body.errors!.every((e) => e.code === 'required')).toBe(true);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const before = await counts();
    const body = expectProblem(await post(valid({ isAdmin: true })), 400, 'validation_failed');
    expect(body.errors).toEqual([expect.objectContaining({ field: '/body/isAdmin', code: 'additionalProperties' })]);
    expect(await counts()).toEqual(before);
  });

  it('rejects a body that is not an object', async () => {
    for (const payload of ['"just a string"', '[1,2,3]', '42', 'null']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/regions', headers: { cookie: admin, 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses a 10 MB body with 413 and stays up', async () => {
    const before = await counts();
    const res = await post(valid({ name: '楼'.repeat(10 * 1024 * 1024 / 3) }));
    expectProblem(res, 413, 'payload_too_large');
    expect(await counts()).toEqual(before);
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });

  it('stores SQL-looking strings verbatim and breaks nothing', async () => {
    const name = `'); DROP TABLE regions; -- "x" \\ %_ $1`;
    const before = await counts();
    const res = await post(valid({ name }));
    expect(res.statusCode).toBe(201);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${res.json().id}`, headers: { cookie: admin } });
    expect(read.json().name).toBe(name);
    expect(await counts()).toEqual({ regions: before.regions + 1, history: before.history + 1, audit: before.audit + 1 });
    // The text search treats % and _ as characters, not wildcards.
    const search = await t.app.inject({ method: 'GET', url: `/api/v1/regions?q=${encodeURIComponent('%_')}`, headers: { cookie: admin } });
    expect(search.statusCode).toBe(200);
    expect(search.json().items.map((r: { name: string }) => r.name)).toEqual([name]);
  });

  it('refuses NUL characters with 400 naming the field and writes nothing', async () => {
    const before = await counts();
    const body = expectProblem(await post(valid({ name: 'a\u0000b' })), 400, 'validation_failed');
    expect(body.errors).toEqual([expect.objectContaining({ field: '/body/name', code: 'nul_character' })]);
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/regions?q=a%00b', headers: { cookie: admin } });
    expect(expectProblem(query, 400, 'validation_failed').errors).toEqual([expect.objectContaining({ field: '/query/q' })]);
    expect(await counts()).toEqual(before);
  });

  it('accepts emoji and a 100-character Chinese name, refuses 101 characters', async () => {
    const emoji = await post(valid({ name: '🏠幸福楼👍🏽' }));
    expect(emoji.statusCode).toBe(201);
    expect(emoji.json().name).toBe('🏠幸福楼👍🏽');
    const hundred = '熟'.repeat(100);
    const ok = await post(valid({ name: hundred }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().name).toBe(hundred);
    const before = await counts();
    const body = expectProblem(await post(valid({ name: hundred + '人' })), 400, 'validation_failed');
    expect(body.errors).toEqual([expect.objectContaining({ field: '/body/name', code: 'maxLength' })]);
    expect(await counts()).toEqual(before);
  });

  it('answers in Chinese by default and in English on request, down to the field messages', async () => {
    const zh = expectProblem(await post(valid({ name: '' })), 400, 'validation_failed');
    expect(zh.title).toBe('提交的内容有误，请检查标注的字段');
    expect(zh.errors![0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = expectProblem(await post(valid({ name: '' }), { 'accept-language': 'en-GB,en;q=0.8' }), 400, 'validation_failed');
    expect(en.title).toBe('The request has invalid fields');
    expect(en.errors![0]).toMatchObject({ field: '/body/name', code: 'minLength' });
    expect(en.errors![0].message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses bad query strings and path parameters with field errors', async () => {
    const limit = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/regions?limit=abc', headers: { cookie: admin } }), 400, 'validation_failed');
    expect(limit.errors![0].field).toBe('/query/limit');
    const unknown = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/regions?drop=1', headers: { cookie: admin } }), 400, 'validation_failed');
    expect(unknown.errors![0].field).toBe('/query/drop');
    const id = expectProblem(await t.app.inject({ method: 'GET', url: "/api/v1/regions/1'%20or%20'1'='1", headers: { cookie: admin } }), 400, 'validation_failed');
    expect(id.errors![0].field).toBe('/params/id');
    // The router refuses these before any hook runs: still problem+json.
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/regions/${'x'.repeat(20_000)}/rename`, headers: { cookie: admin }, payload: { name: 'x' } }), 414, 'bad_request');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/regions/%E0%A4%A', headers: { cookie: admin } }), 400, 'bad_request');
    const cursor = await t.app.inject({ method: 'GET', url: '/api/v1/regions?cursor=not-a-cursor', headers: { cookie: admin } });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.headers['content-type']).toContain('application/problem+json');
  });

  it('answers unknown routes with a 404 problem', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { cookie: admin } }), 404, 'not_found');
  });

  it('throttles a login flood with 429 and stays up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'nobody', password: 'guess-' + i } });
      statuses.push(res.statusCode);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const last = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en' }, payload: { login: 'nobody', password: 'x' } });
    expect(last.json()).toMatchObject({ status: 429, code: 'rate_limited', title: 'Too many requests, please try again later' });
    // Signed-in work is not affected, and the server answers health checks.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/regions', headers: { cookie: admin } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok', database: 'up' });
  });
});
