/**
 * Writes the demo's sample files for the fictional Polderstroom Energie (imports/samples/). Fully
 * deterministic (fixed seed, fixed reference date): running it again gives byte-identical files.
 *
 *   node -r ts-node/register/transpile-only imports/generate-samples.ts
 *
 * Final counts after importing all three files into one incident: photographed 776, viewed 2,119,
 * searched 419. Some customers are listed in two files; they count once, in their most severe tier
 * (see OVERLAP below and imports/README.md).
 */
import { composeIBAN } from 'ibantools';
import iconv from 'iconv-lite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FINAL = { photographed: 776, viewed: 2119, searched: 419 } as const;
/** Customers listed in a second, less severe file as well. */
export const OVERLAP = { photographedAlsoInViewed: 12, photographedAlsoInSearched: 3, viewedAlsoInSearched: 7 } as const;

const REFERENCE_YEAR = 2026;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(20261120);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (p: number) => random() < p;

// Only characters Windows-1252 can hold, so the Excel file loses nothing.
const FIRST = ['Hendrika', 'Geertruida', 'Wilhelmina', 'Johannes', 'Cornelis', 'Maria', 'Aaltje', 'Gerrit', 'Jacoba', 'Dirk', 'Klaasje', 'Bertha', 'Teunis', 'Adriana', 'Willem', 'Petronella', 'Jan', 'Trijntje', 'Zoë', 'Noël', 'Renée', 'José', 'Sjoerd', 'Tjitske', 'Ineke', 'Joëlle', 'Daniëlle', 'Anneke', 'Hendrik', 'Grietje', 'Antonius', 'Elisabeth', 'Fokje', 'Harm', 'Jantje', 'Lambertus', 'Neeltje', 'Pieternella', 'Reinier', 'Sientje', 'Theodorus', 'Wietske', 'Chloë', 'Fatma', 'Mehmet', 'Françoise'];
const PREFIX = ['', '', '', '', 'de', 'van', 'van der', 'van den', 'van de', "van 't", 'ter', 'te', 'op den'];
const LAST = ['Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'Kok', 'Jacobs', 'Vermeulen', 'Schouten', 'Willems', 'Hoekstra', 'Koster', 'Prins', 'Huisman', 'Postma', 'Kuipers', 'Veenstra', 'Sijbrandij', 'Groenewoud', 'Hoogeveen', 'Oudshoorn', 'Brinkman', 'Kramer', 'Wijnands', 'Çelik', 'Müller', 'Hoëlle', 'Brandsma', 'Zwartjes', 'Overdijk', 'Rietveld', 'Stegeman', 'Kooistra', 'Akkerman'];
const STREETS = ['Polderweg', 'Molenkade', 'Dijkstraat', 'Slotlaan', 'Lindelaan', 'Kastanjehof', 'Gemaalweg', 'Wierdijk', 'Sluisstraat', 'Vaartkade', 'Rietlandpad', 'Eendenkooi', 'Beemsterhof', 'Krommesloot', 'Oude Ringdijk', 'Zwanenwater', 'Kwelderpad', 'Ganzenweide', 'Kerkbuurt', 'Schoolstraat', 'Prinses Irenelaan', 'Burgemeester de Wittstraat'];
const TOWNS: [string, number][] = [['Lindehoven', 1641], ['Oostervenne', 7831], ['Zuiderwaard', 3351], ['Kwelderdam', 9976], ['Rietmeer', 2451], ['Molenbroek', 5421], ['Westerpolder', 1711], ['Sluisveen', 8331], ['Ganzenburg', 6651], ['Beemsterzijl', 1461]];
const MAIL_DOMAINS = ['mail.example', 'kpnpost.example', 'zonnet.example', 'hetnet.example', 'ziggonet.example', 'polderpost.test'];

interface Person {
  number: string;
  first: string;
  prefix: string;
  last: string;
  email: string | null;
  mobile: boolean;
  phoneDigits: string; // national, with leading 0
  street: string;
  houseNumber: number;
  suffix: string;
  postcode: string;
  town: string;
  birth: { y: number; m: number; d: number };
  iban: string;
  former: boolean;
  language: 'nl' | 'en';
}

function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
}

