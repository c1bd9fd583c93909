import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { DeliveryJob } from './outbound.repository.js';

export type ChannelName = 'email' | 'webhook';

/** Sends one delivery or throws; a `PermanentDeliveryError` is not retried. */
export interface OutboundChannel {
  name: ChannelName;
  send(job: DeliveryJob): Promise<void>;
  close?(): void;
}

/** A failure that another attempt cannot fix (the recipient has no address). */
export class PermanentDeliveryError extends Error {}

/** Kinds addressed to staff: their mail also links to the appeal in the console. */
const STAFF_KINDS = new Set(['assigned', 'nearing_deadline', 'overdue', 'escalated']);

/** The resident tracking page (apps/web/src/features/appeals/resident/routes.tsx, mounted at /r/appeals). */
export function trackingUrl(base: string, code: string): string {
  return `${base}/r/appeals/track/${encodeURIComponent(code)}`;
}

/** Plain-text mail in Chinese: the notice, the tracking link, and for staff the console link. */
export function mailText(job: DeliveryJob, base: string): { subject: string; text: string } {
  const lines = [job.body, ''];
  if (job.trackingCode) lines.push(`查看进度：${trackingUrl(base, job.trackingCode)}`);
  if (job.appealId && STAFF_KINDS.has(job.kind)) lines.push(`在工作台办理：${base}/console/appeals/${job.appealId}`);
  lines.push('', '—— 熟人社区服务平台。此邮件由系统自动发送，请勿直接回复。');
  // A subject is one line: titles come from appeal text a resident typed.
  return { subject: job.title.replace(/[\r\n]+/g, ' ').slice(0, 200), text: lines.join('\n') };
}

/** Email over SMTP (SMTP_URL, MAIL_FROM) to the recipient's address on their person record. */
export function emailChannel(opts: { smtpUrl: string; mailFrom: string; publicBaseUrl: string }): OutboundChannel {
  const transport = nodemailer.createTransport({ url: opts.smtpUrl, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    name: 'email',
    async send(job) {
      if (!job.recipientEmail) throw new PermanentDeliveryError('recipient has no email address');
      const { subject, text } = mailText(job, opts.publicBaseUrl);
      await transport.sendMail({
        from: opts.mailFrom,
        to: job.recipientName ? { name: job.recipientName, address: job.recipientEmail } : job.recipientEmail,
        subject,
        text,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Shuren-Delivery': job.id },
      });
    },
    close: () => transport.close(),
  };
}

export const WEBHOOK_TIMEOUT_MS = 5_000;

/** The JSON the webhook receiver gets; `id` is the notice's id (one webhook delivery per notice). */
export function webhookBody(job: DeliveryJob): string {
  return JSON.stringify({
    id: job.notificationId,
    kind: job.kind,
    appealId: job.appealId,
    trackingCode: job.trackingCode,
    title: job.title,
    body: job.body,
    recipientPersonId: job.recipientPersonId,
    createdAt: job.createdAt.toISOString(),
  });
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as in X-Shuren-Signature. */
export function webhookSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** POST to WEBHOOK_URL, signed; 2xx within 5 s is sent, anything else is retried. Redirects are not followed. */
export function webhookChannel(opts: { url: string; secret: string; timeoutMs?: number }): OutboundChannel {
  return {
    name: 'webhook',
    async send(job) {
      const body = webhookBody(job);
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Shuren-Webhook/1', 'x-shuren-delivery': job.id, 'x-shuren-signature': webhookSignature(opts.secret, body) },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
        });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        throw new Error(e.name === 'TimeoutError' ? `no answer within ${(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s` : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`, { cause: err });
      }
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}`);
    },
  };
}

/** The channels the configuration switches on (console logging stays in the appeals module, after commit). */
export function channelsFromConfig(config: Config): OutboundChannel[] {
  const out: OutboundChannel[] = [];
  if (config.smtpUrl && config.mailFrom && config.publicBaseUrl) out.push(emailChannel({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, publicBaseUrl: config.publicBaseUrl }));
  if (config.webhookUrl && config.webhookSecret) out.push(webhookChannel({ url: config.webhookUrl, secret: config.webhookSecret }));
  return out;
}
