import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { parseW3, w3 } from './open311.format.js';

/**
 * Open311 GeoReport v2 against the spec's own examples (https://wiki.open311.org/GeoReport_v2): the same element
 * names, nesting and value types, in JSON and XML; the spec's error body and statuses.
 */
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'note', 'endpoint', 'format'].includes(name), parseTagValue: false });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const DAY = 86_400_000;

let t: TestApp;
let admin: string;
let key: string;
let tokenKey: string;
let regionKey: string;

async function rows(query: ReturnType<typeof sql>): Promise<any[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: any[] }).rows;
}

async function issue(body: Record<string, unknown>, cookie = admin) {
  return t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', headers: { cookie }, payload: body });
}

async function submit(fields: Record<string, string>, format = 'json', headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: { ...FORM, ...headers }, payload: form(fields) });
}

const basic = (extra: Record<string, string> = {}) => ({ api_key: key, service_code: 'hygiene', lat: '23.0300', long: '113.1500', description: '垃圾桶满了三天没人清', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  key = (await issue({ name: '12345 热线对接' })).json().apiKey;
  tokenKey = (await issue({ name: 'Batch bridge', tokenReplies: true })).json().apiKey;
  regionKey = (await issue({ name: 'City dashboard', readScope: 'region' })).json().apiKey;
});
afterAll(async () => t?.close());