let nextNumber = 40_100_000;
function person(ageFrom: number, ageTo: number, emailShare: number): Person {
  const first = pick(FIRST);
  const prefix = pick(PREFIX);
  const last = pick(LAST);
  const age = int(ageFrom, ageTo);
  const [town, base] = pick(TOWNS);
  const letters = 'ABCDEFGHJKLMNPRTVWXZ'.split('');
  const mobile = chance(0.55);
  nextNumber += int(1, 40);
  const email = chance(emailShare) ? `${ascii(first)}.${ascii(prefix)}${ascii(last)}${int(1, 99)}@${pick(MAIL_DOMAINS)}` : null;
  return {
    number: String(nextNumber),
    first,
    prefix,
    last,
    email,
    mobile,
    phoneDigits: mobile ? `06${int(10000000, 99999999)}` : `0${pick(['50', '58', '20', '72', '229', '513'])}${int(100000, 999999)}`.padEnd(10, '0').slice(0, 10),
    street: pick(STREETS),
    houseNumber: int(1, 240),
    suffix: chance(0.12) ? pick(['A', 'B', 'C', 'bis', '1', '2']) : '',
    postcode: `${base + int(0, 8)} ${pick(letters)}${pick(letters)}`,
    town,
    birth: { y: REFERENCE_YEAR - age - 1, m: int(1, 12), d: int(1, 28) },
    iban: composeIBAN({ countryCode: 'NL', bban: `PLDR${String(int(0, 999_999_999)).padStart(10, '0')}` }) ?? '',
    former: false,
    language: chance(0.03) ? 'en' : 'nl',
  };
}

