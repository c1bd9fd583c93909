import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { listeningWithKey } from './open311.fixtures.js';

/**
 * The Open311 client someone else wrote: the npm `open311` package (Code for America, 2012, callback style, the
 * `request` library underneath), installed from the registry and run unmodified against this server over a real
 * socket. Its XML parsers come from a git URL and a native addon that no longer build, so package.json overrides
 * them with a no-op (`lodash.noop`); the client is used in JSON, where it never calls them.
 */
type Callback<T> = (err: unknown, data: T) => void;
interface Open311Client {
  endpoint: string;
  format: string;
  serviceDiscovery(options: { cache: boolean; type?: string }, cb: Callback<any>): void;
  serviceList(cb: Callback<any[]>): void;
  serviceDefinition(code: string, cb: Callback<any>): void;
  submitRequest(data: Record<string, unknown>, cb: Callback<any[]>): void;
  serviceRequest(id: string, params: Record<string, string>, cb: Callback<any[]>): void;
  serviceRequests(params: Record<string, string>, cb: Callback<any[]>): void;
}
const Open311 = createRequire(import.meta.url)('open311') as new (options: Record<string, unknown>) => Open311Client;

/** The package's callbacks as promises; its errors are `true`/a status code with a message as the data. */
function call<T>(fn: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, data) => (err ? reject(new Error(`${String(err)}: ${String(data)}`)) : resolve(data))));
}

const server = listeningWithKey('npm open311 client');

describe('the npm open311 client (written by someone else)', () => {
  it('discovers the endpoint, lists the services, reads a definition, submits a request and reads it back', async () => {
    const client = new Open311({ discovery: `${server.base}/open311/v2/discovery.json`, apiKey: server.apiKey });
    // A server that is not in production announces its endpoint as type "test" (GeoReport v2 discovery).
    const discovery = await call<any>((cb) => client.serviceDiscovery({ cache: true, type: 'test' }, cb));
    expect(discovery.endpoints.length).toBeGreaterThan(0);
    expect(client.endpoint).toBe(`${server.base}/open311/v2/`);
    expect(client.format).toBe('json');

    const services = await call<any[]>((cb) => client.serviceList(cb));
    const noise = services.find((s) => s.service_code === 'noise');
    expect(noise).toMatchObject({ service_name: '噪音', metadata: true, type: 'realtime' });
    expect(services.map((s) => s.service_code)).toContain('blocked_fire_exit');

    const definition = await call<any>((cb) => client.serviceDefinition('noise', cb));
    expect(definition.service_code).toBe('noise');
    const when = definition.attributes.find((a: any) => a.code === 'time_of_day');
    expect(when.values.length).toBeGreaterThan(1);

    const created = await call<any[]>((cb) =>
      client.submitRequest(
        { service_code: 'noise', lat: '23.0315', long: '113.1521', address_string: '桂城街道某小区3栋楼下', first_name: '小红', last_name: '李', description: '凌晨装修电钻声（npm open311）', attributes: { time_of_day: when.values[1].key } },
        cb,
      ),
    );
    const id = created[0].service_request_id;
    expect(id).toEqual(expect.any(String));

    // Reading requests back needs the key here (reports are residents' affairs, not public): the package sends
    // extra URL parameters given to its calls, which is how its users pass one.
    const [back] = await call<any[]>((cb) => client.serviceRequest(id, { api_key: server.apiKey }, cb));
    expect(back).toMatchObject({ service_request_id: id, service_code: 'noise', status: 'open', description: '凌晨装修电钻声（npm open311）' });
    expect(Number(back.lat)).toBeCloseTo(23.0315, 6);
    // The package turns the ISO 8601 times into Dates: they must parse.
    expect(back.requested_datetime).toBeInstanceOf(Date);
    expect(Number.isNaN(back.requested_datetime.getTime())).toBe(false);

    const listed = await call<any[]>((cb) => client.serviceRequests({ service_code: 'noise', api_key: server.apiKey }, cb));
    expect(listed.map((r) => r.service_request_id)).toContain(id);
    // Without the key the package gets the spec's 403.
    await expect(call<any[]>((cb) => client.serviceRequest(id, {}, cb))).rejects.toThrow(/403/);
  });

  it('is refused with a wrong api_key, and the client reports the 403', async () => {
    const client = new Open311({ endpoint: `${server.base}/open311/v2/`, format: 'json', apiKey: 'not-a-key' });
    await expect(call<any[]>((cb) => client.submitRequest({ service_code: 'noise', lat: '23.03', long: '113.15', description: 'x' }, cb))).rejects.toThrow(/^403: /);
  });
});
