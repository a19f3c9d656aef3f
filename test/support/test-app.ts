import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { CLI_ACTOR } from '../../src/audit/audit.service';
import { createApp, prepare } from '../../src/bootstrap';
import { JsonLogger } from '../../src/common/json-logger';
import { AppConfig, loadConfig } from '../../src/config/config';
import { Role } from '../../src/staff/roles';
import { StaffService } from '../../src/staff/staff.service';
import { testServerUrls } from './test-env';

/**
 * An isolated installation for one test file: its own database (fw_test_<random>), its own Bull
 * key prefix and its own upload/outbox folders, all removed by `close()`. Several test files (and
 * several developers' runs) can share one MySQL and Redis without seeing each other.
 */
export interface TestInstallation {
  config: AppConfig;
  /** Raw SQL access for assertions. */
  db: DataSource;
  dir: string;
  /** Starts (another) application process-equivalent on this installation. */
  startApp(overrides?: Partial<AppConfig>): Promise<TestApp>;
  staffToken(role: Role, name?: string, email?: string): Promise<{ id: number; token: string }>;
  close(): Promise<void>;
}

export interface TestApp {
  app: INestApplication;
  /** For supertest: `request(t.http)`. */
  http: ReturnType<INestApplication['getHttpServer']>;
  /** Set when started with `listen: true`. */
  baseUrl: string;
  close(): Promise<void>;
}

export async function createInstallation(overrides: Partial<AppConfig> = {}): Promise<TestInstallation> {
  const { mysql, redis } = testServerUrls();
  const suffix = randomBytes(5).toString('hex');
  const dbName = `fw_test_${suffix}`;
  const dir = mkdtempSync(join(tmpdir(), 'fw-test-'));
  const config: AppConfig = {
    ...loadConfig({
      DATABASE_URL: `${mysql}/${dbName}`,
      REDIS_URL: redis,
      QUEUE_PREFIX: `fwt_${suffix}`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      UPLOAD_DIR: join(dir, 'uploads'),
      OUTBOX_DIR: join(dir, 'outbox'),
      WEBHOOK_SECRET: 'test-webhook-secret',
      PUBLIC_BASE_URL: 'http://fw.test',
      // Tests run at any hour; the working-hours alert rule has its own tests.
      HOTLINE_WORKING_HOURS: '00:00-24:00',
    }),
    ...overrides,
  };
  await prepare(config);
  const db = new DataSource({ type: 'mysql', url: config.databaseUrl, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true });
  await db.initialize();
  const apps: TestApp[] = [];

  const installation: TestInstallation = {
    config,
    db,
    dir,
    async startApp(appOverrides: Partial<AppConfig> & { listen?: boolean } = {}) {
      const { listen, ...rest } = appOverrides;
      const app = await createApp({ ...config, ...rest }, new JsonLogger(config.logLevel, process.stderr));
      let baseUrl = '';
      if (listen) {
        await app.listen(0, '127.0.0.1');
        baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      }
      const t: TestApp = {
        app,
        http: app.getHttpServer(),
        baseUrl,
        close: async () => {
          const i = apps.indexOf(t);
          if (i >= 0) apps.splice(i, 1);
          await app.close();
        },
      };
      apps.push(t);
      return t;
    },
    async staffToken(role, name = `${role} tester`, email) {
      // Created through a short-lived app so the hashing and auditing are the real ones.
      const temporary = apps.length === 0;
      const t = apps[0] ?? (await installation.startApp({ appRole: 'api' }));
      const created = await t.app.get(StaffService).create({ name, role, email }, CLI_ACTOR);
      if (temporary) await t.close();
      return { id: created.id, token: created.token };
    },
    async close() {
      for (const t of [...apps]) await t.close();
      await db.destroy();
      const conn = await createConnection({ uri: mysql });
      await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await conn.end();
      await deleteKeys(redis, `${config.queuePrefix}:*`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return installation;
}

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const r = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}
