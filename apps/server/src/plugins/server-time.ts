import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Every answer says what time the server holds (`X-Server-Time`, milliseconds since the epoch, from the app's
 * clock). The console's and the phone's SLA countdowns run on it rather than on the device's own clock: a desk PC
 * set ten minutes wrong would otherwise show a deadline ten minutes off, and under `CLOCK_CONTROL` the countdowns
 * follow the moved clock.
 */
export default fp(async function serverTime(app: FastifyInstance) {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('x-server-time', String(app.clock.now().getTime()));
    done();
  });
});
