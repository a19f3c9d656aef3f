import { createConnection } from 'mysql2/promise';
import { ConfigError } from '../src/config/config';
import { checkRedis } from '../src/database/preflight';
import { ensureTestTools } from './support/system-tools';
import { testServerUrls } from './support/test-env';

/**
 * Fails the run at once, with the fix, when MySQL or Redis is not there (and leaves nothing behind);
 * provides Chromium and poppler-utils when they are missing.
 */
export default async function globalSetup(): Promise<void> {
  const { mysql, redis } = testServerUrls();
  try {
    const conn = await createConnection({ uri: mysql, connectTimeout: 5000 });
    await conn.end();
  } catch (err) {
    throw new ConfigError(`Tests need MySQL at ${mysql} (${(err as { code?: string }).code ?? 'unreachable'}): start MariaDB or set TEST_MYSQL_URL.`);
  }
  await checkRedis({ redisUrl: redis });
  ensureTestTools();
}
