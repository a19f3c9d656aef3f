import { DataSource } from 'typeorm';
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
    const values = batch.map((c) => [
      incidentId,
      c.customerNumber,
      c.name,
      c.email ?? null,
      c.phone ?? null,
      c.street ?? null,
      c.houseNumber ?? null,
      c.houseNumberSuffix ?? '',
      c.postcode ?? null,
      c.city ?? null,
      c.birthDate ?? null,
      c.language ?? 'nl',
      c.formerCustomer ?? false,
      TIER_SEVERITY[c.tier ?? 'viewed'],
      categoriesToMask(c.exposed ?? ['name', 'email', 'address', 'customerNumber']),
    ]);
    await db.query(
      `INSERT INTO affected_customers (incidentId, customerNumber, name, email, phone, street, houseNumber, houseNumberSuffix, postcode, city, birthDate, language, formerCustomer, tierSeverity, exposedMask) VALUES ${values.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
      values.flat(),
    );
  }
}
