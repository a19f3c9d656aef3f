import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { openCustomer } from '../src/customers/sealed-customer';
import { keyringFor } from '../src/data-keys/keyring';
import { dataSourceOptions } from '../src/database/data-source';
import { migrate } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { SealedPersonalData1796800000000 } from '../src/database/migrations/1796800000000-sealed-personal-data';
import { ensureDatabase } from '../src/database/preflight';
import { testServerUrls } from './support/test-env';

/** A database as it was before sealing (plaintext columns), then `migrate`: every row sealed, nothing plain left. */
describe(SealedPersonalData1796800000000.name, () => {
  const { mysql } = testServerUrls();
  const dbName = `fw_test_mig_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({ DATABASE_URL: `${mysql}/${dbName}`, DATA_KEYS: `k1:${Buffer.alloc(32, 5).toString('base64')}` });

  afterAll(async () => {
    const ds = new DataSource({ type: 'mysql', url: mysql });
    await ds.initialize();
    await ds.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await ds.destroy();
  });

  it('seals the existing customers and contact notes of a database made before it, and drops the plaintext columns', async () => {
    await ensureDatabase(config);
    const before = new DataSource({ ...dataSourceOptions(config), migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(SealedPersonalData1796800000000)) });
    await before.initialize();
    await before.runMigrations();
    await before.query(
      `INSERT INTO affected_customers (incidentId, customerNumber, name, email, phone, street, houseNumber, houseNumberSuffix, postcode, city, birthDate, language, formerCustomer, tierSeverity, exposedMask, contentHash)
       VALUES (1, 'K-001', 'Ans Kok', 'ans@mail.example', '+31612345678', 'Polderweg', '12', 'A', '1641 AB', 'Lindehoven', '1940-03-01', 'en', 1, 3, 5, 'abc'),
              (1, 'k-001', 'Bas Kok', NULL, NULL, NULL, NULL, '', NULL, NULL, NULL, 'nl', 0, 1, 1, '')`,
    );
    // More than one batch of the migration (1,000 rows).
    for (let from = 1; from <= 2500; from += 500) {
      const numbers = Array.from({ length: 500 }, (_, i) => from + i);
      await before.query(`INSERT INTO affected_customers (incidentId, customerNumber, name, tierSeverity) VALUES ${numbers.map(() => '(2, ?, ?, 2)').join(',')}`, numbers.flatMap((n) => [`M${n}`, `Klant ${n}`]));
    }
    await before.query("INSERT INTO contacts (incidentId, customerId, staffId, outcome, notes) VALUES (1, 1, 1, 'worried', 'Belde over de brief'), (1, 1, 1, 'informed', NULL)");
    await before.destroy();

    await migrate(config);

    const db = new DataSource(dataSourceOptions(config));
    await db.initialize();
    try {
      const columns = (await db.query<{ name: string }[]>('SELECT COLUMN_NAME AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?', [dbName, 'affected_customers'])).map((c) => c.name);
      for (const plain of ['customerNumber', 'name', 'email', 'phone', 'street', 'houseNumber', 'houseNumberSuffix', 'postcode', 'city', 'birthDate', 'contentHash']) expect(columns).not.toContain(plain);
      const ring = keyringFor(config.dataKeys);
      const rows = await db.query<{ personal: Buffer; dataKeyId: string; numberIndex: Buffer; addressIndex: Buffer | null; hasEmail: number; language: string; tierSeverity: number }[]>(
        'SELECT personal, dataKeyId, numberIndex, addressIndex, hasEmail, language, tierSeverity FROM affected_customers ORDER BY id',
      );
      expect(rows).toHaveLength(2502);
      expect(rows.every((r) => r.dataKeyId === 'k1' && r.personal !== null)).toBe(true);
      expect(openCustomer(ring, rows[0].personal)).toEqual({
        customerNumber: 'K-001',
        name: 'Ans Kok',
        email: 'ans@mail.example',
        phone: '+31612345678',
        street: 'Polderweg',
        houseNumber: '12',
        houseNumberSuffix: 'A',
        postcode: '1641 AB',
        city: 'Lindehoven',
        birthDate: '1940-03-01',
      });
      expect(rows[0]).toMatchObject({ numberIndex: ring.numberIndex('K-001'), addressIndex: ring.addressIndex('1641 AB', '12', 'A'), hasEmail: 1, language: 'en', tierSeverity: 3 });
      expect(rows[1]).toMatchObject({ numberIndex: ring.numberIndex('k-001'), addressIndex: null, hasEmail: 0 });
      expect(openCustomer(ring, rows[2501].personal)).toMatchObject({ customerNumber: 'M2500', name: 'Klant 2500', email: null, houseNumberSuffix: '' });
      const notes = await db.query<{ notes: Buffer | null; notesKeyId: string | null }[]>('SELECT notes, notesKeyId FROM contacts ORDER BY id');
      expect(ring.open(notes[0].notes!)).toBe('Belde over de brief');
      expect(notes[0].notesKeyId).toBe('k1');
      expect(notes[1]).toEqual({ notes: null, notesKeyId: null });
      // Migrated again (a restart): nothing to do, and the key check passes.
      await expect(migrate(config)).resolves.toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
