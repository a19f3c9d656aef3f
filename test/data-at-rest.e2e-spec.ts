import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { CLI_ACTOR } from '../src/audit/audit.service';
import { prepare } from '../src/bootstrap';
import { ConfigError } from '../src/config/config';
import { CustomersService } from '../src/customers/customers.service';
import { erasePersonalData } from '../src/customers/personal-data';
import { Keyring, keyringFor, parseDataKeys } from '../src/data-keys/keyring';
import { rotateKeys } from '../src/data-keys/rotate-keys';
import { ImportsService } from '../src/imports/imports.service';
import { fromRoot } from '../src/common/project-root';
import { openedCustomers, seedIncident } from './support/seed';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

const run = promisify(execFile);

/** The installation's database as `mysqldump` writes it: plain (`hex: false`) or with binary columns as hex. */
async function dump(inst: TestInstallation, hex = false): Promise<string> {
  const url = new URL(inst.config.databaseUrl);
  const args = ['-h', url.hostname, '-P', url.port || '3306', '-u', decodeURIComponent(url.username || 'root'), '--skip-extended-insert', ...(hex ? ['--hex-blob'] : [])];
  if (url.password) args.push(`-p${decodeURIComponent(url.password)}`);
  const { stdout } = await run('mysqldump', [...args, url.pathname.slice(1)], { maxBuffer: 512 * 1024 * 1024, encoding: 'latin1' });
  // latin1 keeps every byte; the values searched for are turned into the same byte strings.
  return stdout;
}

/** `value` as the bytes MySQL writes for it (UTF-8), in the latin1 string `dump` returns. */
function bytes(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1');
}

/**
 * Which of `values` occur in `text`: as their UTF-8 bytes, or as the hex of those bytes (how a
 * --hex-blob dump shows a binary column). A value made only of hex digits (a customer number
 * such as 40119488) counts only where no hex digit touches it: inside the hex of a sealed value
 * or of an HMAC such digit runs occur by chance, while stored text stands between quotes.
 */
function found(text: string, values: Iterable<string>): string[] {
  const upper = text.toUpperCase();
  // Every run of hex digits with no hex digit on either side, once, instead of a scan per value.
  const hexRuns = new Set(text.match(/(?<![0-9a-fA-F])[0-9a-fA-F]+(?![0-9a-fA-F])/g) ?? []);
  return [...new Set(values)].filter((v) => {
    const hex = Buffer.from(v, 'utf8').toString('hex').toUpperCase();
    if (hex.length >= 12 && upper.includes(hex)) return true;
    return /^[0-9a-fA-F]+$/.test(v) ? hexRuns.has(v) : text.includes(bytes(v));
  });
}

const b64 = (fill: number) => Buffer.alloc(32, fill).toString('base64');

