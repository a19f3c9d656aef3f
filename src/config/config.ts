/**
 * The one place where the environment is read. `loadConfig` is a pure function so it can be unit
 * tested; it either returns a complete, typed config or throws a ConfigError whose message is one
 * line a person can act on.
 */
export type AppRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  nodeEnv: string;
  databaseUrl: string;
  redisUrl: string;
  /** Unset: letters are written as .eml files under `outboxDir`. */
  smtpUrl: string | undefined;
  publicBaseUrl: string;
  port: number;
  appRole: AppRole;
  appSecret: string;
  webhookSecret: string | undefined;
  /** Letters per second across all worker processes. */
  sendRate: number;
  /** SMTP attempts for transient (4xx) failures before a letter is `failed`. */
  sendAttempts: number;
  /** Consecutive send failures after which a campaign pauses itself. */
  sendFailurePauseAfter: number;
  /** Seconds a worker may hold a letter in `sending` before the reconciler calls it `unknown`. */
  sendLeaseSeconds: number;
  /** First retry delay after a transient SMTP failure; doubles per attempt (capped at one hour). */
  sendRetryBaseMs: number;
  /** Letters one worker process sends at the same time. */
  sendConcurrency: number;
  /** How often the campaign reconciler runs (re-enqueue lost jobs, expire leases, complete campaigns). */
  reconcileIntervalSeconds: number;
  uploadLimitBytes: number;
  /** Private folder for uploads in progress; never served over HTTP. */
  uploadDir: string;
  outboxDir: string;
  /** Private folder for print batches (PDFs hold personal data): never served except through the audited API. */
  printDir: string;
  /** The company's postal return address for the line above the address window (optional). */
  printReturnAddress: string;
  /** Seconds a worker may hold a print file before another may take it over. */
  printLeaseSeconds: number;
  /** Letters per PDF (the print house takes at most 5,000). */
  printFileLetters: number;
  /** Prefix of every Bull key in Redis, so several installations (or test runs) can share one Redis. */
  queuePrefix: string;
  hotlineLookupLimit: number;
  hotlineLookupWindowSeconds: number;
  /** Breach reports one IP address may send through the public form per window (0: no limit). */
  breachReportLimit: number;
  breachReportWindowSeconds: number;
  /** How often workers look for deadline reminders (24 h and 4 h before) to send. */
  reminderIntervalSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Console sessions end after this long without a request (30 min). */
  sessionIdleSeconds: number;
  /** …and this long after sign-in, however active (12 h). */
  sessionAbsoluteSeconds: number;
  /** Failed sign-in attempts per account after which each further attempt is answered more slowly. */
  signInSlowAfter: number;
  /** Failed sign-in attempts per account (within `signInLockSeconds`) that lock it for `signInLockSeconds`. */
  signInLockAfter: number;
  signInLockSeconds: number;
  /** Failed sign-in attempts from one IP address per hour before that address is locked out for an hour. */
  signInIpLimit: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const DEFAULT_DEV_SECRET = 'dev-only-secret-do-not-use-in-production';

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(`${name}="${raw}" is not a whole number; set it to a number between ${min} and ${max} or leave it unset (default ${fallback}).`);
  }
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(`${name}=${value} is out of range; use a number between ${min} and ${max} (default ${fallback}).`);
  }
  return value;
}

