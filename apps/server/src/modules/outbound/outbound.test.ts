import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { caller, personOf, regionId, startOnWorkingMorning, uploadPhotos } from '../appeals/appeals.fixtures.js';
import { jpegWithGps } from '../appeals/appeal-photos.fixtures.js';
import { channelsFromConfig, deliverOutbound, webhookChannel, type OutboundChannel } from './index.js';

const SECRET = 'test-webhook-secret-0123456789';

async function rows<T = Record<string, any>>(t: TestApp, q: string): Promise<T[]> {
  return ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header value. */
function decodeWords(v: string): string {
  return v.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** Just enough of a MIME parser for a single-part text mail: unfolded headers and the decoded body. */
function parseMail(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  let body = raw.slice(split + 4);
  const cte = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (cte === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  if (cte === 'quoted-printable') body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return { headers, text: body };
}

interface Mail {
  to: string[];
  headers: Record<string, string>;
  text: string;
}

async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('latin1')) });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

interface Hook {
  raw: string;
  headers: IncomingHttpHeaders;
  status: number;
}

type Mode = 'ok' | 'fail-first' | 'always-503' | 'hang';

/**
 * A local webhook receiver. `ok` answers 200; `fail-first` answers 500 to the first request of each delivery id,
 * then 200; `always-503` answers 503; `hang` never answers.
 */
async function startReceiver() {
  const got: Hook[] = [];
  const state = { mode: 'ok' as Mode };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = req.headers['x-shuren-delivery'];
      const seen = got.some((h) => h.headers['x-shuren-delivery'] === id);
      const status = { ok: 200, 'fail-first': seen ? 200 : 500, 'always-503': 503, hang: 0 }[state.mode];
      got.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers, status });
      if (status === 0) return;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    got,
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/shuren`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).finally(() => server.closeAllConnections()),
  };
}

const submitHygiene = async (t: TestApp, resident: ReturnType<typeof caller>, description = '楼道里的垃圾三天没人清') => {
  const res = await resident.post('/appeals', { categoryCode: 'hygiene', description, regionId: await regionId(t, 'GC-C01-G01-B01') });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; trackingCode: string };
};

describe('outbound email: a real SMTP server receives the assignment mail', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let channels: OutboundChannel[];
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: '熟人 <noreply@shuren.test>', publicBaseUrl: 'https://shuren.example.org' } });
    startOnWorkingMorning(t);
    channels = channelsFromConfig(t.app.config);
  });
  afterAll(async () => {
    for (const c of channels ?? []) c.close?.();
    await t?.close();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
  });

  it('keeps an email address on the person record, validated, and masked in lists like the phone', async () => {
    const admin = await t.login('admin');
    const louzhang = await personOf(t, 'louzhang');
    const patch = (payload: unknown) => t.app.inject({ method: 'PATCH', url: `/api/v1/people/${louzhang}`, headers: { cookie: admin }, payload: payload as any });
    const bad = await patch({ email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    // One error for the field, about its format: not also "must be null" from the branch that clears it.
    expect(bad.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['/body/email', 'format']]);
    const wrongType = await patch({ email: 42 });
    expect(wrongType.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['/body/email', 'type']]);
    expect((await patch({ email: null })).statusCode).toBe(200);
    const ok = await patch({ email: 'louzhang@example.org' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ email: 'l***@example.org', emailMasked: true });
    expect(ok.json().allowedActions).toContain('revealEmail');
    const audit = await rows(t, `select after from audit_log where entity_id = '${louzhang}' and action = 'person.update'`);
    expect(JSON.stringify(audit)).not.toContain('louzhang@example.org');
    const revealed = await t.app.inject({ method: 'POST', url: `/api/v1/people/${louzhang}/reveal`, headers: { cookie: admin }, payload: { fields: ['email'], reason: '核对通知邮箱' } });
    expect(revealed.json()).toEqual({ email: 'louzhang@example.org' });
  });

  it('mails the 楼长 when a resident reports a problem in the building: Chinese subject, tracking link, once', async () => {
    const resident = caller(t, await t.login('13800000001'));
    const appeal = await submitHygiene(t, resident);
    // Only the recipient with an address gets an email delivery, written with the inbox rows.
    const queued = await rows(t, `select d.status, p.email from outbound_deliveries d join notifications n on n.id = d.notification_id join people p on p.id = n.recipient_person_id where n.appeal_id = '${appeal.id}'`);
    expect(queued).toEqual([{ status: 'pending', email: 'louzhang@example.org' }]);
    expect(smtp.mails).toHaveLength(0);

    const result = await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 });
    expect(result).toMatchObject({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.to).toEqual(['louzhang@example.org']);
    expect(mail.headers.subject).toBe('新诉求待处理：楼道里的垃圾三天没人清');
    expect(mail.headers.from).toContain('noreply@shuren.test');
    expect(mail.text).toContain(`编号 ${appeal.trackingCode}`);
    expect(mail.text).toContain(`https://shuren.example.org/r/appeals/track/${appeal.trackingCode}`);
    expect(mail.text).toContain(`https://shuren.example.org/console/appeals/${appeal.id}`);
    const [sent] = await rows(t, `select d.status, d.attempts, d.sent_at from outbound_deliveries d join notifications n on n.id = d.notification_id where n.appeal_id = '${appeal.id}'`);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });

    // A second pass finds nothing to send.
    expect((await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).claimed).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });

  it('sends nothing for a report that was rolled back (its photo was already used by another report)', async () => {
    const cookie = await t.login('13800000001');
    const resident = caller(t, cookie);
    const photo = (await uploadPhotos(t, cookie, [{ data: await jpegWithGps({ width: 320, height: 240 }) }])).json().items[0].id;
    const before = (await rows(t, 'select count(*)::int as n from outbound_deliveries'))[0].n;
    const first = await resident.post('/appeals', { categoryCode: 'hygiene', description: '垃圾桶坏了', regionId: await regionId(t, 'GC-C01-G01-B01'), photoRefs: [photo] });
    expect(first.statusCode).toBe(201);
    expect((await rows(t, 'select count(*)::int as n from outbound_deliveries'))[0].n).toBe(before + 1);
    const second = await resident.post('/appeals', { categoryCode: 'hygiene', description: '垃圾桶又坏了', regionId: await regionId(t, 'GC-C01-G01-B01'), photoRefs: [photo] });
    expect(second.statusCode).toBeGreaterThanOrEqual(400);
    expect(second.statusCode).toBeLessThan(500);
    expect((await rows(t, 'select count(*)::int as n from outbound_deliveries'))[0].n).toBe(before + 1);
    const mailsBefore = smtp.mails.length;
    expect((await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).sent).toBe(1);
    expect(smtp.mails.slice(mailsBefore).map((m) => m.headers.subject)).toEqual(['新诉求待处理：垃圾桶坏了']);
  });
});

