/**
 * The one place where the environment is read. `loadConfig` is a pure function so it can be unit
 * tested; it either returns a complete, typed config or throws a ConfigError whose message is one
 * line a person can act on.
 */
import { DataKeys, DataKeysError, parseDataKeys } from '../data-keys/keyring';
import { BROWSING_RULES, BrowsingRule, BrowsingThresholds, WorkingHours } from '../hotline/browsing-rules';

export type AppRole = 'all' | 'api' | 'worker';

/** Insider-browsing alerts (src/hotline/browsing-rules.ts); README, "Insider-browsing alerts". */
export interface HotlineAlertConfig extends BrowsingThresholds {
  /** The rules whose alert also suspends the member's lookups until an admin resolves it. */
  suspendRules: BrowsingRule[];
}

export interface AppConfig {
  nodeEnv: string;
  databaseUrl: string;
  redisUrl: string;
  /** Unset: letters are written as .eml files under `outboxDir`. */
  smtpUrl: string | undefined;
  publicBaseUrl: string;
  port: number;
  appRole: AppRole;
  /** Compile the letter templates at start-up (the CLI's commands never render a letter, so it skips the second it takes). */
  compileLetters: boolean;
  appSecret: string;
  /** DATA_KEYS: the keys sealing customers' personal data (README, "Data at rest"); the last seals new values. */
  dataKeys: DataKeys;
  webhookSecret: string | undefined;
  /** Letters per second across all worker processes. */
  sendRate: number;
  /** SMTP attempts for transient (4xx) failures before a letter is `failed`. */
  sendAttempts: number;
  /** Consecutive send failures after which a campaign pauses itself. */
  sendFailurePauseAfter: number;
  /** First cool-off (seconds) before a campaign paused on temporary refusals sends again by itself; doubles each time; 0 = wait for a person. */
  sendAutoResumeSeconds: number;
  /** Seconds a worker may hold a letter in `sending` before the reconciler calls it `unknown`. */
  sendLeaseSeconds: number;
  /** First retry delay after a transient SMTP failure; doubles per attempt (capped at one hour). */
  sendRetryBaseMs: number;
  /** Letters one worker process sends at the same time. */
  sendConcurrency: number;
  /** SMTP connections one worker process keeps open (nodemailer pool). */
  smtpPoolSize: number;
  /** Worker processes `node dist/main.js` forks (APP_ROLE all or worker); 1 = this process does the work itself. */
  workers: number;
  /** Scheduling niceness of the forked worker processes, so the HTTP process wins the CPU when it is short. */
  workerNice: number;
  /** V8 old-generation limit (MiB) of the forked worker processes, with a small young generation; 0 = Node's defaults (README, "API and workers separately"). */
  workerHeapMb: number;
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
  /** Letters per PDF (the print house takes at most 5,000; 1,000 keeps a worker's memory small). */
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
  /** Days after an incident is closed until its customers' personal data is purged (0: at the next sweep). */
  retentionDays: number;
  /** How often workers look for due purges and for upload and print files to delete (README, "Retention and purge"). */
  purgeSweepSeconds: number;
  /** Days after a print batch is marked posted until its PDFs and manifest are deleted. */
  postedPrintFilesDays: number;
  hotlineAlerts: HotlineAlertConfig;
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

/** WORKER_HEAP_MB: 0 (Node's defaults) or a limit a worker can run in; below 64 MiB it would crash on its first print file. */
function workerHeapMb(env: Env): number {
  const mb = int(env, 'WORKER_HEAP_MB', 192, 0, 65536);
  if (mb !== 0 && mb < 64) throw new ConfigError(`WORKER_HEAP_MB=${mb} is too small for a worker; use 0 (Node's defaults) or 64 and more (default 192).`);
  return mb;
}

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

/**
 * Outside working hours alone does not suspend by default: a late shift is a fact of the rota the
 * product cannot see, whereas the other rules read the behaviour in the lookups themselves.
 */
const DEFAULT_SUSPEND_RULES: BrowsingRule[] = ['misses-in-a-row', 'burst', 'address-walk'];

/** "on"/"all", "off"/"none", or a comma-separated list of rule names. */
function suspendRules(env: Env): BrowsingRule[] {
  const raw = env.HOTLINE_ALERT_SUSPEND?.trim().toLowerCase();
  if (raw === undefined || raw === '') return DEFAULT_SUSPEND_RULES;
  if (['on', 'all', 'true'].includes(raw)) return [...BROWSING_RULES];
  if (['off', 'none', 'false'].includes(raw)) return [];
  const rules = raw.split(',').map((r) => r.trim());
  const unknown = rules.filter((r) => !(BROWSING_RULES as readonly string[]).includes(r));
  if (unknown.length) {
    throw new ConfigError(`HOTLINE_ALERT_SUSPEND="${env.HOTLINE_ALERT_SUSPEND}" is not allowed; use on, off, or a list of rules from: ${BROWSING_RULES.join(', ')}.`);
  }
  return rules as BrowsingRule[];
}

function clock(text: string, allow24: boolean): number | null {
  const m = /^([0-9]{1,2}):([0-9]{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && (minutes < 1440 || (allow24 && minutes === 1440)) ? minutes : null;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "mon-fri", "mon,wed,fri", "sat-mon" → ISO weekdays. */
function weekdays(env: Env, name: string, fallback: string): number[] {
  const raw = (env[name]?.trim() || fallback).toLowerCase();
  const days = new Set<number>();
  for (const part of raw.split(',')) {
    const [a, b, ...rest] = part.trim().split('-');
    const from = DAY_NAMES.indexOf(a);
    const to = b === undefined ? from : DAY_NAMES.indexOf(b);
    if (from < 0 || to < 0 || rest.length) {
      throw new ConfigError(`${name}="${env[name]}" is not a list of days; use e.g. mon-fri or mon,tue,sat (day names ${DAY_NAMES.join(', ')}).`);
    }
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d + 1);
      if (d === to) break;
    }
  }
  return [...days].sort();
}

function workingHours(env: Env): WorkingHours {
  const raw = env.HOTLINE_WORKING_HOURS?.trim() || '07:00-22:00';
  const [fromText, toText, ...rest] = raw.split('-');
  const from = clock(fromText ?? '', false);
  const to = toText === undefined ? null : clock(toText, true);
  if (from === null || to === null || rest.length || from === to) {
    throw new ConfigError(`HOTLINE_WORKING_HOURS="${raw}" is not a time range; use HH:MM-HH:MM, e.g. 07:00-22:00 (00:00-24:00 turns the rule off).`);
  }
  const timeZone = env.HOTLINE_TIME_ZONE?.trim() || 'Europe/Amsterdam';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw new ConfigError(`HOTLINE_TIME_ZONE="${timeZone}" is not a time zone this Node.js knows; use an IANA name such as Europe/Amsterdam.`);
  }
  return { from, to, days: weekdays(env, 'HOTLINE_WORKING_DAYS', 'mon-sun'), timeZone };
}

function hotlineAlerts(env: Env): HotlineAlertConfig {
  return {
    suspendRules: suspendRules(env),
    missesInARow: int(env, 'HOTLINE_ALERT_MISSES_IN_A_ROW', 6, 0, 1000),
    burstLookups: int(env, 'HOTLINE_ALERT_BURST_LOOKUPS', 20, 0, 100000),
    burstWindowSeconds: int(env, 'HOTLINE_ALERT_BURST_WINDOW_SECONDS', 300, 1, 86400),
    outsideHoursLookups: int(env, 'HOTLINE_ALERT_OUTSIDE_HOURS_LOOKUPS', 1, 0, 1000),
    workingHours: workingHours(env),
    walkNumbers: int(env, 'HOTLINE_ALERT_WALK_NUMBERS', 4, 0, 1000),
    walkMaxStep: int(env, 'HOTLINE_ALERT_WALK_STEP', 2, 1, 100),
    walkWindowSeconds: int(env, 'HOTLINE_ALERT_WALK_WINDOW_SECONDS', 3600, 1, 7 * 86400),
  };
}

export function loadConfig(env: Env): AppConfig {
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const appSecret = env.APP_SECRET?.trim() || '';
  if (nodeEnv === 'production' && appSecret.length < 32) {
    throw new ConfigError('APP_SECRET must be set to at least 32 random characters when NODE_ENV=production (e.g. `openssl rand -hex 32`).');
  }
  let dataKeys: DataKeys;
  try {
    dataKeys = parseDataKeys(env.DATA_KEYS, nodeEnv === 'production');
  } catch (err) {
    if (err instanceof DataKeysError) throw new ConfigError(err.message);
    throw err;
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
    compileLetters: true,
    appSecret: appSecret || DEFAULT_DEV_SECRET,
    dataKeys,
    webhookSecret: env.WEBHOOK_SECRET?.trim() || undefined,
    sendRate: int(env, 'SEND_RATE', 100, 1, 100000),
    sendAttempts: int(env, 'SEND_ATTEMPTS', 5, 1, 50),
    sendFailurePauseAfter: int(env, 'SEND_FAILURE_PAUSE_AFTER', 50, 1, 1000000),
    sendAutoResumeSeconds: int(env, 'SEND_AUTO_RESUME_SECONDS', 60, 0, 3600),
    sendLeaseSeconds: int(env, 'SEND_LEASE_SECONDS', 120, 5, 86400),
    sendRetryBaseMs: int(env, 'SEND_RETRY_BASE_MS', 30000, 10, 3600000),
    sendConcurrency: int(env, 'SEND_CONCURRENCY', 32, 1, 1000),
    smtpPoolSize: int(env, 'SMTP_POOL_SIZE', 10, 1, 200),
    workers: int(env, 'WORKERS', 1, 0, 64),
    workerNice: int(env, 'WORKER_NICE', 10, 0, 19),
    workerHeapMb: workerHeapMb(env),
    reconcileIntervalSeconds: int(env, 'RECONCILE_INTERVAL_SECONDS', 5, 1, 3600),
    uploadLimitBytes: int(env, 'UPLOAD_LIMIT_MB', 200, 1, 10240) * 1024 * 1024,
    uploadDir: env.UPLOAD_DIR?.trim() || 'var/uploads',
    outboxDir: env.OUTBOX_DIR?.trim() || 'outbox',
    printDir: env.PRINT_DIR?.trim() || 'var/print',
    printReturnAddress: env.PRINT_RETURN_ADDRESS?.trim() || '',
    printLeaseSeconds: int(env, 'PRINT_LEASE_SECONDS', 300, 5, 86400),
    printFileLetters: int(env, 'PRINT_FILE_LETTERS', 1000, 1, 5000),
    queuePrefix: env.QUEUE_PREFIX?.trim() || 'fw',
    hotlineLookupLimit: int(env, 'HOTLINE_LOOKUP_LIMIT', 30, 0, 1000000),
    hotlineLookupWindowSeconds: int(env, 'HOTLINE_LOOKUP_WINDOW_SECONDS', 600, 1, 86400),
    breachReportLimit: int(env, 'BREACH_REPORT_LIMIT', 5, 0, 100000),
    breachReportWindowSeconds: int(env, 'BREACH_REPORT_WINDOW_SECONDS', 3600, 1, 86400),
    reminderIntervalSeconds: int(env, 'REMINDER_INTERVAL_SECONDS', 60, 1, 3600),
    retentionDays: int(env, 'RETENTION_DAYS', 180, 0, 3650),
    purgeSweepSeconds: int(env, 'PURGE_SWEEP_SECONDS', 60, 1, 86400),
    postedPrintFilesDays: int(env, 'POSTED_PRINT_FILES_DAYS', 30, 0, 3650),
    hotlineAlerts: hotlineAlerts(env),
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
