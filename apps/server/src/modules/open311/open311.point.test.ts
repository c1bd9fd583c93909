import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { regions } from '../../db/schema/index.js';

/** A bare lat/long from an Open311 client finds the building it is at; the point goes with the report. */
let t: TestApp;
let key: string;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const post = (fields: Record<string, string>) => t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload: new URLSearchParams({ api_key: key, ...fields }).toString() });
const placeOf = async (trackingCode: string) =>
  ((await t.database.db.execute(sql`select r.code, a.lat, a.lng from appeals a join regions r on r.id = a.place_region_id where a.tracking_code = ${trackingCode}`)) as unknown as { rows: { code: string; lat: number; lng: number }[] }).rows[0];

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  key = (await t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', headers: { cookie: admin }, payload: { name: '随手拍' } })).json().apiKey;
});
afterAll(async () => t?.close());

describe('Open311 lat/long', () => {
  it('lands on the building within 150 m of the point and keeps the point; far from every building, on the client’s node', async () => {
    const [b] = await t.database.db.select().from(regions).where(eq(regions.code, 'GC-C01-G01-B02'));
    const lat = b.lat! + 5 / 111_320;
    const near = await post({ service_code: 'hygiene', lat: String(lat), long: String(b.lng!), description: '垃圾桶满了没人清' });
    expect(near.statusCode).toBe(200);
    const placed = await placeOf(near.json()[0].service_request_id);
    expect(placed).toEqual({ code: 'GC-C01-G01-B02', lat, lng: b.lng });

    const far = await post({ service_code: 'hygiene', lat: '39.9042', long: '116.4074', description: '远处的垃圾' });
    expect(far.statusCode).toBe(200);
    expect((await placeOf(far.json()[0].service_request_id)).code).toBe('GC');
  });
});
