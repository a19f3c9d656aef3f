/**
 * Realistic affected-customer files for the benchmarks: every column of the CSV format filled
 * (name parts, e-mail, phone, full address with addition, birth date, a valid IBAN, language,
 * customer status and the exposed-data list), as a leaked record would have them. With every
 * category exposed a letter carries every tip, which makes it about 36 KB on the wire.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const FIRST = ['Hendrika', 'Johannes', 'Cornelis', 'Zoë', 'Gerrit', 'Wilhelmina', 'José', 'Dirk', 'Aaltje', 'Bartholomeus'];
const PREFIX = ['', 'de', 'van', 'van der', 'van den', 'ter'];
const LAST = ['Vries', 'Bakker', 'Meer', 'Çelik', 'Visser', 'Smit', 'Müller', 'Hoekstra', 'Jansen', 'Dijkstra'];
const STREETS = ['Polderweg', 'Molenkade', 'Dijkstraat', 'Burgemeester de Wittstraat', 'Kerkplein'];
const TOWNS = ['Lindehoven', 'Oostervenne', 'Zuiderwaard', 'Kwelderdam', 'Sluisveen'];
const SUFFIXES = ['A', 'B', 'bis', '2', 'hs'];
export const REALISTIC_HEADER = 'Klantnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Telefoonnummer;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Geboortedatum;IBAN;Taal;Klantstatus;Gegevens';
export const REALISTIC_COLUMNS = REALISTIC_HEADER.split(';').length;

/** A Dutch IBAN with valid mod-97 check digits for a 10-digit account number. */
export function dutchIban(account: number): string {
  const bban = `PLDR${String(account).padStart(10, '0')}`;
  // Letters become two-digit numbers (A = 10); the country code and "00" go to the end.
  const digits = (bban + 'NL00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return `NL${String(98 - rest).padStart(2, '0')}${bban}`;
}

/** Row `i` (1-based) of a realistic file; `numberPrefix` keeps customer numbers apart between files. */
export function realisticRow(i: number, numberPrefix = 'B'): string {
  const first = FIRST[i % FIRST.length];
  const prefix = PREFIX[(i * 3) % PREFIX.length];
  const last = LAST[(i * 7) % LAST.length];
  const local = `${first}.${prefix}${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
  const birth = `${String((i % 28) + 1).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-${1925 + (i % 70)}`;
  const postcode = `${1000 + (i % 8999)} ${String.fromCharCode(65 + (i % 17))}${String.fromCharCode(66 + (i % 23))}`;
  return [
    `${numberPrefix}${String(i).padStart(9, '0')}`,
    first,
    prefix,
    last,
    `${local}.${i}@mail.example`,
    `06${String(10_000_000 + (i % 89_999_999))}`,
    STREETS[i % STREETS.length],
    String((i % 250) + 1),
    SUFFIXES[i % SUFFIXES.length],
    postcode,
    TOWNS[i % TOWNS.length],
    birth,
    dutchIban(100_000_000 + i),
    i % 10 === 0 ? 'en' : 'nl',
    i % 7 === 0 ? 'ex-klant' : 'klant',
    'name|email|address|phone|birthDate|customerNumber|iban',
  ].join(';');
}

/** Writes `rows` realistic rows (with header) to `path`. */
export async function writeRealisticCsv(path: string, rows: number, numberPrefix = 'B'): Promise<void> {
  const out = createWriteStream(path);
  let buf = REALISTIC_HEADER + '\n';
  for (let i = 1; i <= rows; i++) {
    buf += realisticRow(i, numberPrefix) + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
