import { ConfigError } from '../config/config';
import type { Queryable } from '../customers/sealed-writes';
import { DataKeys, DataKeysError, Keyring, keyringFor } from './keyring';

const CHECK_TEXT = 'fraud-warning-mailer data key check v1';

let toldDerived = false;

/**
 * Start-up check of DATA_KEYS against the database (after migrations): every configured key
 * opens the check value stored for its id (the first time an id is seen, one is stored), and
 * every key id that sealed stored data is configured. Otherwise a ConfigError naming the key id,
 * never the key. Returns the keyring.
 */
export async function checkDataKeys(db: Queryable, keys: DataKeys, log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<Keyring> {
  const keyring = keyringFor(keys);
  if (keys.derived && !toldDerived) {
    toldDerived = true;
    log(
      JSON.stringify({
        level: 'warn',
        context: 'data-keys',
        msg: 'DATA_KEYS is not set: personal data is sealed with the fixed development key (id "dev"); set DATA_KEYS before any real data (README, "Data at rest")',
      }),
    );
  }
  for (const id of keyring.ids) {
    await db.query('INSERT IGNORE INTO data_keys (id, checkValue) VALUES (?, ?)', [id, keyring.seal(CHECK_TEXT, id)]);
    const [row] = (await db.query('SELECT checkValue FROM data_keys WHERE id = ?', [id])) as { checkValue: Buffer }[];
    let opened: string | undefined;
    try {
      opened = keyring.open(row.checkValue);
    } catch (err) {
      if (!(err instanceof DataKeysError)) throw err;
    }
    if (opened !== CHECK_TEXT) {
      throw new ConfigError(
        `DATA_KEYS key id "${id}" holds a different key than the one this database first saw under that id: data sealed with it would not open. Configure the original key for "${id}" (a new key needs a new id).`,
      );
    }
  }
  const used = new Set<string>();
  const customers = (await db.query('SELECT DISTINCT dataKeyId AS id FROM affected_customers WHERE dataKeyId IS NOT NULL')) as { id: string }[];
  const notes = (await db.query('SELECT DISTINCT notesKeyId AS id FROM contacts WHERE notesKeyId IS NOT NULL')) as { id: string }[];
  for (const r of [...customers, ...notes]) used.add(r.id);
  const missing = [...used].filter((id) => !keyring.ids.includes(id));
  if (missing.length) {
    throw new ConfigError(
      `Stored personal data is sealed under key id${missing.length > 1 ? 's' : ''} ${missing.map((id) => `"${id}"`).join(', ')}, which DATA_KEYS does not hold: add ${missing.length > 1 ? 'them' : 'it'} back (id:base64key), and remove a key only after keys:rotate reports nothing left under it.`,
    );
  }
  return keyring;
}
