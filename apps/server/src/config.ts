import path from 'node:path';

/**
 * One validated configuration object, read once at boot. Every variable is documented in docs/operations.md.
 * Invalid values stop the server with a message naming the variable (fail fast).
 */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** postgres://… → PostgreSQL pool; unset → embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite data directory; ignored with DATABASE_URL. `memory://` keeps it in memory (tests). */
  dataDir: string;
  dbPoolSize: number;
  /** Load demo data (accounts with a known password) on first start. Default: yes unless production. */
  demoData: boolean;
  sessionTtlMinutes: number;
  /** How long a session lookup may be served from this process's memory (seconds); 0 disables. */
  sessionCacheSeconds: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  bodyLimitBytes: number;
  logLevel: string;
  trustProxy: boolean;
  cookieSecure: boolean;
  webDist: string | null;
  /** Appeals sweeper period, seconds (escalation, warnings, "is it fixed?"); 0 = never (tests call it directly). */
  appealsSweepSeconds: number;
  /** Calendar days after closing in which the reporter may reopen an appeal. */
  appealsReopenDays: number;
  /** Working minutes (on the holiday calendar) before a deadline when the "nearing deadline" notice goes out; 0 = off. */
  appealsWarnMinutes: number;
  /** Calendar days after closing when the reporter and followers are asked "is it fixed?"; 0 = off. */
  appealsFixedCheckDays: number;
  /** How long intake may serve categories, place chains with their staff, and households from memory (seconds); 0 = read every time. */
  appealsIntakeCacheSeconds: number;
  /** Lets a subdistrict admin move the server clock forward (`/api/v1/dev/clock`) to show SLA clocks running out; never in production. */
  clockControl: boolean;
  /** Origin of the web app as residents reach it, for links in outbound mail (no trailing slash). */
  publicBaseUrl: string | null;
  /** smtp:// or smtps:// URL of the mail relay; set → notices also go out by email to people with an address. */
  smtpUrl: string | null;
  /** Sender of outbound mail, `addr@host` or `Name <addr@host>`; required with SMTP_URL. */
  mailFrom: string | null;
  /** http(s) URL that receives every notice as a signed JSON POST; set → the webhook channel is on. */
  webhookUrl: string | null;
  /** HMAC-SHA256 key for X-Shuren-Signature; required with WEBHOOK_URL. */
  webhookSecret: string | null;
  /** Outbound delivery worker period, seconds; 0 = never (tests call it directly). */
  outboundSeconds: number;
  /** Attempts per delivery before it is marked failed. */
  outboundMaxAttempts: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    // The value is not repeated: SMTP_URL carries the relay's password.
    throw new ConfigError(`${name} must be a URL (${protocols.join(' or ')})`);
  }
  if (!protocols.includes(u.protocol.replace(/:$/, '')) || !u.hostname) throw new ConfigError(`${name} must be a ${protocols.join(' or ')} URL with a host`);
  return raw;
}

/**
 * Outbound channels: each is on when its variables are set, and a half-configured channel stops the boot
 * (so a missing sender or secret is found at deploy time, not by a resident who never hears back).
 */
function outboundConfig(env: NodeJS.ProcessEnv): Pick<Config, 'publicBaseUrl' | 'smtpUrl' | 'mailFrom' | 'webhookUrl' | 'webhookSecret'> {
  const publicBaseUrl = url(env, 'PUBLIC_BASE_URL', ['http', 'https'])?.replace(/\/+$/, '') ?? null;
  if (publicBaseUrl && /[?#]/.test(publicBaseUrl)) throw new ConfigError('PUBLIC_BASE_URL must be an origin with an optional path, without ? or #');
  const smtpUrl = url(env, 'SMTP_URL', ['smtp', 'smtps']);
  const mailFrom = env.MAIL_FROM?.trim() || null;
  if (mailFrom && !/^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)$/.test(mailFrom)) throw new ConfigError(`MAIL_FROM must be an address such as "熟人 <noreply@example.org>", got "${mailFrom}"`);
  if (smtpUrl && !mailFrom) throw new ConfigError('MAIL_FROM is required when SMTP_URL is set');
  if (smtpUrl && !publicBaseUrl) throw new ConfigError('PUBLIC_BASE_URL is required when SMTP_URL is set (each mail links to the appeal)');
  const webhookUrl = url(env, 'WEBHOOK_URL', ['http', 'https']);
  const webhookSecret = env.WEBHOOK_SECRET?.trim() || null;
  if (webhookUrl && !webhookSecret) throw new ConfigError('WEBHOOK_SECRET is required when WEBHOOK_URL is set');
  if (webhookSecret && webhookSecret.length < 16) throw new ConfigError('WEBHOOK_SECRET must be at least 16 characters');
  return { publicBaseUrl, smtpUrl, mailFrom, webhookUrl, webhookSecret };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  const production = nodeEnv === 'production';
  const config: Config = {
    nodeEnv,
    host: env.HOST?.trim() || '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    dataDir: env.DATA_DIR?.trim() || path.resolve(process.cwd(), 'data'),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 20, 1, 500),
    demoData: bool(env, 'DEMO_DATA', !production),
    sessionTtlMinutes: int(env, 'SESSION_TTL_MINUTES', 12 * 60, 1, 60 * 24 * 30),
    sessionCacheSeconds: int(env, 'SESSION_CACHE_SECONDS', 5, 0, 300),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    logLevel: env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    cookieSecure: bool(env, 'COOKIE_SECURE', production),
    webDist: env.WEB_DIST?.trim() || null,
    appealsSweepSeconds: int(env, 'APPEALS_SWEEP_SECONDS', nodeEnv === 'test' ? 0 : 60, 0, 86_400),
    appealsReopenDays: int(env, 'APPEALS_REOPEN_DAYS', 14, 0, 365),
    appealsWarnMinutes: int(env, 'APPEALS_WARN_MINUTES', 120, 0, 5 * 450),
    appealsFixedCheckDays: int(env, 'APPEALS_FIXED_CHECK_DAYS', 7, 0, 365),
    appealsIntakeCacheSeconds: int(env, 'APPEALS_INTAKE_CACHE_SECONDS', nodeEnv === 'test' ? 0 : 10, 0, 300),
    clockControl: bool(env, 'CLOCK_CONTROL', false),
    ...outboundConfig(env),
    outboundSeconds: int(env, 'OUTBOUND_SECONDS', nodeEnv === 'test' ? 0 : 5, 0, 86_400),
    outboundMaxAttempts: int(env, 'OUTBOUND_MAX_ATTEMPTS', 10, 1, 50),
    ...overrides,
  };
  if (config.clockControl && production) throw new ConfigError('CLOCK_CONTROL must not be set in production: it lets an admin move the server clock');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) throw new ConfigError(`LOG_LEVEL "${config.logLevel}" is not a pino level`);
  return config;
}
