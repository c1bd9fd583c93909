import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

/**
 * For the suites that drive this server as an outside Open311 client would: a test app listening on a real socket,
 * with an API key an admin issued to a client named `name`. The values are filled in before the suite's tests run.
 */
export function listeningWithKey(name: string): { t: TestApp; base: string; apiKey: string } {
  const server = {} as { t: TestApp; base: string; apiKey: string };
  beforeAll(async () => {
    server.t = await createTestApp();
    const admin = await server.t.login('admin');
    server.apiKey = (await server.t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', headers: { cookie: admin }, payload: { name } })).json().apiKey;
    server.base = await server.t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => server.t?.close());
  return server;
}
