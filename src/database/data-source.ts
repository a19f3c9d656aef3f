import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl'>): DataSourceOptions {
  return {
    type: 'mysql',
    url: config.databaseUrl.replace(/^mariadb:/, 'mysql:'),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // All times are stored and read as UTC.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // Bulk upserts send thousands of rows per statement.
    extra: { connectionLimit: 10, maxPreparedStatements: 256 },
    supportBigNumbers: true,
    bigNumberStrings: true,
    logging: false,
  };
}
