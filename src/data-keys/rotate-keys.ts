import { personalFromText, sealCustomer } from '../customers/sealed-customer';
import { Queryable, writeSealed } from '../customers/sealed-writes';
import { Keyring } from './keyring';

export interface RotationResult {
  newestKeyId: string;
  customers: { resealed: number; changedMeanwhile: number };
  contacts: { resealed: number; changedMeanwhile: number };
  /** Values still sealed under each key id after this run (per table); a key with none left anywhere may be removed from DATA_KEYS. */
  remaining: { customers: Record<string, number>; contacts: Record<string, number> };
}

/**
 * Re-seals every customer and every contact note not under the newest key, in batches in id
 * order. Each batch is one compare-and-set statement (src/customers/sealed-writes.ts): a row an
 * import rewrote since it was read keeps the import's value (which is under the newest key
 * already) and counts as `changedMeanwhile`. Nothing is held between batches, so a killed run
 * loses nothing and running it again continues with what is left.
 */
export async function rotateKeys(db: Queryable, keyring: Keyring, options: { batchRows?: number; onBatch?: (done: number) => void } = {}): Promise<RotationResult> {
  const batchRows = options.batchRows ?? 1000;
  const newest = keyring.newestId;
  const customers = { resealed: 0, changedMeanwhile: 0 };
  let after = '0';
  for (;;) {
    const rows = (await db.query(
      `SELECT id, personal FROM affected_customers
        WHERE id > ? AND personal IS NOT NULL AND dataKeyId <> ? ORDER BY id LIMIT ${Number(batchRows)}`,
      [after, newest],
    )) as { id: string; personal: Buffer }[];
    if (rows.length === 0) break;
    const written = await retryLocked(() =>
      writeSealed(
      db,
      rows.map((r) => ({ id: String(r.id), sealed: sealCustomer(keyring, personalFromText(keyring.open(r.personal))), expected: r.personal })),
      ),
    );
    customers.resealed += written;
    customers.changedMeanwhile += rows.length - written;
    after = String(rows[rows.length - 1].id);
    options.onBatch?.(customers.resealed);
  }

  const contacts = { resealed: 0, changedMeanwhile: 0 };
  after = '0';
  for (;;) {
    const rows = (await db.query(`SELECT id, notes FROM contacts WHERE id > ? AND notes IS NOT NULL AND notesKeyId <> ? ORDER BY id LIMIT ${Number(batchRows)}`, [
      after,
      newest,
    ])) as { id: string; notes: Buffer }[];
    if (rows.length === 0) break;
    for (const r of rows) {
      const res = (await db.query('UPDATE contacts SET notes = ?, notesKeyId = ? WHERE id = ? AND notes = ?', [keyring.seal(keyring.open(r.notes)), newest, r.id, r.notes])) as {
        affectedRows?: number;
      };
      if (Number(res.affectedRows ?? 0) === 1) contacts.resealed++;
      else contacts.changedMeanwhile++;
    }
    after = String(rows[rows.length - 1].id);
  }
  return { newestKeyId: newest, customers, contacts, remaining: await remainingByKey(db) };
}

/**
 * A batch that waited too long for rows an import holds (its whole file is one transaction) or
 * lost a deadlock is simply tried again: it changed nothing, and its compare-and-set decides anew.
 */
async function retryLocked<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 20 || (code !== 'ER_LOCK_WAIT_TIMEOUT' && code !== 'ER_LOCK_DEADLOCK')) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** How many values each key id still seals. */
export async function remainingByKey(db: Queryable): Promise<RotationResult['remaining']> {
  const count = async (sql: string) => Object.fromEntries(((await db.query(sql)) as { id: string; n: string }[]).map((r) => [r.id, Number(r.n)]));
  return {
    customers: await count('SELECT dataKeyId AS id, COUNT(*) AS n FROM affected_customers WHERE dataKeyId IS NOT NULL GROUP BY dataKeyId ORDER BY dataKeyId'),
    contacts: await count('SELECT notesKeyId AS id, COUNT(*) AS n FROM contacts WHERE notesKeyId IS NOT NULL GROUP BY notesKeyId ORDER BY notesKeyId'),
  };
}