function url(env: Env, name: string, fallback: string | undefined, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL; expected something like ${protocols[0]}//host:port (see README, Configuration).`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, not ${parsed.protocol}//.`);
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}="${raw}" is not allowed; use one of: ${allowed.join(', ')}.`);
  }
  return raw as T;
}

export function loadConfig(env: Env): AppConfig {
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const appSecret = env.APP_SECRET?.trim() || '';
  if (nodeEnv === 'production' && appSecret.length < 32) {
    throw new ConfigError('APP_SECRET must be set to at least 32 random characters when NODE_ENV=production (e.g. `openssl rand -hex 32`).');
  }
  const publicBaseUrl = url(env, 'PUBLIC_BASE_URL', 'http://localhost:3000', ['http:', 'https:'])!.replace(/\/+$/, '');
  return {
    nodeEnv,
    databaseUrl: url(env, 'DATABASE_URL', 'mysql://root@127.0.0.1:3306/fraud_warning', ['mysql:', 'mariadb:'])!,
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'])!,
    smtpUrl: url(env, 'SMTP_URL', undefined, ['smtp:', 'smtps:']),
    publicBaseUrl,
    port: int(env, 'PORT', 3000, 0, 65535),
    appRole: oneOf(env, 'APP_ROLE', 'all', ['all', 'api', 'worker'] as const),
    appSecret: appSecret || DEFAULT_DEV_SECRET,
    webhookSecret: env.WEBHOOK_SECRET?.trim() || undefined,
    sendRate: int(env, 'SEND_RATE', 100, 1, 100000),
    sendAttempts: int(env, 'SEND_ATTEMPTS', 5, 1, 50),
    sendFailurePauseAfter: int(env, 'SEND_FAILURE_PAUSE_AFTER', 50, 1, 1000000),
    sendLeaseSeconds: int(env, 'SEND_LEASE_SECONDS', 120, 5, 86400),
    sendRetryBaseMs: int(env, 'SEND_RETRY_BASE_MS', 30000, 10, 3600000),
    sendConcurrency: int(env, 'SEND_CONCURRENCY', 32, 1, 1000),
    reconcileIntervalSeconds: int(env, 'RECONCILE_INTERVAL_SECONDS', 5, 1, 3600),
    uploadLimitBytes: int(env, 'UPLOAD_LIMIT_MB', 200, 1, 10240) * 1024 * 1024,
    uploadDir: env.UPLOAD_DIR?.trim() || 'var/uploads',
    outboxDir: env.OUTBOX_DIR?.trim() || 'outbox',
    printDir: env.PRINT_DIR?.trim() || 'var/print',
    printReturnAddress: env.PRINT_RETURN_ADDRESS?.trim() || '',
    printLeaseSeconds: int(env, 'PRINT_LEASE_SECONDS', 300, 5, 86400),
    printFileLetters: int(env, 'PRINT_FILE_LETTERS', 5000, 1, 5000),
    queuePrefix: env.QUEUE_PREFIX?.trim() || 'fw',
    hotlineLookupLimit: int(env, 'HOTLINE_LOOKUP_LIMIT', 30, 0, 1000000),
    hotlineLookupWindowSeconds: int(env, 'HOTLINE_LOOKUP_WINDOW_SECONDS', 600, 1, 86400),
    breachReportLimit: int(env, 'BREACH_REPORT_LIMIT', 5, 0, 100000),
    breachReportWindowSeconds: int(env, 'BREACH_REPORT_WINDOW_SECONDS', 3600, 1, 86400),
    reminderIntervalSeconds: int(env, 'REMINDER_INTERVAL_SECONDS', 60, 1, 3600),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['debug', 'info', 'warn', 'error'] as const),
    sessionIdleSeconds: int(env, 'SESSION_IDLE_SECONDS', 1800, 1, 86400),
    sessionAbsoluteSeconds: int(env, 'SESSION_ABSOLUTE_SECONDS', 43200, 1, 7 * 86400),
    signInSlowAfter: int(env, 'SIGN_IN_SLOW_AFTER', 3, 0, 1000),
    signInLockAfter: int(env, 'SIGN_IN_LOCK_AFTER', 10, 1, 1000),
    signInLockSeconds: int(env, 'SIGN_IN_LOCK_SECONDS', 900, 1, 86400),
    signInIpLimit: int(env, 'SIGN_IN_IP_LIMIT', 100, 1, 1000000),
  };
}

/** Database name from DATABASE_URL (the path), used to create it when missing. */
export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$]{1,64}$/.test(name)) {
    throw new ConfigError('DATABASE_URL must name a database made of letters, digits and _ (e.g. mysql://root@127.0.0.1:3306/fraud_warning).');
  }
  return name;
}

/** URL with any password replaced, safe to print in an error line. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
