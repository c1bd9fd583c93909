import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv, type Options as AjvOptions } from 'ajv';
import addFormats from 'ajv-formats';
import { uuidv7 } from './shared/ids.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import { systemClock, type Clock } from './shared/time.js';
import errorsPlugin, { toProblem } from './plugins/errors.js';
import nulGuard from './plugins/nul-guard.js';
import serverTime from './plugins/server-time.js';
import authPlugin from './plugins/auth.js';
import swaggerPlugin from './plugins/swagger.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import webPlugin from './plugins/web.js';
import { MODULES } from './modules/index.js';
import { open311Plugin } from './modules/open311/index.js';
import { consoleVerificationSender, type VerificationSender } from './modules/auth/verification-sender.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    database: Database;
    clock: Clock;
    verificationSender: VerificationSender;
  }
}

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  verificationSender?: VerificationSender;
}

const AJV_OPTIONS: AjvOptions = { removeAdditional: false, useDefaults: true, allErrors: true, strict: false };

function makeAjv(coerceTypes: AjvOptions['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, coerceTypes });
  (addFormats as any)(ajv, { mode: 'full' });
  return ajv;
}

const COUNTED = Symbol('inflight');

/**
 * Counts requests whose handler has not finished and lets `close()` wait for them (up to 10 s), so a shutdown
 * never closes the database under a running command. A client that hangs up does not end its handler, and
 * Fastify then skips onResponse but still calls onSend once the handler is done: that is where the count drops.
 * Also sends the request id (every log line of the request carries it as reqId) for clients to quote.
 */
function trackInflight(app: FastifyInstance) {
  let inflight = 0;
  let idle: (() => void) | null = null;
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    (request as any)[COUNTED] = true;
    inflight++;
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if ((request as any)[COUNTED]) {
      (request as any)[COUNTED] = false;
      if (--inflight === 0) idle?.();
    }
    return payload;
  });
  app.addHook('onClose', async () => {
    if (inflight === 0) return;
    app.log.info({ inflight }, 'waiting for requests in flight');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  });
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => uuidv7(),
    requestIdHeader: false,
    return503OnClosing: true,
    // Errors the router raises before any hook runs (a bad URL, a path parameter over maxParamLength) would
    // otherwise get Fastify's own JSON: answer them as problem+json like everything else.
    frameworkErrors: (err, request, reply) => {
      const body = toProblem(err, request);
      void (reply as FastifyReply).status(body.status).type('application/problem+json; charset=utf-8').send(body);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Query strings, path params and headers arrive as text and are coerced to their declared types; JSON bodies
  // are not: `{"name": 42}` or `{"code": ["B1"]}` is a wrong type and gets a 400 naming the field.
  const coercing = makeAjv('array');
  const strict = makeAjv(false);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  trackInflight(app);

  app.decorate('config', config);
  app.decorate('database', opts.database);
  app.decorate('db', opts.database.db);
  app.decorate('clock', opts.clock ?? systemClock);
  app.decorate('verificationSender', opts.verificationSender ?? consoleVerificationSender(app.log));

  // First, so that answers refused by the hooks after it (sign-in, rate limit) carry the time too.
  await app.register(serverTime);
  await app.register(errorsPlugin);
  await app.register(rateLimitPlugin);
  await app.register(swaggerPlugin);
  await app.register(authPlugin);
  await app.register(nulGuard);

  await app.register(
    async (api) => {
      for (const m of MODULES) await m.routes(api);
    },
    { prefix: '/api/v1' },
  );
  // Open311 GeoReport v2 lives at /open311/v2 (own api_key auth and error body); its key admin is under /api/v1.
  await app.register(open311Plugin);

  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: {
          200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' }, kind: { type: 'string' } } },
          503: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' }, kind: { type: 'string' } } },
        },
      },
    },
    async (_req, reply) => {
      try {
        await opts.database.ping();
        return { status: 'ok', database: 'up', kind: opts.database.kind };
      } catch {
        return reply.status(503).send({ status: 'degraded', database: 'down', kind: opts.database.kind });
      }
    },
  );

  await app.register(webPlugin);
  return app;
}
