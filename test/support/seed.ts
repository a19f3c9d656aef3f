import { DataSource } from 'typeorm';
import { openCustomer, PersonalFields, sealCustomer } from '../../src/customers/sealed-customer';
import { Keyring, parseDataKeys } from '../../src/data-keys/keyring';
import { categoriesToMask, Category, Tier, TIER_SEVERITY } from '../../src/customers/tiers';

/** Test data straight into the tables, for tests whose subject is not the import itself. */
export async function seedIncident(db: DataSource, overrides: Partial<Record<string, unknown>> = {}): Promise<number> {
  const row = {
    title: 'Test breach',
    company: 'Testbedrijf Fictief BV',
    senderEmail: 'noreply@testbedrijf.example',
    hotlinePhone: '0800 000 1111',
    hotlineEmail: 'datalek@testbedrijf.example',
    discoveredAt: new Date('2026-11-20T09:00:00Z'),
    description: 'A contractor looked up records without a reason.',
    measuresTaken: 'We ended the contractor’s access.',
    trackOpens: false,
    ...overrides,
  };
  const res: { insertId: number } = await db.query(
    'INSERT INTO incidents (title, company, senderEmail, hotlinePhone, hotlineEmail, discoveredAt, description, measuresTaken, trackOpens) VALUES (?,?,?,?,?,?,?,?,?)',
    [row.title, row.company, row.senderEmail, row.hotlinePhone, row.hotlineEmail, row.discoveredAt, row.description, row.measuresTaken, row.trackOpens],
  );
  return Number(res.insertId);
}

export interface SeedCustomer {
  customerNumber: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  houseNumber?: string | null;
  houseNumberSuffix?: string;
  postcode?: string | null;
  city?: string | null;
  birthDate?: string | null;
  language?: 'nl' | 'en';
  formerCustomer?: boolean;
  tier?: Tier;
  exposed?: Category[];
}

/** Inserts customers in batches; `n` generated ones when `customers` is a number. */
export async function seedCustomers(db: DataSource, incidentId: number, customers: SeedCustomer[] | number, emailDomain = 'example.test'): Promise<void> {
  const list: SeedCustomer[] =
    typeof customers === 'number'
      ? Array.from({ length: customers }, (_, i) => ({
          customerNumber: `K${String(i + 1).padStart(7, '0')}`,
          name: `Klant ${i + 1}`,
          email: `klant${i + 1}@${emailDomain}`,
          street: 'Dorpsstraat',
          houseNumber: String((i % 200) + 1),
          postcode: '1234 AB',
          city: 'Testdorp',
          birthDate: '1940-05-01',
          tier: (['photographed', 'viewed', 'searched'] as const)[i % 3],
        }))
      : customers;
  for (let i = 0; i < list.length; i += 1000) {
    const batch = list.slice(i, i + 1000);
    const values = batch.map((c) => {
      const fields: PersonalFields = {
        customerNumber: c.customerNumber,
        name: c.name,
        email: c.email ?? null,
        phone: c.phone ?? null,
        street: c.street ?? null,
        houseNumber: c.houseNumber ?? null,
        houseNumberSuffix: c.houseNumberSuffix ?? '',
        postcode: c.postcode ?? null,
        city: c.city ?? null,
        birthDate: c.birthDate ?? null,
      };
      const sealed = sealCustomer(TEST_KEYRING, fields);
      return [
        incidentId,
        sealed.personal,
        sealed.dataKeyId,
        sealed.numberIndex,
        sealed.addressIndex,
        sealed.hasEmail,
        c.language ?? 'nl',
        c.formerCustomer ?? false,
        TIER_SEVERITY[c.tier ?? 'viewed'],
        categoriesToMask(c.exposed ?? ['name', 'email', 'address', 'customerNumber']),
      ];
    });
    await db.query(
      `INSERT INTO affected_customers (incidentId, personal, dataKeyId, numberIndex, addressIndex, hasEmail, language, formerCustomer, tierSeverity, exposedMask) VALUES ${values.map(() => '(?,?,?,?,?,?,?,?,?,?)').join(',')}`,
      values.flat(),
    );
  }
}

/** The keys of a test installation without DATA_KEYS (the development key), for sealing seeds and finding rows by blind index. */
export const TEST_KEYRING = new Keyring(parseDataKeys(undefined, false));

/** The blind index of a customer number, for raw SQL in tests: `WHERE numberIndex = ?`. */
export function numberIndex(customerNumber: string): Buffer {
  return TEST_KEYRING.numberIndex(customerNumber);
}

/** A customer's id by number (the number itself is sealed in the table). */
export async function customerIdByNumber(db: DataSource, customerNumber: string, incidentId?: number): Promise<string> {
  const rows: { id: string }[] =
    incidentId === undefined
      ? await db.query('SELECT id FROM affected_customers WHERE numberIndex = ?', [numberIndex(customerNumber)])
      : await db.query('SELECT id FROM affected_customers WHERE numberIndex = ? AND incidentId = ?', [numberIndex(customerNumber), incidentId]);
  if (rows.length !== 1) throw new Error(`expected one customer with that number, found ${rows.length}`);
  return String(rows[0].id);
}

/** Every customer of an incident (or all), opened: what a raw SELECT of the plaintext columns gave before sealing. */
export async function openedCustomers(db: DataSource, incidentId?: number): Promise<(PersonalFields & OpenedPlain)[]> {
  const rows: (OpenedPlain & { personal: Buffer | null })[] = await db.query(
    `SELECT id, incidentId, personal, language, formerCustomer, tierSeverity, exposedMask, updatedAt FROM affected_customers ${incidentId === undefined ? '' : 'WHERE incidentId = ?'} ORDER BY id`,
    incidentId === undefined ? [] : [incidentId],
  );
  return rows.map(({ personal, ...plain }) => ({ ...plain, id: String(plain.id), ...(personal ? openCustomer(TEST_KEYRING, personal) : ({} as PersonalFields)) }));
}

interface OpenedPlain {
  id: string;
  incidentId: number;
  language: string;
  formerCustomer: number;
  tierSeverity: number;
  exposedMask: number;
  updatedAt: Date;
}

/** Customer id → customer number (opened), for tests that join letters to customers. */
export async function customerNumbersById(db: DataSource): Promise<Map<string, string>> {
  return new Map((await openedCustomers(db)).map((c) => [c.id, c.customerNumber]));
}

/** Changes a seeded customer's personal fields in place (re-sealed), as a test's "the data changed" step. */
export async function updateSealedCustomer(db: DataSource, incidentId: number, customerNumber: string, changes: Partial<PersonalFields>): Promise<void> {
  const id = await customerIdByNumber(db, customerNumber, incidentId);
  const [row]: { personal: Buffer }[] = await db.query('SELECT personal FROM affected_customers WHERE id = ?', [id]);
  const sealed = sealCustomer(TEST_KEYRING, { ...openCustomer(TEST_KEYRING, row.personal), ...changes });
  await db.query('UPDATE affected_customers SET personal = ?, numberIndex = ?, addressIndex = ?, hasEmail = ? WHERE id = ?', [
    sealed.personal,
    sealed.numberIndex,
    sealed.addressIndex,
    sealed.hasEmail,
    id,
  ]);
}
