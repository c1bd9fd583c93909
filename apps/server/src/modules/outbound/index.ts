import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '../manifest.js';
import { channelsFromConfig } from './outbound.channels.js';
import { syncChannels } from './outbound.repository.js';
import { outboundRoutes } from './outbound.routes.js';
import { deliverOutbound } from './outbound.worker.js';

export { deliverOutbound, type DeliverResult } from './outbound.worker.js';
export { channelsFromConfig, emailChannel, webhookChannel, webhookSignature, type OutboundChannel } from './outbound.channels.js';

/**
 * Email and webhook copies of inbox notices. The channels the configuration switches on are written to
 * `outbound_channels` at boot; a trigger on `notifications` then queues one delivery per channel with every
 * notice, and the worker here sends them every OUTBOUND_SECONDS (off in tests, which call deliverOutbound).
 */
async function routes(app: FastifyInstance) {
  const channels = channelsFromConfig(app.config);
  await syncChannels(app.db, channels.map((c) => c.name));
  if (channels.length) app.log.info({ channels: channels.map((c) => c.name) }, 'outbound channels on');
  await outboundRoutes(app);
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | null = null;
  if (app.config.outboundSeconds > 0 && channels.length > 0) {
    timer = setInterval(() => {
      if (pass) return;
      pass = deliverOutbound(app.db, channels, app.clock.now(), { maxAttempts: app.config.outboundMaxAttempts, log: app.log })
        .then(() => undefined)
        .catch((err) => app.log.error({ err }, 'outbound delivery pass failed'))
        .finally(() => {
          pass = null;
        });
    }, app.config.outboundSeconds * 1000);
    timer.unref();
  }
  // Stop the timer, let a pass in flight record its outcomes before the database closes, then drop SMTP connections.
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await pass;
    for (const c of channels) c.close?.();
  });
}

export const outboundModule: ModuleManifest = { name: 'outbound', routes };
