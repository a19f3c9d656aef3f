import { ConfigError, databaseName, loadConfig, redactUrl } from './config';

describe(loadConfig.name, () => {
  it('has working defaults for every variable of the contract', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      databaseUrl: 'mysql://root@127.0.0.1:3306/fraud_warning',
      redisUrl: 'redis://127.0.0.1:6379',
      smtpUrl: undefined,
      publicBaseUrl: 'http://localhost:3000',
      port: 3000,
      appRole: 'all',
      sendRate: 100,
      uploadLimitBytes: 200 * 1024 * 1024,
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      DATABASE_URL: 'mysql://u:p@db:3307/fw',
      REDIS_URL: 'redis://cache:6380/2',
      SMTP_URL: 'smtp://mail:2525',
      PUBLIC_BASE_URL: 'https://warn.example/',
      PORT: '8080',
      APP_ROLE: 'worker',
      APP_SECRET: 'x'.repeat(40),
      WEBHOOK_SECRET: 'hook',
      SEND_RATE: '250',
    });
    expect(c).toMatchObject({ smtpUrl: 'smtp://mail:2525', publicBaseUrl: 'https://warn.example', port: 8080, appRole: 'worker', webhookSecret: 'hook', sendRate: 250 });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc" is not a whole number/],
    [{ PORT: '70000' }, /PORT=70000 is out of range/],
    [{ APP_ROLE: 'both' }, /APP_ROLE="both" is not allowed; use one of: all, api, worker/],
    [{ DATABASE_URL: 'postgres://x/y' }, /DATABASE_URL must start with mysql:\/\//],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL is not a valid URL/],
    [{ SEND_RATE: '0' }, /SEND_RATE=0 is out of range/],
    [{ NODE_ENV: 'production' }, /APP_SECRET must be set/],
  ])('refuses %p with a message saying what to fix', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('keeps personal data 180 days after closing unless RETENTION_DAYS says otherwise, 0 included', () => {
    expect(loadConfig({})).toMatchObject({ retentionDays: 180, purgeSweepSeconds: 60, postedPrintFilesDays: 30 });
    expect(loadConfig({ RETENTION_DAYS: '0', PURGE_SWEEP_SECONDS: '1', POSTED_PRINT_FILES_DAYS: '0' })).toMatchObject({ retentionDays: 0, purgeSweepSeconds: 1, postedPrintFilesDays: 0 });
    expect(() => loadConfig({ RETENTION_DAYS: '-1' })).toThrow(/RETENTION_DAYS="-1" is not a whole number/);
    expect(() => loadConfig({ RETENTION_DAYS: '4000' })).toThrow(/RETENTION_DAYS=4000 is out of range; use a number between 0 and 3650/);
    expect(() => loadConfig({ PURGE_SWEEP_SECONDS: '0' })).toThrow(/PURGE_SWEEP_SECONDS=0 is out of range/);
  });

  it('bounds the worker heap at 192 MiB unless WORKER_HEAP_MB says otherwise; 0 leaves it to Node', () => {
    expect(loadConfig({}).workerHeapMb).toBe(192);
    expect(loadConfig({ WORKER_HEAP_MB: '0' }).workerHeapMb).toBe(0);
    expect(loadConfig({ WORKER_HEAP_MB: '512' }).workerHeapMb).toBe(512);
    expect(() => loadConfig({ WORKER_HEAP_MB: '32' })).toThrow(/WORKER_HEAP_MB=32 is too small for a worker; use 0 \(Node's defaults\) or 64 and more/);
  });

  it('accepts production with a long secret', () => {
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'a'.repeat(32), DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` }).appSecret).toBe('a'.repeat(32));
  });
});

describe(databaseName.name, () => {
  it('takes the database from the URL path and refuses odd names', () => {
    expect(databaseName('mysql://root@h:3306/fraud_warning')).toBe('fraud_warning');
    expect(() => databaseName('mysql://root@h:3306/a;drop')).toThrow(ConfigError);
    expect(() => databaseName('mysql://root@h:3306/')).toThrow(ConfigError);
  });
});

describe(redactUrl.name, () => {
  it('hides the password', () => {
    expect(redactUrl('mysql://root:secret@h:3306/db')).toBe('mysql://root:***@h:3306/db');
  });
});

describe('hotline alert settings', () => {
  it('has documented defaults: suspend on all rules but working hours, 6 misses, 20 lookups in 5 minutes, 07:00-22:00 Amsterdam every day, 4 neighbouring numbers in an hour', () => {
    expect(loadConfig({}).hotlineAlerts).toEqual({
      suspendRules: ['misses-in-a-row', 'burst', 'address-walk'],
      missesInARow: 6,
      burstLookups: 20,
      burstWindowSeconds: 300,
      outsideHoursLookups: 1,
      workingHours: { from: 420, to: 1320, days: [1, 2, 3, 4, 5, 6, 7], timeZone: 'Europe/Amsterdam' },
      walkNumbers: 4,
      walkMaxStep: 2,
      walkWindowSeconds: 3600,
    });
  });

  it('reads hours, days and switches', () => {
    const c = loadConfig({ HOTLINE_ALERT_SUSPEND: 'off', HOTLINE_WORKING_HOURS: '22:00-06:00', HOTLINE_WORKING_DAYS: 'fri-mon', HOTLINE_TIME_ZONE: 'UTC' }).hotlineAlerts;
    expect(c).toMatchObject({ suspendRules: [], workingHours: { from: 1320, to: 360, days: [1, 5, 6, 7], timeZone: 'UTC' } });
    expect(loadConfig({ HOTLINE_WORKING_DAYS: 'mon,wed' }).hotlineAlerts.workingHours.days).toEqual([1, 3]);
    expect(loadConfig({ HOTLINE_ALERT_SUSPEND: 'on' }).hotlineAlerts.suspendRules).toEqual(['misses-in-a-row', 'burst', 'outside-hours', 'address-walk']);
    expect(loadConfig({ HOTLINE_ALERT_SUSPEND: 'burst, outside-hours' }).hotlineAlerts.suspendRules).toEqual(['burst', 'outside-hours']);
  });

  it.each([
    [{ HOTLINE_WORKING_HOURS: '7-22' }, /HOTLINE_WORKING_HOURS="7-22" is not a time range; use HH:MM-HH:MM/],
    [{ HOTLINE_WORKING_HOURS: '09:00-09:00' }, /not a time range/],
    [{ HOTLINE_WORKING_DAYS: 'monday' }, /HOTLINE_WORKING_DAYS="monday" is not a list of days/],
    [{ HOTLINE_TIME_ZONE: 'Mars/Olympus' }, /HOTLINE_TIME_ZONE="Mars\/Olympus" is not a time zone/],
    [{ HOTLINE_ALERT_SUSPEND: 'maybe' }, /HOTLINE_ALERT_SUSPEND="maybe" is not allowed; use on, off, or a list of rules from: misses-in-a-row, burst/],
    [{ HOTLINE_ALERT_MISSES_IN_A_ROW: 'many' }, /not a whole number/],
  ])('refuses %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
