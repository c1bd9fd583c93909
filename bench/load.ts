/**
 * Load generator, run as its own process so autocannon does not share the server's event loop.
 * Input: one JSON argument. `{{n}}` in the body becomes a per-request unique token (codes, names).
 * Output: one JSON line with the figures bench/run.ts needs.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

interface Spec {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;
const prefix = randomBytes(3).toString('hex');
let n = 0;

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  requests: [
    {
      method: spec.method,
      headers: spec.headers,
      setupRequest: (req) => (spec.body ? { ...req, body: spec.body.replaceAll('{{n}}', `${prefix}${(n++).toString(36)}`) } : req),
    },
  ],
});
const out = {
  requestsPerSecond: result.requests.average,
  latencyP50: result.latency.p50,
  latencyP99: result.latency.p99,
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: result.statusCodeStats,
};
process.stdout.write(JSON.stringify(out) + '\n');