/** A CSV cell, quoted only when needed (as Excel does). */
function q(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function table(header: string[], rows: string[][], delimiter: string, eol: string): string {
  return [header, ...rows].map((r) => r.map((c) => q(c, delimiter)).join(delimiter)).join(eol) + eol;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function generate(outDir: string): Record<string, number> {
  mkdirSync(outDir, { recursive: true });
  // Aged 80+ is who the fraudsters went after; the photographed and viewed groups are mostly that.
  const photographed = Array.from({ length: FINAL.photographed }, (_, i) => (i % 7 === 6 ? person(62, 79, 0.8) : person(80, 97, 0.6)));
  const viewed = Array.from({ length: FINAL.viewed }, () => person(80, 99, 0.55));
  const searched = Array.from({ length: FINAL.searched }, () => {
    const p = person(30, 95, 0.7);
    p.former = chance(0.35);
    return p;
  });

  // 1. photographed.csv: UTF-8 with BOM, comma-separated, LF, split name, a notes column with line breaks.
  const photoRows = photographed.map((p, i) => [
    p.number,
    p.first,
    p.prefix,
    p.last,
    p.email ?? '',
    p.mobile ? `${p.phoneDigits.slice(0, 2)}-${p.phoneDigits.slice(2)}` : p.phoneDigits,
    p.street,
    String(p.houseNumber),
    p.suffix,
    p.postcode,
    p.town,
    `${pad(p.birth.d)}-${pad(p.birth.m)}-${p.birth.y}`,
    p.iban,
    i % 50 === 3 ? 'Klantkaart op foto\nsmartphone inhuurkracht' : '',
  ]);
  writeFileSync(
    join(outDir, 'photographed.csv'),
    '\uFEFF' +
      table(['Klantnummer', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'E-mailadres', 'Telefoonnummer', 'Straat', 'Huisnummer', 'Toevoeging', 'Postcode', 'Woonplaats', 'Geboortedatum', 'IBAN', 'Opmerking'], photoRows, ',', '\n'),
  );

  // 2. viewed.csv: what Excel on a Dutch Windows writes: semicolons, Windows-1252, CRLF, no BOM;
  // phone numbers lost their leading zero, a few became 6,12E+08; dates as d-m-jjjj.
  const alsoViewed = photographed.slice(0, OVERLAP.photographedAlsoInViewed);
  const viewedList = [...viewed.slice(0, 1000), ...alsoViewed, ...viewed.slice(1000)];
  let mangled = 0;
  const viewedRows = viewedList.map((p, i) => {
    const national = p.phoneDigits.slice(1);
    const phone = i % 400 === 17 ? (mangled++, `${national[0]},${national.slice(1, 6)}E+08`) : national;
    // Two of the overlapping customers have a newer e-mail address in this (more recent) export.
    const email = alsoViewed.includes(p) && alsoViewed.indexOf(p) < 2 ? `nieuw.${ascii(p.last)}@${MAIL_DOMAINS[0]}` : (p.email ?? '');
    return [p.number, [p.first, p.prefix, p.last].filter(Boolean).join(' '), email, phone, p.street, `${p.houseNumber}${p.suffix ? '-' + p.suffix : ''}`, p.postcode.replace(' ', ''), p.town, `${p.birth.d}-${p.birth.m}-${p.birth.y}`, 'klant'];
  });
  writeFileSync(
    join(outDir, 'viewed.csv'),
    iconv.encode(table(['klantnummer', 'naam', 'e-mailadres', 'telefoon', 'straat', 'huisnummer', 'postcode', 'plaats', 'geboortedatum', 'klantstatus'], viewedRows, ';', '\r\n'), 'windows-1252'),
  );

  // 3. searched.csv: tab-separated UTF-8 without BOM, English headers, many former customers.
  const alsoSearched = [...photographed.slice(100, 100 + OVERLAP.photographedAlsoInSearched), ...viewed.slice(500, 500 + OVERLAP.viewedAlsoInSearched)];
  const searchedList = [...searched.slice(0, 200), ...alsoSearched, ...searched.slice(200)];
  const searchedRows = searchedList.map((p) => [
    p.number,
    p.first,
    p.prefix,
    p.last,
    p.email ?? '',
    p.street,
    String(p.houseNumber),
    p.suffix,
    p.postcode,
    p.town,
    `${p.birth.y}-${pad(p.birth.m)}-${pad(p.birth.d)}`,
    p.former ? 'former' : 'customer',
    p.language,
  ]);
  writeFileSync(
    join(outDir, 'searched.csv'),
    table(['customer_number', 'first_name', 'prefix', 'last_name', 'email', 'street', 'house_number', 'house_number_suffix', 'postal_code', 'city', 'birth_date', 'customer_status', 'language'], searchedRows, '\t', '\n'),
  );

  // 4. mistakes.csv: one of each typical mistake, to show the rejects report.
  const m = (over: Record<string, string>): string[] => {
    const base: Record<string, string> = { klantnummer: '', naam: 'Hendrika Bakker', email: 'h.bakker@mail.example', telefoon: '06-12345678', straat: 'Polderweg', huisnummer: '12', postcode: '1641 AB', plaats: 'Lindehoven', geboortedatum: '03-04-1938', iban: '', '=HYPERLINK("http://evil.example")': '' };
    return Object.values({ ...base, ...over });
  };
  const mistakes: string[][] = [
    m({ klantnummer: '90000001' }),
    m({ klantnummer: '', naam: 'Gerrit Visser' }),
    m({ klantnummer: '90000003', naam: '' }),
    m({ klantnummer: '90000004', postcode: '0123 AB' }),
    m({ klantnummer: '90000005', email: '', postcode: '1641 SA' }),
    m({ klantnummer: '90000006', telefoon: '6,12E+08' }),
    m({ klantnummer: '90000007', geboortedatum: '13895' }),
    m({ klantnummer: '90000008', geboortedatum: '31-02-1940' }),
    m({ klantnummer: '90000009', geboortedatum: '01-01-2091' }),
    m({ klantnummer: '90000010', email: 'w.smit@@mail' }),
    m({ klantnummer: '90000011', email: 'geen e-mail', straat: '', huisnummer: '' }),
    m({ klantnummer: '90000012', iban: 'NL00PLDR0123456789' }),
    m({ klantnummer: '90000001', naam: 'Hendrika Bakker-de Vries' }),
    m({ klantnummer: '4,01E+07' }),
    m({ klantnummer: '90000015', straat: 'Kerkbuurt\n(achterom)', telefoon: '+31 6 1234' }),
    m({ klantnummer: '90000016', naam: '\u202Eeknaws\u202C Jansen' }),
  ];
  writeFileSync(join(outDir, 'mistakes.csv'), table(['klantnummer', 'naam', 'email', 'telefoon', 'straat', 'huisnummer', 'postcode', 'plaats', 'geboortedatum', 'iban', '=HYPERLINK("http://evil.example")'], mistakes, ';', '\n'));

  return { photographed: photoRows.length, viewed: viewedRows.length, searched: searchedRows.length, mistakes: mistakes.length, mangledPhones: mangled };
}

if (require.main === module) {
  const written = generate(join(__dirname, 'samples'));
  process.stdout.write(`rows written: ${JSON.stringify(written)}\n`);
}
