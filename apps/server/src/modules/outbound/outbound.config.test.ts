import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

const base = { NODE_ENV: 'test' } as NodeJS.ProcessEnv;
const load = (env: Record<string, string>) => loadConfig({ ...base, ...env } as NodeJS.ProcessEnv);
const refusal = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('outbound configuration, checked at boot', () => {
  it('has every channel off by default and the worker off in tests', () => {
    const c = load({});
    expect(c).toMatchObject({ smtpUrl: null, mailFrom: null, webhookUrl: null, webhookSecret: null, publicBaseUrl: null, outboundSeconds: 0, outboundMaxAttempts: 10 });
    expect(loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv).outboundSeconds).toBe(5);
  });

  it('takes a complete email and webhook setup', () => {
    const c = load({ SMTP_URL: 'smtps://user:pw@mail.example.org:465', MAIL_FROM: '熟人 <noreply@example.org>', PUBLIC_BASE_URL: 'https://shuren.example.org/', WEBHOOK_URL: 'https://hooks.example.org/shuren', WEBHOOK_SECRET: 'x'.repeat(32), OUTBOUND_MAX_ATTEMPTS: '5' });
    expect(c).toMatchObject({ smtpUrl: 'smtps://user:pw@mail.example.org:465', mailFrom: '熟人 <noreply@example.org>', publicBaseUrl: 'https://shuren.example.org', webhookUrl: 'https://hooks.example.org/shuren', outboundMaxAttempts: 5 });
  });

  it('names the variable that is missing or wrong, without repeating a URL that may hold a password', () => {
    expect(refusal({ SMTP_URL: 'smtp://mail.example.org', PUBLIC_BASE_URL: 'https://a.example.org' })).toMatch(/^MAIL_FROM is required/);
    expect(refusal({ SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'noreply@example.org' })).toMatch(/^PUBLIC_BASE_URL is required/);
    expect(refusal({ SMTP_URL: 'http://user:secret@mail.example.org', MAIL_FROM: 'noreply@example.org', PUBLIC_BASE_URL: 'https://a.example.org' })).toMatch(/^SMTP_URL must be a smtp or smtps URL/);
    expect(refusal({ SMTP_URL: 'not a url :secret@', MAIL_FROM: 'noreply@example.org' })).not.toContain('secret');
    expect(refusal({ MAIL_FROM: 'noreply' })).toMatch(/^MAIL_FROM must be an address/);
    expect(refusal({ PUBLIC_BASE_URL: 'ftp://example.org' })).toMatch(/^PUBLIC_BASE_URL/);
    expect(refusal({ WEBHOOK_URL: 'https://hooks.example.org' })).toMatch(/^WEBHOOK_SECRET is required/);
    expect(refusal({ WEBHOOK_URL: 'https://hooks.example.org', WEBHOOK_SECRET: 'short' })).toMatch(/^WEBHOOK_SECRET must be at least 16/);
    expect(refusal({ WEBHOOK_URL: 'mailto:a@example.org', WEBHOOK_SECRET: 'x'.repeat(16) })).toMatch(/^WEBHOOK_URL/);
    expect(refusal({ OUTBOUND_MAX_ATTEMPTS: '0' })).toMatch(/^OUTBOUND_MAX_ATTEMPTS/);
    expect(refusal({ OUTBOUND_SECONDS: '-1' })).toMatch(/^OUTBOUND_SECONDS/);
  });
});
