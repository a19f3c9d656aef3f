import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { checkDataKeys } from '../data-keys/key-check';
import { useKeysForMigrations } from '../data-keys/migration-keys';
import { dataSourceOptions } from './data-source';

/**
 * Applies pending migrations, then checks DATA_KEYS against the database (src/data-keys/key-check.ts).
 * A MySQL named lock keeps two processes starting at the same time (an API and a worker) from
 * running the same migration twice.
 */
export async function migrate(config: Pick<AppConfig, 'databaseUrl' | 'dataKeys'> & Partial<Pick<AppConfig, 'logLevel'>>): Promise<string[]> {
  useKeysForMigrations(config.dataKeys);
  const ds = new DataSource({ ...dataSourceOptions(config), extra: { connectionLimit: 1 } });
  await ds.initialize();
  try {
    const [{ got }] = await ds.query<{ got: number }[]>("SELECT GET_LOCK('fraud_warning_migrations', 60) AS got");
    if (Number(got) !== 1) throw new Error('another process held the migration lock for 60 s');
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      // The development-key warning follows LOG_LEVEL like every other line (tests run at error).
      await checkDataKeys(ds, config.dataKeys, config.logLevel === 'error' ? () => undefined : undefined);
      return ran.map((m) => m.name);
    } finally {
      await ds.query("SELECT RELEASE_LOCK('fraud_warning_migrations')");
    }
  } finally {
    await ds.destroy();
  }
}
