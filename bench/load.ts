/**
 * Load generator, run as its own process so autocannon does not share the server's event loop.
 * Input: one JSON argument (harness.ts LoadSpec). `{{n}}` in a body becomes a per-request unique token.
 * Output: one JSON line (harness.ts LoadResult), with the CPU this process used while the load ran.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import type { LoadSpec } from './harness.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const bodies = spec.bodies ?? (spec.body ? [spec.body] : []);
const prefix = randomBytes(3).toString('hex');
let n = 0;

const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  requests: [
    {
      method: spec.method,
      headers: spec.headers,
      setupRequest: (req) => (bodies.length ? { ...req, body: bodies[n % bodies.length].replaceAll('{{n}}', `${prefix}${(n++).toString(36)}`) } : req),
    },
  ],
});
const cpu = process.cpuUsage(cpuBefore);
const out = {
  requestsPerSecond: result.requests.average,
  latencyP50: result.latency.p50,
  latencyP99: result.latency.p99,
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes: result.statusCodeStats,
  cpuMicros: cpu.user + cpu.system,
};
process.stdout.write(JSON.stringify(out) + '\n');
