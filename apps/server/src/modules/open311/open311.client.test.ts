import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { listeningWithKey } from './open311.fixtures.js';

/**
 * A small GeoReport v2 client written from the spec alone (https://wiki.open311.org/GeoReport_v2), the way a
 * third-party app would use any jurisdiction: discover the endpoint, list services, read a definition, POST a
 * form-encoded request, read it back by id. Plain fetch over a real socket; it knows nothing of this server.
 */
class GeoReportClient {
  private readonly xml = new XMLParser({ isArray: (n) => ['service', 'request', 'attribute', 'value', 'endpoint', 'format', 'error'].includes(n), parseTagValue: false });
  constructor(
    private readonly endpoint: string,
    private readonly apiKey: string,
    private readonly format: 'json' | 'xml',
  ) {}

  private async get(path: string, query: Record<string, string> = {}) {
    const url = new URL(`${this.endpoint}/${path}.${this.format}`);
    for (const [k, v] of Object.entries({ ...query, api_key: this.apiKey })) url.searchParams.set(k, v);
    return this.read(await fetch(url));
  }

  private async read(res: Response): Promise<any> {
    const text = await res.text();
    const body = this.format === 'json' ? JSON.parse(text) : this.xml.parse(text);
    if (!res.ok) {
      const errors = this.format === 'json' ? body : body.errors.error;
      throw new Error(`${res.status}: ${errors.map((e: any) => e.description).join('; ')}`);
    }
    return body;
  }

  static async discover(discoveryUrl: string) {
    const doc = await (await fetch(discoveryUrl)).json();
    return doc.endpoints.find((e: any) => e.specification === 'http://wiki.open311.org/GeoReport_v2');
  }

  async services(): Promise<{ service_code: string; service_name: string; metadata: boolean | string }[]> {
    const body = await this.get('services');
    return this.format === 'json' ? body : body.services.service;
  }

  async definition(code: string): Promise<{ code: string; required: boolean | string; values: { key: string }[] }[]> {
    const body = await this.get(`services/${encodeURIComponent(code)}`);
    if (this.format === 'json') return body.attributes;
    const attrs = body.service_definition.attributes?.attribute ?? [];
    return attrs.map((a: any) => ({ ...a, values: a.values?.value ?? [] }));
  }

  async submit(fields: Record<string, string>, attributes: Record<string, string> = {}) {
    const form = new URLSearchParams({ api_key: this.apiKey, ...fields });
    for (const [code, value] of Object.entries(attributes)) form.append(`attribute[${code}]`, value);
    const res = await fetch(`${this.endpoint}/requests.${this.format}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form.toString() });
    const body = await this.read(res);
    return (this.format === 'json' ? body : body.service_requests.request)[0] as { service_request_id?: string; token?: string; service_notice?: string };
  }

  async request(id: string) {
    const body = await this.get(`requests/${encodeURIComponent(id)}`);
    return (this.format === 'json' ? body : body.service_requests.request)[0];
  }
}

const server = listeningWithKey('Independent client');

describe.each(['json', 'xml'] as const)('an independent GeoReport client (%s)', (format) => {
  it('discovers the endpoint, lists services, submits a request and reads it back', async () => {
    const endpoint = await GeoReportClient.discover(`${server.base}/open311/v2/discovery.json`);
    expect(endpoint.formats).toContain(format === 'json' ? 'application/json' : 'text/xml');
    const client = new GeoReportClient(endpoint.url, server.apiKey, format);

    const services = await client.services();
    const noise = services.find((s) => s.service_code === 'noise')!;
    expect(String(noise.metadata)).toBe('true');
    const attributes = await client.definition(noise.service_code);
    const when = attributes.find((a) => a.code === 'time_of_day')!;

    const created = await client.submit(
      { service_code: noise.service_code, lat: '23.0315', long: '113.1521', address_string: '桂城街道某小区3栋楼下', first_name: '小明', last_name: '王', phone: '13800000009', description: `晚上十点后广场舞音响太吵 (${format})` },
      { [when.code]: when.values[1].key },
    );
    expect(created.service_request_id).toBeTruthy();

    const back = await client.request(created.service_request_id!);
    expect(back.service_request_id).toBe(created.service_request_id);
    expect(back.status).toBe('open');
    expect(back.service_code).toBe('noise');
    expect(back.description).toBe(`晚上十点后广场舞音响太吵 (${format})`);
    expect(String(back.lat)).toBe('23.0315');
    expect(back.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);

    await expect(new GeoReportClient(endpoint.url, 'wrong-key', format).request(created.service_request_id!)).rejects.toThrow(/^403/);
  });
});
