import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { AppConfig, ConfigError, databaseName, redactUrl } from '../config/config';

/**
 * Before Nest starts: make sure MySQL answers (creating the database when missing) and Redis
 * answers. Failures become one ConfigError line naming the URL tried and what to do.
 */
export async function ensureDatabase(config: Pick<AppConfig, 'databaseUrl'>): Promise<void> {
  const url = new URL(config.databaseUrl);
  const name = databaseName(config.databaseUrl);
  let conn;
  try {
    conn = await createConnection({
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
      connectTimeout: 5000,
    });
  } catch (err) {
    throw new ConfigError(`Cannot reach MySQL at ${redactUrl(config.databaseUrl)} (${errorCode(err)}): start MariaDB/MySQL or set DATABASE_URL to a server that is running.`);
  }
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } catch (err) {
    throw new ConfigError(`MySQL at ${redactUrl(config.databaseUrl)} refused to create database "${name}" (${errorCode(err)}): create it yourself or grant CREATE to that user.`);
  } finally {
    await conn.end();
  }
}

export async function checkRedis(config: Pick<AppConfig, 'redisUrl'>): Promise<void> {
  const redis = new Redis(config.redisUrl, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let lastError: unknown;
  redis.on('error', (err) => (lastError = err));
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new ConfigError(`Cannot reach Redis at ${redactUrl(config.redisUrl)} (${errorCode(lastError ?? err)}): start redis-server or set REDIS_URL to a server that is running.`);
  } finally {
    redis.disconnect();
  }
}

export async function preflight(config: AppConfig): Promise<void> {
  await ensureDatabase(config);
  await checkRedis(config);
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  if (err instanceof Error) return err.message.split('\n')[0].slice(0, 120);
  return 'unknown error';
}
