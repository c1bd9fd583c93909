/**
 * What every benchmark here shares: the load generator run in its own process (bench/load.ts), and the ceiling —
 * a bare Fastify route doing one INSERT through the SAME pg pool as the app, i.e. what this machine's Node +
 * PostgreSQL can do for "one HTTP request, one row".
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { uuidv7 } from 'uuidv7';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Request body; `{{n}}` becomes a per-request unique token (codes, names). */
  body?: string;
  /** Several bodies used in turn (instead of `body`), e.g. reports spread over places and categories. */
  bodies?: string[];
  connections: number;
  duration: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, { count: number }>;
  /** CPU the load generator used while the load ran (µs). */
  cpuMicros: number;
}

/**
 * CPU used so far by every PostgreSQL process on this machine (µs, from /proc: utime + stime in clock ticks of
 * 1/100 s), or null when there are none here (the server runs elsewhere) or no /proc. Counts the backends, the WAL
 * writer and the checkpointer alike, so another database's work on the same server in the window counts too.
 * A backend that ends (a pool closing an idle connection) takes its CPU with it, so each process's reaped
 * children's CPU (cutime + cstime: the postmaster's ended backends) counts as well; without it the difference
 * between two readings could come out negative.
 */
export function postgresCpuMicros(): number | null {
  let ticks = 0;
  let found = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      // After "(comm) ": state is field 3, utime field 14, stime field 15, cutime 16, cstime 17.
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      found++;
    } catch {
      // The process ended meanwhile.
    }
  }
  return found > 0 ? ticks * 10_000 : null;
}

/** Runs autocannon in a child process (so it does not share the server's event loop) and returns its figures. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'load.ts'), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!));
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** The ceiling server: `POST /ceiling` inserts one row into `bench_scratch` through `pool`. Returns it listening. */
export async function startCeiling(pool: pg.Pool): Promise<{ server: FastifyInstance; url: string }> {
  await pool.query('create table if not exists bench_scratch (id uuid primary key, name text not null, created_at timestamptz not null)');
  const server = Fastify({ logger: false });
  server.post('/ceiling', async (request, reply) => {
    const body = request.body as { name?: string };
    await pool.query('insert into bench_scratch (id, name, created_at) values ($1, $2, $3)', [uuidv7(), String(body?.name ?? ''), new Date()]);
    return reply.status(201).send({ ok: true });
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { server, url: `${url}/ceiling` };
}

/** The ceiling's load: one small JSON body per request. */
export const CEILING_BODY = '{"name":"张三{{n}}"}';