describe('issuing api keys', () => {
  it('a subdistrict admin gets the key once; only its hash is stored; the issue is audited', async () => {
    const res = await issue({ name: 'Partner app' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.apiKey).toMatch(/^o311_/);
    expect(body.apiKey.startsWith(body.keyPrefix)).toBe(true);
    const stored = await rows(sql`select key_hash from open311_clients where id = ${body.id}`);
    expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(body.apiKey);
    const auditRows = await rows(sql`select after from audit_log where action = 'open311.client.issue' and entity_id = ${body.id}`);
    expect(auditRows).toHaveLength(1);
    expect(JSON.stringify(auditRows[0])).not.toContain(body.apiKey);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/open311/clients', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(body.apiKey);
    expect(list.json().items.find((c: any) => c.id === body.id).allowedActions).toEqual(['revoke']);
  });

  it('refuses staff who are not subdistrict admins (403) and anonymous callers (401)', async () => {
    expect((await issue({ name: 'x' }, await t.login('worker'))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', payload: { name: 'x' } })).statusCode).toBe(401);
  });

  it('a revoked key gets 403 from then on', async () => {
    const issued = (await issue({ name: 'Short-lived' })).json();
    expect((await submit({ ...basic(), api_key: issued.apiKey })).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/open311/clients/${issued.id}/revoke`, headers: { cookie: admin } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const res = await submit({ ...basic(), api_key: issued.apiKey });
    expect(res.statusCode).toBe(403);
    expect(res.json()[0].code).toBe(403);
  });
});

describe('discovery and services', () => {
  it('discovery lists the v2 endpoint with both formats (JSON and XML)', async () => {
    const j = await t.app.inject({ url: '/open311/v2/discovery.json' });
    expect(j.statusCode).toBe(200);
    expect(Object.keys(j.json())).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(j.json().endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });
    const x = await t.app.inject({ url: '/open311/v2/discovery.xml' });
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.parse(x.body).discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('GET services.json has the spec example’s fields, one per category', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const services = res.json() as any[];
    expect(Object.keys(services[0])).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    const noise = services.find((s) => s.service_code === 'noise');
    expect(noise).toMatchObject({ service_name: '噪音', metadata: true, type: 'realtime', group: '噪音' });
    expect(services.find((s) => s.service_code === 'hygiene').metadata).toBe(false);
    expect(services.find((s) => s.service_code === 'objects_from_height').group).toBe('安全隐患');
    const en = (await t.app.inject({ url: '/open311/v2/services.json', headers: { 'accept-language': 'en' } })).json() as any[];
    expect(en.find((s) => s.service_code === 'noise').service_name).toBe('Noise');
  });

  it('GET services.xml is <services><service>… with the declaration', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services.xml?jurisdiction_id=GC' });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const parsed = xml.parse(res.body);
    const hygiene = parsed.services.service.find((s: any) => s.service_code === 'hygiene');
    expect(hygiene).toMatchObject({ service_name: '小区卫生', metadata: 'false', type: 'realtime' });
  });

  it('an unknown jurisdiction_id is 404 in the spec’s error body', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services.json?jurisdiction_id=sfgov.org' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual([{ code: 404, description: expect.stringContaining('sfgov.org') }]);
  });

  it('GET services/{code} turns the category questions into attributes (JSON, as the DMV66 example)', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services/facility_maintenance.json', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      service_code: 'facility_maintenance',
      attributes: [
        {
          variable: true,
          code: 'facility',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: null,
          order: 1,
          description: 'Facility',
          values: [
            { key: 'lighting', name: 'Lighting' },
            { key: 'drainage', name: 'Drainage' },
            { key: 'door', name: 'Door' },
            { key: 'other', name: 'Other' },
          ],
        },
      ],
    });
    const yesNo = (await t.app.inject({ url: '/open311/v2/services/objects_from_height.json' })).json();
    expect(yesNo.attributes[0]).toMatchObject({ code: 'injured', datatype: 'singlevaluelist', required: true, values: [{ key: 'true' }, { key: 'false' }] });
    const number = (await t.app.inject({ url: '/open311/v2/services/neighbour_dispute.json' })).json();
    expect(number.attributes[0]).toMatchObject({ code: 'parties', datatype: 'number', required: false });
  });

  it('GET services/{code}.xml is <service_definition><attributes><attribute>…<values><value>', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services/noise.xml' });
    const def = xml.parse(res.body).service_definition;
    expect(def.service_code).toBe('noise');
    expect(def.attributes.attribute[0]).toMatchObject({ variable: 'true', code: 'time_of_day', datatype: 'singlevaluelist', order: '1' });
    expect(def.attributes.attribute[0].values.value.map((v: any) => v.key)).toEqual(['day', 'night']);
  });

  it('an unknown service_code is 404 (JSON and XML errors)', async () => {
    const j = await t.app.inject({ url: '/open311/v2/services/potholes.json' });
    expect(j.statusCode).toBe(404);
    expect(j.json()[0].code).toBe(404);
    const x = await t.app.inject({ url: '/open311/v2/services/potholes.xml' });
    expect(x.statusCode).toBe(404);
    expect(xml.parse(x.body).errors.error[0].code).toBe('404');
  });
});

describe('POST requests', () => {
  it('takes the spec’s form-encoded example and answers [{ service_request_id, service_notice, account_id }]', async () => {
    const res = await submit({
      api_key: key,
      jurisdiction_id: 'GC',
      service_code: 'facility_maintenance',
      lat: '23.0301',
      long: '113.1502',
      address_string: '1234 5th street',
      email: 'smit333@sfgov.edu',
      device_id: 'tt222111',
      account_id: '123456',
      first_name: 'john',
      last_name: 'smith',
      phone: '111111111',
      description: 'A large sinkhole is destroying the street',
      media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
      'attribute[facility]': 'drainage',
    });
    expect(res.statusCode).toBe(200);
    const [created] = res.json();
    expect(Object.keys(created)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(created.service_request_id).toMatch(/^[0-9A-Z]{10}$/);
    expect(created.account_id).toBe('123456');
    expect(created.service_notice).toContain('街道运行中心');

    // It is an appeal like any other: source open311, the submitter as caller, the answers typed, audited.
    const [appeal] = await rows(sql`select a.id, a.source, a.caller_name, a.caller_phone, a.answers, a.level, a.location_text, p.name as reporter from appeals a join people p on p.id = a.reporter_person_id where a.tracking_code = ${created.service_request_id}`);
    expect(appeal).toMatchObject({ source: 'open311', caller_name: 'john smith', caller_phone: '111111111', answers: { facility: 'drainage' }, level: 'subdistrict', reporter: 'Open311 · 12345 热线对接' });
    expect(appeal.location_text).toContain('1234 5th street');
    const audit = await rows(sql`select action from audit_log where entity_id = ${appeal.id} order by action`);
    expect(audit.map((r) => r.action)).toEqual(['appeal.submit', 'open311.request.create']);
  });

  it('answers in XML as <service_requests><request>… with <account_id/> when none was sent', async () => {
    const res = await submit(basic(), 'xml');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<account_id/>');
    const request = xml.parse(res.body).service_requests.request[0];
    expect(request.service_request_id).toMatch(/^[0-9A-Z]{10}$/);
  });

  it('accepts a JSON body too, and address_id as a region code places it in that building', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: key, service_code: 'ebike_indoor_charging', address_id: 'GC-C01-G01-B01', description: '楼道里有人给电动车充电' } });
    expect(res.statusCode).toBe(200);
    const id = res.json()[0].service_request_id;
    const got = (await t.app.inject({ url: `/open311/v2/requests/${id}.json?api_key=${key}` })).json()[0];
    expect(got.address_id).toBe('GC-C01-G01-B01');
    expect(got.agency_responsible).toContain('网格');
    expect(got.lat).toBeNull();
  });

  it('a bad or missing api_key is 403 in the spec’s words (JSON and XML)', async () => {
    const bad = await submit({ ...basic(), api_key: 'xyz' });
    expect(bad.statusCode).toBe(403);
    expect(bad.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const missing = await submit({ service_code: 'hygiene', lat: '23', long: '113' }, 'xml', { 'accept-language': 'en' });
    expect(missing.statusCode).toBe(403);
    expect(xml.parse(missing.body).errors.error[0]).toEqual({ code: '403', description: "api_key was not provided -- can't proceed with create_request." });
  });

  it('refuses what the spec refuses: unknown service_code 404, missing one 400, no location 400, bad attributes 400', async () => {
    const unknown = await submit(basic({ service_code: 'potholes' }));
    expect(unknown.statusCode).toBe(404);
    const missing = await submit(basic({ service_code: '' }));
    expect(missing.statusCode).toBe(400);
    const noPlace = await submit({ api_key: key, service_code: 'hygiene', description: 'x' });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json()[0].description).toContain('lat');
    const halfPoint = await submit({ api_key: key, service_code: 'hygiene', lat: '23.1' });
    expect(halfPoint.statusCode).toBe(400);
    const required = await submit(basic({ service_code: 'objects_from_height' }));
    expect(required.statusCode).toBe(400);
    expect(required.json()[0].description).toContain('injured');
    const wrongValue = await submit(basic({ service_code: 'noise', 'attribute[time_of_day]': 'dusk' }));
    expect(wrongValue.statusCode).toBe(400);
    const foreign = await submit(basic({ 'attribute[WHISPAWN]': '123456' }));
    expect(foreign.statusCode).toBe(400);
    const multi = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload: `${form(basic({ service_code: 'noise' }))}&attribute[time_of_day][]=day&attribute[time_of_day][]=night` });
    expect(multi.statusCode).toBe(400);
    const outside = await submit(basic({ address_id: 'NOPE-1' }));
    expect(outside.statusCode).toBe(400);
    const typed = await submit(basic({ service_code: 'objects_from_height', 'attribute[injured]': 'false' }));
    expect(typed.statusCode).toBe(200);
  });

  it('never answers 500 to malformed input', async () => {
    const broken = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, payload: '{"api_key": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()[0].code).toBe(400);
    const extra = await submit({ ...basic(), colour: 'red' });
    expect(extra.statusCode).toBe(400);
    const nul = await submit(basic({ description: 'a\u0000b' }));
    expect(nul.statusCode).toBe(400);
    const huge = await submit(basic({ description: 'x'.repeat(4001) }));
    expect(huge.statusCode).toBe(400);
    const csv = await t.app.inject({ url: '/open311/v2/services.csv' });
    expect(csv.statusCode).toBe(400);
    expect(csv.json()[0].code).toBe(400);
    const nowhere = await t.app.inject({ url: '/open311/v2/nowhere.xml' });
    expect(nowhere.statusCode).toBe(404);
    expect(xml.parse(nowhere.body).errors.error[0].code).toBe('404');
  });
  it('answers generated bad submissions with the spec’s error body and 400/403/404, never a 5xx', async () => {
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '-1', '1e309', 'NaN', '%%', '<x/>', '熟'.repeat(300), '2026-02-30', '\ud800'));
    const field = fc.constantFrom('api_key', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'phone', 'description', 'media_url', 'attribute[facility]', 'attribute[injured]', 'attribute[]', 'jurisdiction_id', 'page');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, value), fc.boolean(), fc.constantFrom('json', 'xml'), async (fields, withKey, format) => {
        const payload = form(withKey ? { ...fields, api_key: key } : fields);
        const res = await t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: FORM, payload });
        expect([200, 400, 403, 404]).toContain(res.statusCode);
        if (res.statusCode !== 200) {
          const errs = format === 'json' ? res.json() : xml.parse(res.body).errors.error;
          expect(String(errs[0].code)).toBe(String(res.statusCode));
          expect(errs[0].description.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40, seed: 311 },
    );
  });
});

describe('dates', () => {
  it('w3 writes +08:00 and parseW3 reads it back to the same second', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const text = w3(d)!;
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
        expect(parseW3(text)!.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
    expect(parseW3('2010-01-01T00:00:00Z')!.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3('1994-11-05T08:15:30-05:00')!.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3('2026-03-01')!.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    for (const bad of ['2026-02-30T00:00:00Z', '2026-13-01', '2026-01-01T24:00:00Z', 'yesterday', '2026-01-01T00:00:00']) expect(parseW3(bad)).toBeNull();
  });
});

describe('GET requests', () => {
  it('a request reads back with the spec’s fields, ISO 8601 +08:00 dates and the public timeline as notes', async () => {
    const id = (await submit(basic({ description: '3号楼下水道堵了' }))).json()[0].service_request_id;
    const [{ id: appealId }] = await rows(sql`select id from appeals where tracking_code = ${id}`);
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${appealId}/accept`, headers: { cookie: admin }, payload: { note: '已受理，安排人员处理', internalNote: '内部：先问物业' } });
    expect(accepted.statusCode).toBe(200);

    const res = await t.app.inject({ url: `/open311/v2/requests/${id.toLowerCase()}.json?api_key=${key}` });
    expect(res.statusCode).toBe(200);
    const [r] = res.json();
    expect(Object.keys(r)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url', 'notes',
    ]);
    expect(r).toMatchObject({ service_request_id: id, status: 'open', status_notes: '已受理，安排人员处理', service_code: 'hygiene', service_name: '小区卫生', lat: 23.03, long: 113.15 });
    expect(r.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(r.updated_datetime).toMatch(/\+08:00$/);
    expect(r.notes.map((n: any) => n.type)).toEqual(['submitted', 'accepted']);
    expect(r.notes[1].description).toBe('已受理，安排人员处理');
    expect(JSON.stringify(r)).not.toContain('内部');
    expect(JSON.stringify(r)).not.toContain('管理员'); // staff by role, never by name

    const x = await t.app.inject({ url: `/open311/v2/requests/${id}.xml?api_key=${key}` });
    const req = xml.parse(x.body).service_requests.request[0];
    expect(req.status).toBe('open');
    expect(req.notes.note).toHaveLength(2);
  });

  it('status maps appeal states: a rejected appeal is closed, with its reason as status_notes', async () => {
    const id = (await submit(basic({ description: '与本街道无关的事' }))).json()[0].service_request_id;
    const [{ id: appealId }] = await rows(sql`select id from appeals where tracking_code = ${id}`);
    const rejected = await t.app.inject({ method: 'POST', url: `/api/v1/appeals/${appealId}/reject`, headers: { cookie: admin }, payload: { reason: '不属于本街道管辖' } });
    expect(rejected.statusCode).toBe(200);
    const closed = (await t.app.inject({ url: `/open311/v2/requests.json?api_key=${key}&status=closed` })).json() as any[];
    expect(closed.map((r) => r.service_request_id)).toContain(id);
    expect(closed.find((r) => r.service_request_id === id).status_notes).toBe('不属于本街道管辖');
    const open = (await t.app.inject({ url: `/open311/v2/requests.json?api_key=${key}&status=open` })).json() as any[];
    expect(open.map((r) => r.service_request_id)).not.toContain(id);
    expect(open.every((r) => r.status === 'open')).toBe(true);
    const both = (await t.app.inject({ url: `/open311/v2/requests.json?api_key=${key}&status=open,closed` })).json() as any[];
    expect(both.length).toBe(open.length + closed.length);
  });

  it('filters by service_request_id (comma list, overriding the rest) and service_code', async () => {
    const a = (await submit(basic({ service_code: 'pets' }))).json()[0].service_request_id;
    const b = (await submit(basic({ service_code: 'parking' }))).json()[0].service_request_id;
    const both = (await t.app.inject({ url: `/open311/v2/requests.json?api_key=${key}&service_request_id=${a},${b}&status=closed` })).json() as any[];
    expect(both.map((r) => r.service_request_id).sort()).toEqual([a, b].sort());
    const pets = (await t.app.inject({ url: `/open311/v2/requests.json?api_key=${key}&service_code=pets` })).json() as any[];
    expect(pets.map((r) => r.service_request_id)).toEqual([a]);
  });

  it('answers at most 1000 records by default; page/page_size walk the rest without overlap', async () => {
    // A region-wide client sees every appeal placed in its region, so bulk copies of one appeal fill the window.
    const seedId = (await submit(basic())).json()[0].service_request_id;
    await t.database.db.execute(sql`
      insert into appeals
      select (jsonb_populate_record(null::appeals, to_jsonb(a) || jsonb_build_object('id', gen_random_uuid(), 'tracking_code', 'BULK' || lpad(g::text, 6, '0')))).*
      from appeals a, generate_series(1, 1005) g where a.tracking_code = ${seedId}`);
    const res = await t.app.inject({ url: `/open311/v2/requests.json?api_key=${regionKey}` });
    expect(res.statusCode).toBe(200);
    const first = res.json() as any[];
    expect(first).toHaveLength(1000);
    const [{ n: total }] = await rows(sql`select count(*)::int as n from appeals where submitted_at >= now() - interval '90 days'`);
    const second = (await t.app.inject({ url: `/open311/v2/requests.json?api_key=${regionKey}&page=2` })).json() as any[];
    expect(second).toHaveLength(total - 1000);
    const small = await Promise.all([1, 2, 3].map(async (p) => (await t.app.inject({ url: `/open311/v2/requests.json?api_key=${regionKey}&page_size=7&page=${p}` })).json() as any[]));
    const ids = small.flat().map((r) => r.service_request_id);
    expect(ids).toHaveLength(21);
    expect(new Set(ids).size).toBe(21);
    expect(ids).toEqual(first.slice(0, 21).map((r) => r.service_request_id));
    expect((await t.app.inject({ url: `/open311/v2/requests.json?api_key=${regionKey}&page_size=1001` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/open311/v2/requests.json?api_key=${regionKey}&page=0` })).statusCode).toBe(400);
    // The submitting client reads only its own requests: none of the bulk copies.
    const own = (await t.app.inject({ url: `/open311/v2/requests.json?api_key=${key}` })).json() as any[];
    expect(own.some((r) => r.service_request_id.startsWith('BULK'))).toBe(false);
  });

  it('another client’s request is 404 for a client that reads only its own; reads need a valid key', async () => {
    const id = (await submit(basic())).json()[0].service_request_id;
    expect((await t.app.inject({ url: `/open311/v2/requests/${id}.json?api_key=${tokenKey}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/open311/v2/requests/${id}.json?api_key=${regionKey}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/open311/v2/requests/${id}.json` })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/open311/v2/requests/NOSUCHCODE.xml?api_key=${key}` })).statusCode).toBe(404);
  });
});

describe('tokens', () => {
  it('a token-reply client gets [{ token, service_notice, account_id }] and resolves it with GET tokens/{token}', async () => {
    const res = await submit({ ...basic(), api_key: tokenKey });
    expect(res.statusCode).toBe(200);
    const [created] = res.json();
    expect(created.service_request_id).toBeUndefined();
    expect(typeof created.token).toBe('string');
    const j = await t.app.inject({ url: `/open311/v2/tokens/${created.token}.json?api_key=${tokenKey}` });
    expect(j.statusCode).toBe(200);
    const [answer] = j.json();
    expect(answer).toEqual({ service_request_id: expect.stringMatching(/^[0-9A-Z]{10}$/), token: created.token });
    const x = xml.parse((await t.app.inject({ url: `/open311/v2/tokens/${created.token}.xml?api_key=${tokenKey}` })).body);
    expect(x.service_requests.request[0]).toEqual({ service_request_id: answer.service_request_id, token: created.token });
    expect((await t.app.inject({ url: `/open311/v2/requests/${answer.service_request_id}.json?api_key=${tokenKey}` })).statusCode).toBe(200);
  });

  it('an unknown token, or another client’s, is 404', async () => {
    expect((await t.app.inject({ url: `/open311/v2/tokens/nope.json?api_key=${tokenKey}` })).statusCode).toBe(404);
    const created = (await submit({ ...basic(), api_key: tokenKey })).json()[0];
    const other = await t.app.inject({ url: `/open311/v2/tokens/${created.token}.xml?api_key=${key}` });
    expect(other.statusCode).toBe(404);
    expect(xml.parse(other.body).errors.error[0].code).toBe('404');
  });
});

describe('date window', () => {
  it('the default window is the last 90 days; start_date/end_date select by requested_datetime; a range over 90 days is 400', async () => {
    // Last in the file: it moves the shared clock 100 days on. A fresh client sees only its own two requests.
    {
      const local = t;
      const k = (await issue({ name: 'Dates' })).json().apiKey;
      const post = async () => (await local.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload: form({ api_key: k, service_code: 'noise', lat: '23', long: '113' }) })).json()[0].service_request_id;
      const startedAt = local.clock.now();
      const old = await post();
      local.clock.advance(100 * DAY);
      const recent = await post();
      const list = async (q: string) => {
        const res = await local.app.inject({ url: `/open311/v2/requests.json?api_key=${k}${q}` });
        return { status: res.statusCode, ids: res.statusCode === 200 ? (res.json() as any[]).map((r) => r.service_request_id) : res.json() };
      };
      expect((await list('')).ids).toEqual([recent]);
      const day = (d: Date) => d.toISOString().slice(0, 19) + 'Z';
      const around = `&start_date=${day(new Date(startedAt.getTime() - DAY))}&end_date=${day(new Date(startedAt.getTime() + DAY))}`;
      expect((await list(around)).ids).toEqual([old]);
      expect((await list(`&start_date=${day(new Date(startedAt.getTime() - DAY))}`)).ids).toEqual([old]);
      const plus8 = `&end_date=${encodeURIComponent(new Date(local.clock.now().getTime() + 1000 + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00')}`;
      expect((await list(plus8)).ids).toEqual([recent]);
      const wide = await list(`&start_date=${day(new Date(startedAt.getTime() - DAY))}&end_date=${day(local.clock.now())}`);
      expect(wide.status).toBe(400);
      expect((await list('&start_date=2026-02-30T00:00:00Z')).status).toBe(400);
      expect((await list('&start_date=yesterday')).status).toBe(400);
      expect((await list('&status=pending')).status).toBe(400);
    }
  });

});
