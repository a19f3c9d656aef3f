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

  it('accepts production with a long secret', () => {
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'a'.repeat(32) }).appSecret).toBe('a'.repeat(32));
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
