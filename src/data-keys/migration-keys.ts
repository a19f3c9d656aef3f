import { DataKeys } from './keyring';

/**
 * The keys a migration that seals data uses. TypeORM constructs migrations itself, so `migrate`
 * hands the config's DATA_KEYS over here before it runs them.
 */
let current: DataKeys | undefined;

export function useKeysForMigrations(keys: DataKeys): void {
  current = keys;
}

export function keysForMigrations(): DataKeys {
  if (!current) throw new Error('this migration seals personal data and needs DATA_KEYS: run it through `migrate` (npm start, the CLI or the demo)');
  return current;
}