describe('outbound webhook: signed POSTs, retried until a 2xx, given up after the last attempt', () => {
  let t: TestApp;
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  let channels: OutboundChannel[];
  let resident: ReturnType<typeof caller>;
  beforeAll(async () => {
    hook = await startReceiver();
    t = await createTestApp({ config: { webhookUrl: hook.url, webhookSecret: SECRET } });
    startOnWorkingMorning(t);
    channels = channelsFromConfig(t.app.config);
    resident = caller(t, await t.login('13800000001'));
  });
  afterAll(async () => {
    await t?.close();
    await hook?.close();
  });

  const deliveriesOf = (appealId: string) =>
    rows(t, `select d.id, d.status, d.attempts, d.last_error, d.next_attempt_at, n.id as notification_id from outbound_deliveries d join notifications n on n.id = d.notification_id where n.appeal_id = '${appealId}' order by d.id`);

  it('posts each notice as JSON with a valid HMAC signature and the delivery id', async () => {
    hook.state.mode = 'ok';
    const appeal = await submitHygiene(t, resident);
    const queued = await deliveriesOf(appeal.id);
    expect(queued.length).toBeGreaterThanOrEqual(1);
    expect(queued.every((d) => d.status === 'pending' && d.attempts === 0)).toBe(true);
    expect(await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).toMatchObject({ sent: queued.length, retried: 0, failed: 0 });
    expect(hook.got.map((h) => h.headers['x-shuren-delivery']).sort()).toEqual(queued.map((d) => d.id).sort());
    const louzhang = await personOf(t, 'louzhang');
    for (const { raw, headers } of hook.got) {
      const d = queued.find((q) => q.id === headers['x-shuren-delivery'])!;
      expect(headers['content-type']).toContain('application/json');
      expect(headers['x-shuren-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
      const [notice] = await rows(t, `select * from notifications where id = '${d.notification_id}'`);
      expect(JSON.parse(raw)).toEqual({
        id: notice.id,
        kind: 'assigned',
        appealId: appeal.id,
        trackingCode: appeal.trackingCode,
        title: '新诉求待处理：楼道里的垃圾三天没人清',
        body: notice.body,
        recipientPersonId: notice.recipient_person_id,
        createdAt: new Date(notice.created_at).toISOString(),
      });
    }
    expect(hook.got.some((h) => JSON.parse(h.raw).recipientPersonId === louzhang)).toBe(true);
    expect((await deliveriesOf(appeal.id)).every((d) => d.status === 'sent' && d.attempts === 1 && d.last_error === null)).toBe(true);
  });

  it('retries after a 500 with backoff and sends once when the receiver is back', async () => {
    hook.got.length = 0;
    hook.state.mode = 'fail-first';
    const appeal = await submitHygiene(t, resident, '电梯里有异味');
    const n = (await deliveriesOf(appeal.id)).length;
    expect(await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).toMatchObject({ claimed: n, sent: 0, retried: n });
    const waiting = await deliveriesOf(appeal.id);
    for (const d of waiting) {
      expect(d).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500' });
      expect(new Date(d.next_attempt_at).getTime() - t.clock.now().getTime()).toBe(30_000);
    }
    // Not due yet: nothing is sent.
    expect((await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).claimed).toBe(0);
    t.clock.advance(30_000);
    expect(await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).toMatchObject({ claimed: n, sent: n });
    expect((await deliveriesOf(appeal.id)).every((d) => d.status === 'sent' && d.attempts === 2 && d.last_error === null)).toBe(true);
    for (const d of waiting) {
      expect(hook.got.filter((h) => h.headers['x-shuren-delivery'] === d.id).map((h) => h.status)).toEqual([500, 200]);
    }
    t.clock.advance(3600_000);
    expect((await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).claimed).toBe(0);
  });

  it('ends failed with the last error after the last attempt, and shows it to the subdistrict admin only', async () => {
    hook.got.length = 0;
    hook.state.mode = 'always-503';
    const appeal = await submitHygiene(t, resident, '路灯不亮');
    const n = (await deliveriesOf(appeal.id)).length;
    for (let i = 0; i < 3; i++) {
      await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 });
      t.clock.advance(3600_000);
    }
    expect((await deliveriesOf(appeal.id)).every((d) => d.status === 'failed' && d.attempts === 3 && d.last_error === 'HTTP 503')).toBe(true);
    expect(hook.got).toHaveLength(3 * n);
    expect((await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).claimed).toBe(0);
    hook.state.mode = 'ok';

    const admin = caller(t, await t.login('admin'));
    const failed = await admin.get('/outbound/deliveries?status=failed');
    expect(failed.statusCode).toBe(200);
    expect(failed.json().items).toHaveLength(n);
    expect(failed.json().items[0]).toMatchObject({ channel: 'webhook', status: 'failed', attempts: 3, lastError: 'HTTP 503', nextAttemptAt: null, notification: { appealId: appeal.id, kind: 'assigned' } });
    const sent = (await admin.get('/outbound/deliveries?status=sent&limit=1')).json();
    expect(sent.items).toHaveLength(1);
    expect(sent.nextCursor).not.toBeNull();
    expect((await admin.get(`/outbound/deliveries?status=sent&limit=1&cursor=${sent.nextCursor}`)).json().items[0].id).not.toBe(sent.items[0].id);
    expect((await admin.get('/outbound/deliveries?status=lost')).statusCode).toBe(400);
    expect((await caller(t, await t.login('louzhang')).get('/outbound/deliveries?status=failed')).statusCode).toBe(403);
    expect((await resident.get('/outbound/deliveries')).statusCode).toBe(403);
  });

  it('counts a receiver that does not answer in time as a failure to retry', async () => {
    hook.got.length = 0;
    hook.state.mode = 'hang';
    const appeal = await submitHygiene(t, resident, '井盖松动');
    const slow = webhookChannel({ url: hook.url, secret: SECRET, timeoutMs: 200 });
    const n = (await deliveriesOf(appeal.id)).length;
    expect(await deliverOutbound(t.database.db, [slow], t.clock.now(), { maxAttempts: 3 })).toMatchObject({ retried: n });
    expect((await deliveriesOf(appeal.id)).every((d) => d.status === 'pending' && d.attempts === 1 && d.last_error === 'no answer within 0.2 s')).toBe(true);
    hook.state.mode = 'ok';
    t.clock.advance(30_000);
    expect(await deliverOutbound(t.database.db, channels, t.clock.now(), { maxAttempts: 3 })).toMatchObject({ sent: n });
  });

  it('two workers at once deliver each row exactly once', async () => {
    hook.got.length = 0;
    hook.state.mode = 'ok';
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await submitHygiene(t, resident, `第${i + 1}处垃圾堆放`)).id);
    const expected = (await rows(t, `select d.id from outbound_deliveries d join notifications n on n.id = d.notification_id where n.appeal_id in (${ids.map((i) => `'${i}'`).join(',')})`)).map((r) => r.id as string);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    const now = t.clock.now();
    const [a, b] = await Promise.all([
      deliverOutbound(t.database.db, channels, now, { maxAttempts: 3, batch: 3, concurrency: 2 }),
      deliverOutbound(t.database.db, channels, now, { maxAttempts: 3, batch: 3, concurrency: 2 }),
    ]);
    expect(a.sent + b.sent).toBe(expected.length);
    const posted = hook.got.map((h) => h.headers['x-shuren-delivery'] as string);
    expect(posted.sort()).toEqual([...expected].sort());
    expect(new Set(posted).size).toBe(posted.length);
    const left = await rows(t, `select count(*)::int as n from outbound_deliveries where status <> 'sent' and id in (${expected.map((i) => `'${i}'`).join(',')})`);
    expect(left[0].n).toBe(0);
  });
});
