/**
 * Micro-benchmark of what sealing costs per customer (src/customers/sealed-customer.ts): the import
 * does personalText + sealCustomer (one AES-GCM seal, two blind-index HMACs) per
 * row; every read does one open. Prints ns per row for each, over BENCH_ROWS rows (1,000,000).
 *   node -r ts-node/register/transpile-only bench/seal.bench.ts
 */
import { openCustomer, PersonalFields, personalText, sealCustomer, sealCustomerBinary } from '../src/customers/sealed-customer';
import { Keyring, parseDataKeys } from '../src/data-keys/keyring';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const keyring = new Keyring(parseDataKeys(undefined, false));

function customer(i: number): PersonalFields {
  return {
    customerNumber: `K${String(i).padStart(7, '0')}`,
    name: `Klant ${i} van der Berg`,
    email: `klant${i}@mail.example`,
    phone: `+316${String(i).padStart(8, '0')}`,
    street: 'Burgemeester de Wittstraat',
    houseNumber: String((i % 200) + 1),
    houseNumberSuffix: '',
    postcode: '1641 AB',
    city: 'Lindehoven',
    birthDate: '1950-03-07',
  };
}

function time(label: string, work: (i: number) => unknown): void {
  for (let i = 0; i < 20_000; i++) work(i); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROWS; i++) work(i);
  const ns = Number(process.hrtime.bigint() - start) / ROWS;
  process.stdout.write(`${label.padEnd(44)} ${ns.toFixed(0).padStart(6)} ns/row\n`);
}

const people = Array.from({ length: 1000 }, (_, i) => customer(i));
const sealed = people.map((c) => sealCustomer(keyring, c).personal);
time('build only (personalText)', (i) => personalText(people[i % 1000]));
time('import: text + seal + 2 blind-index HMACs', (i) => sealCustomer(keyring, people[i % 1000]));
time('the same as binary strings (LOAD DATA)', (i) => sealCustomerBinary(keyring, people[i % 1000]));
time('read: open one customer', (i) => openCustomer(keyring, sealed[i % 1000]));
time('lookup: number index under every key', (i) => keyring.numberIndexes(people[i % 1000].customerNumber));
