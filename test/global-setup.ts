import { checkRedis, ensureDatabase } from '../src/database/preflight';
import { testServerUrls } from './support/test-env';

/** Fails the run at once, with the fix, when MySQL or Redis is not there. */
export default async function globalSetup(): Promise<void> {
  const { mysql, redis } = testServerUrls();
  await ensureDatabase({ databaseUrl: `${mysql}/fraud_warning_test` });
  await checkRedis({ redisUrl: redis });
}
