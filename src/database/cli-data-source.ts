import 'dotenv/config';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source';

/** Only for the TypeORM CLI (`npm run typeorm -- migration:generate …`); the app builds its own. */
export default new DataSource(dataSourceOptions(loadConfig(process.env)));
