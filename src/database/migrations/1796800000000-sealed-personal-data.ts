import { MigrationInterface, QueryRunner } from 'typeorm';
import { PersonalFields, sealCustomer } from '../../customers/sealed-customer';
import { writeSealed } from '../../customers/sealed-writes';
import { keyringFor } from '../../data-keys/keyring';
import { keysForMigrations } from '../../data-keys/migration-keys';

const BATCH = 1000;

/**
 * Customers' personal data and hotline notes sealed at rest (README, "Data at rest"): the
 * plaintext columns become one AES-256-GCM value per customer plus keyed blind indexes, existing
 * rows are sealed in batches under the newest DATA_KEYS key, then the plaintext columns go and the
 * table is rebuilt, so their old values do not linger in the table's free space.
 */
export class SealedPersonalData1796800000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const keyring = keyringFor(keysForMigrations());
    await q.query(
      `CREATE TABLE data_keys (id varchar(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, checkValue varbinary(255) NOT NULL,
        createdAt datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (id)) ENGINE=InnoDB`,
    );
    await q.query(
      `ALTER TABLE affected_customers ADD personal varbinary(1024) NULL, ADD dataKeyId varchar(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD numberIndex binary(16) NULL, ADD addressIndex binary(16) NULL, ADD hasEmail tinyint NOT NULL DEFAULT 0`,
    );
    let after = '0';
    for (;;) {
      const rows = (await q.query(
        `SELECT id, customerNumber, name, email, phone, street, houseNumber, houseNumberSuffix, postcode, city, DATE_FORMAT(birthDate, '%Y-%m-%d') AS birthDate
           FROM affected_customers WHERE id > ? ORDER BY id LIMIT ${BATCH}`,
        [after],
      )) as (PersonalFields & { id: string })[];
      if (rows.length === 0) break;
      await writeSealed(
        q,
        rows.map((r) => ({ id: String(r.id), sealed: sealCustomer(keyring, r) })),
      );
      after = String(rows[rows.length - 1].id);
    }
    await q.query(
      `ALTER TABLE affected_customers DROP INDEX uq_customer_incident_number, DROP INDEX ix_customer_address,
        DROP COLUMN customerNumber, DROP COLUMN name, DROP COLUMN email, DROP COLUMN phone, DROP COLUMN street, DROP COLUMN houseNumber,
        DROP COLUMN houseNumberSuffix, DROP COLUMN postcode, DROP COLUMN city, DROP COLUMN birthDate, DROP COLUMN contentHash,
        ADD UNIQUE INDEX uq_customer_incident_number (incidentId, numberIndex), ADD INDEX ix_customer_address (incidentId, addressIndex),
        ADD INDEX ix_customer_data_key (dataKeyId), FORCE`,
    );

    await q.query(`ALTER TABLE contacts ADD sealedNotes varbinary(8300) NULL, ADD notesKeyId varchar(32) CHARACTER SET ascii COLLATE ascii_bin NULL`);
    after = '0';
    for (;;) {
      const rows = (await q.query(`SELECT id, notes FROM contacts WHERE id > ? AND notes IS NOT NULL ORDER BY id LIMIT ${BATCH}`, [after])) as { id: string; notes: string }[];
      if (rows.length === 0) break;
      for (const r of rows) await q.query('UPDATE contacts SET sealedNotes = ?, notesKeyId = ? WHERE id = ?', [keyring.seal(r.notes), keyring.newestId, r.id]);
      after = String(rows[rows.length - 1].id);
    }
    await q.query('ALTER TABLE contacts DROP COLUMN notes, CHANGE sealedNotes notes varbinary(8300) NULL, FORCE');
  }

  down(): Promise<void> {
    // Going back would write every customer's personal data out in plain text again.
    return Promise.reject(new Error('SealedPersonalData cannot be undone: it would put personal data back in plain text. Restore a backup taken before it instead.'));
  }
}
