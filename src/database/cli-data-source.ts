import 'dotenv/config';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { useKeysForMigrations } from '../data-keys/migration-keys';
import { dataSourceOptions } from './data-source';

const config = loadConfig(process.env);
useKeysForMigrations(config.dataKeys);

/** Only for the TypeORM CLI (`npm run typeorm -- migration:generate …`); the app builds its own. */
export default new DataSource(dataSourceOptions(config));