describe('Data at rest', () => {
  describe('a dump after importing', () => {
    let inst: TestInstallation;
    let t: TestApp;
    let incidentId: number;
    const every = {
      customerNumber: 'CRYPT-K-0042',
      name: 'Wilhelmina Kwakkelstein',
      email: 'w.kwakkelstein@mail.example',
      phone: '+31687654321',
      rawPhone: '06-87654321',
      street: 'Zeldzamestraat',
      postcode: '9461 QX',
      city: 'Oosterzeldzaam',
      birthDate: '1931-07-19',
      rawBirthDate: '19-07-1931',
      notes: 'Belde bezorgd: iemand deed zich voor als de bank en kende haar geheime vraag',
    };

    beforeAll(async () => {
      inst = await createInstallation();
      t = await inst.startApp({ appRole: 'api' });
      incidentId = await seedIncident(inst.db);
      const imports = t.app.get(ImportsService);
      // The demo's three sample files (3,314 fictional customers), as the demo imports them.
      for (const tier of ['photographed', 'viewed', 'searched'] as const) {
        const s = await imports.importFile(incidentId, tier, false, fromRoot(`imports/samples/${tier}.csv`), CLI_ACTOR);
        expect(s.status).toBe('completed');
      }
      // A second file through the merge path, with every column filled (the raw forms as a file gives them).
      const file = join(inst.dir, 'every-column.csv');
      writeFileSync(
        file,
        'klantnummer;naam;email;telefoon;straat;huisnummer;toevoeging;postcode;plaats;geboortedatum;taal\n' +
          `${every.customerNumber};${every.name};${every.email};${every.rawPhone};${every.street};17;bis;9461QX;${every.city};${every.rawBirthDate};en\n`,
      );
      expect(await imports.importFile(incidentId, 'photographed', false, file, CLI_ACTOR)).toMatchObject({ status: 'completed', customersCreated: 1, rowsRejected: 0 });
      const hotline = await inst.staffToken('hotline', 'Chantal Smit');
      await request(t.http)
        .post('/api/hotline/contacts')
        .set('Authorization', `Bearer ${hotline.token}`)
        .send({ incidentId, customerNumber: every.customerNumber, outcome: 'fraud-attempt', notes: every.notes })
        .expect(201);
    });

    afterAll(async () => {
      await t?.close();
      await inst?.close();
    });

    /** Every personal value stored, as the application reads it back (opened with the key). */
    async function personalValues(): Promise<string[]> {
      const values: string[] = [every.rawPhone, every.rawBirthDate, every.notes, '9461QX'];
      for (const c of await openedCustomers(inst.db, incidentId)) {
        for (const v of [c.customerNumber, c.name, c.email, c.phone, c.street, c.postcode, c.city, c.birthDate]) if (v) values.push(v);
      }
      return values;
    }

    it('holds none of the imported names, e-mails, phones, streets, postcodes, cities, birth dates, customer numbers or contact notes', async () => {
      const values = await personalValues();
      expect(values.length).toBeGreaterThan(2000 * 7);
      const customer = await t.app.get(CustomersService).findByNumber(incidentId, every.customerNumber);
      expect(customer).toMatchObject({ name: every.name, phone: every.phone, postcode: every.postcode, birthDate: every.birthDate, houseNumberSuffix: 'BIS', language: 'en' });
      expect(found(await dump(inst), values)).toEqual([]);
      expect(found(await dump(inst, true), values)).toEqual([]);
    });

    it('would find them if they were stored in plain text (the search itself works)', async () => {
      // The same search over the same dumps, after one name, one birth date and the notes are put in plain text elsewhere.
      await inst.db.query('UPDATE incidents SET description = ? WHERE id = ?', [`${every.name} ${every.birthDate}`, incidentId]);
      await inst.db.query('CREATE TABLE plaintext_probe (v varbinary(200))');
      await inst.db.query('INSERT INTO plaintext_probe VALUES (?)', [Buffer.from(every.notes, 'utf8')]);
      try {
        const values = await personalValues();
        expect(found(await dump(inst), values).sort()).toEqual([every.birthDate, every.name, every.notes].sort());
        expect(found(await dump(inst, true), values).sort()).toEqual([every.birthDate, every.name, every.notes].sort());
      } finally {
        await inst.db.query('DROP TABLE plaintext_probe');
        await inst.db.query("UPDATE incidents SET description = 'A contractor looked up records without a reason.' WHERE id = ?", [incidentId]);
      }
    });

    it('erases an incident\'s personal data: nothing left to open, lookups miss, counts stay', async () => {
      const other = await seedIncident(inst.db);
      const before = await t.app.get(CustomersService).countByTier(incidentId);
      const [all] = await inst.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM affected_customers WHERE incidentId = ?', [incidentId]);
      const erased = await erasePersonalData(inst.db.manager, incidentId);
      expect(erased).toBe(Number(all.n));
      expect(await erasePersonalData(inst.db.manager, incidentId)).toBe(0);
      expect(await erasePersonalData(inst.db.manager, other)).toBe(0);
      expect(await t.app.get(CustomersService).findByNumber(incidentId, every.customerNumber)).toBeNull();
      expect(await t.app.get(CustomersService).countByTier(incidentId)).toEqual(before);
      const [left] = await inst.db.query<{ n: string }[]>(
        'SELECT COUNT(*) AS n FROM affected_customers WHERE incidentId = ? AND (personal IS NOT NULL OR numberIndex IS NOT NULL OR addressIndex IS NOT NULL OR dataKeyId IS NOT NULL)',
        [incidentId],
      );
      expect(Number(left.n)).toBe(0);
      const [notes] = await inst.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM contacts WHERE incidentId = ? AND notes IS NOT NULL', [incidentId]);
      expect(Number(notes.n)).toBe(0);
    });
  });

  describe('keys', () => {
    let inst: TestInstallation;

    beforeAll(async () => {
      inst = await createInstallation({ dataKeys: parseDataKeys(`k1:${b64(1)}`, true) });
      const incidentId = await seedIncident(inst.db);
      const t = await inst.startApp({ appRole: 'api' });
      const file = join(inst.dir, 'one.csv');
      writeFileSync(file, 'klantnummer;naam;email\nK1;Ans Kok;ans@mail.example\n');
      await t.app.get(ImportsService).importFile(incidentId, 'viewed', false, file, CLI_ACTOR);
      await t.close();
    });

    afterAll(async () => {
      await inst?.close();
    });

    it('refuses to start with another key under a known key id, naming the id and not the key', async () => {
      const err = await prepare({ ...inst.config, dataKeys: parseDataKeys(`k1:${b64(9)}`, true) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect(String(err)).toMatch(/DATA_KEYS key id "k1" holds a different key than the one this database first saw/);
      expect(String(err)).not.toContain(b64(9));
      expect(String(err)).not.toContain(b64(1));
    });

    it('refuses to start without a key that stored data is sealed under', async () => {
      const err = await prepare({ ...inst.config, dataKeys: parseDataKeys(`k2:${b64(2)}`, true) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect(String(err)).toMatch(/sealed under key id "k1", which DATA_KEYS does not hold/);
    });

    it('starts with the right key, and with a new key added after it', async () => {
      await expect(prepare(inst.config)).resolves.toBeUndefined();
      await expect(prepare({ ...inst.config, dataKeys: parseDataKeys(`k1:${b64(1)},k2:${b64(2)}`, true) })).resolves.toBeUndefined();
    });
  });

  describe('keys:rotate under load', () => {
    let inst: TestInstallation;
    let incidentId: number;
    const CUSTOMERS = 6000;
    const oldKeys = parseDataKeys(`k1:${b64(1)}`, true);
    const bothKeys = parseDataKeys(`k1:${b64(1)},k2:${b64(2)}`, true);

    const numberOf = (i: number) => `R${String(i).padStart(6, '0')}`;

    beforeAll(async () => {
      inst = await createInstallation({ dataKeys: oldKeys });
      incidentId = await seedIncident(inst.db);
      const t = await inst.startApp({ appRole: 'api' });
      const lines = ['klantnummer;naam;email;straat;huisnummer;postcode;plaats;geboortedatum'];
      for (let i = 1; i <= CUSTOMERS; i++) lines.push(`${numberOf(i)};Klant ${i};klant${i}@mail.example;Dijk;${(i % 300) + 1};1641 AB;Lindehoven;01-02-1950`);
      const file = join(inst.dir, 'first.csv');
      writeFileSync(file, lines.join('\n') + '\n');
      expect(await t.app.get(ImportsService).importFile(incidentId, 'viewed', false, file, CLI_ACTOR)).toMatchObject({ status: 'completed', customersCreated: CUSTOMERS });
      const hotline = await inst.staffToken('hotline');
      await request(t.http).post('/api/hotline/contacts').set('Authorization', `Bearer ${hotline.token}`).send({ incidentId, customerNumber: numberOf(7), outcome: 'worried', notes: 'Notitie onder k1' }).expect(201);
      await t.close();
    });

    afterAll(async () => {
      await inst?.close();
    });

    it('re-seals everything under the new key while lookups and an import merge run; nothing is lost, every customer opens with only the new key', async () => {
      await prepare({ ...inst.config, dataKeys: bothKeys });
      const t = await inst.startApp({ appRole: 'api', dataKeys: bothKeys });
      try {
        const customers = t.app.get(CustomersService);
        // The merge: every third customer gets a new name, and 500 new customers arrive.
        const lines = ['klantnummer;naam;email'];
        for (let i = 3; i <= CUSTOMERS; i += 3) lines.push(`${numberOf(i)};Nieuwe Naam ${i};klant${i}@mail.example`);
        for (let i = CUSTOMERS + 1; i <= CUSTOMERS + 500; i++) lines.push(`${numberOf(i)};Nieuwkomer ${i};nieuw${i}@mail.example`);
        const file = join(inst.dir, 'merge.csv');
        writeFileSync(file, lines.join('\n') + '\n');

        let rotating = true;
        let lookups = 0;
        const lookupLoop = (async () => {
          let i = 0;
          while (rotating) {
            const n = (i++ * 7919) % CUSTOMERS + 1;
            const c = await customers.findByNumber(incidentId, numberOf(n));
            expect(c?.customerNumber).toBe(numberOf(n));
            const byAddress = await customers.findByAddress(incidentId, '1641 AB', String((n % 300) + 1), '');
            expect(byAddress.map((x) => x.customerNumber)).toContain(numberOf(n));
            lookups++;
          }
        })();
        const [rotation, merged] = await Promise.all([
          rotateKeys(inst.db, keyringFor(bothKeys), { batchRows: 200 }),
          t.app.get(ImportsService).importFile(incidentId, 'photographed', false, file, CLI_ACTOR),
        ]).finally(() => (rotating = false));
        await lookupLoop;
        expect(lookups).toBeGreaterThan(0);
        expect(merged).toMatchObject({ status: 'completed', customersCreated: 500, customersUpdated: CUSTOMERS / 3 });
        // What the first run left (rows the import held, or changed under it) a second run finishes.
        const again = await rotateKeys(inst.db, keyringFor(bothKeys));
        expect(again.remaining).toEqual({ customers: { k2: CUSTOMERS + 500 }, contacts: { k2: 1 } });
        expect(rotation.customers.resealed + rotation.customers.changedMeanwhile + again.customers.resealed).toBeGreaterThanOrEqual(CUSTOMERS - CUSTOMERS / 3);
        expect(rotation.contacts.resealed + again.contacts.resealed).toBe(1);

        // Only the new key from here on: every customer opens, lookups match, the merge's changes are all there.
        const onlyNew = parseDataKeys(`k2:${b64(2)}`, true);
        await prepare({ ...inst.config, dataKeys: onlyNew });
        const ring = new Keyring(onlyNew);
        const rows = await inst.db.query<{ personal: Buffer; tierSeverity: number }[]>('SELECT personal, tierSeverity FROM affected_customers WHERE incidentId = ?', [incidentId]);
        expect(rows).toHaveLength(CUSTOMERS + 500);
        const byNumber = new Map(rows.map((r) => [JSON.parse(ring.open(r.personal))[0] as string, { name: JSON.parse(ring.open(r.personal))[1] as string, tier: Number(r.tierSeverity) }]));
        for (let i = 1; i <= CUSTOMERS + 500; i++) {
          const expected = i > CUSTOMERS ? `Nieuwkomer ${i}` : i % 3 === 0 ? `Nieuwe Naam ${i}` : `Klant ${i}`;
          expect(byNumber.get(numberOf(i))?.name).toBe(expected);
          expect(byNumber.get(numberOf(i))?.tier).toBe(i % 3 === 0 || i > CUSTOMERS ? 3 : 2);
        }
        const t2 = await inst.startApp({ appRole: 'api', dataKeys: onlyNew });
        try {
          const fresh = t2.app.get(CustomersService);
          for (const n of [1, 3, 4242, CUSTOMERS, CUSTOMERS + 500]) expect((await fresh.findByNumber(incidentId, numberOf(n)))?.customerNumber).toBe(numberOf(n));
          expect((await fresh.findByAddress(incidentId, '1641 AB', '2', '')).length).toBe(CUSTOMERS / 300);
        } finally {
          await t2.close();
        }
      } finally {
        await t.close();
      }
    });
  });
});
