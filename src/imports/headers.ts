import Papa from 'papaparse';

/** What a column can mean; the contract's header names map onto these. */
export const FIELDS = [
  'customerNumber',
  'name',
  'firstName',
  'prefix',
  'lastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'houseNumberSuffix',
  'postcode',
  'city',
  'birthDate',
  'iban',
  'language',
  'customerStatus',
  'exposed',
] as const;
export type Field = (typeof FIELDS)[number];

const ALIASES: Record<Field, string[]> = {
  customerNumber: ['klantnummer', 'customer_number'],
  name: ['naam', 'name'],
  firstName: ['voornaam', 'voorletters', 'first_name'],
  prefix: ['tussenvoegsel', 'prefix'],
  lastName: ['achternaam', 'last_name'],
  email: ['email', 'e-mailadres', 'e-mail'],
  phone: ['telefoon', 'telefoonnummer', 'phone'],
  street: ['straat', 'street'],
  houseNumber: ['huisnummer', 'house_number'],
  houseNumberSuffix: ['toevoeging', 'house_number_suffix', 'huisnummertoevoeging'],
  postcode: ['postcode', 'postal_code'],
  city: ['plaats', 'woonplaats', 'city'],
  birthDate: ['geboortedatum', 'birth_date'],
  iban: ['iban', 'rekeningnummer'],
  language: ['taal', 'language'],
  customerStatus: ['klantstatus', 'customer_status'],
  exposed: ['gegevens', 'exposed'],
};

/** Header names are compared without regard to case, spaces, `-` and `_` (and a stray BOM). */
export function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s\-_]+/g, '');
}

const BY_KEY = new Map<string, Field>();
for (const field of FIELDS) for (const alias of ALIASES[field]) BY_KEY.set(headerKey(alias), field);

export interface HeaderLayout {
  /** Column index per recognised field (the first column wins when two mean the same). */
  columns: Partial<Record<Field, number>>;
  /** Header names as written in the file, by column index. */
  names: string[];
  /** Indexes of non-empty headers that mean nothing to the import (ignored, reported once). */
  unknown: number[];
  /** Indexes of columns that repeat a field another column already gave (ignored). */
  repeated: number[];
}

export function mapHeaders(headers: string[]): HeaderLayout {
  const columns: Partial<Record<Field, number>> = {};
  const unknown: number[] = [];
  const repeated: number[] = [];
  const names = headers.map((h) => h.replace(/^\uFEFF/, '').trim());
  names.forEach((name, i) => {
    if (!name) return;
    const field = BY_KEY.get(headerKey(name));
    if (!field) unknown.push(i);
    else if (columns[field] !== undefined) repeated.push(i);
    else columns[field] = i;
  });
  return { columns, names, unknown, repeated };
}

/** What a file's header lacks, in words for the communications team; empty when it is usable. */
export function missingColumns(layout: HeaderLayout): string[] {
  const missing: string[] = [];
  const c = layout.columns;
  if (c.customerNumber === undefined) missing.push('a customer-number column (klantnummer or customer_number)');
  if (c.name === undefined && c.firstName === undefined && c.lastName === undefined) {
    missing.push('a name column (naam or name; or voornaam/voorletters, tussenvoegsel and achternaam)');
  }
  return missing;
}

export const DELIMITERS = [';', ',', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Chooses the delimiter by which one turns the header line into the most known column names
 * (a customer-number column weighs most).
 */
export function chooseDelimiter(headerLine: string): { delimiter: Delimiter; layout: HeaderLayout } {
  let best: { delimiter: Delimiter; layout: HeaderLayout; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(headerLine, { delimiter, newline: '\n' });
    const layout = mapHeaders(parsed.data[0] ?? []);
    const score = Object.keys(layout.columns).length + (layout.columns.customerNumber !== undefined ? 100 : 0);
    if (!best || score > best.score) best = { delimiter, layout, score };
  }
  return { delimiter: best!.delimiter, layout: best!.layout };
}

/**
 * Header names for an error message. A "header" holding digits or an @ is most likely a data row
 * (a file without a header line), so it is not repeated: it could be someone's details.
 */
export function describeHeaders(names: string[]): string {
  const shown = names
    .filter((n) => n !== '')
    .slice(0, 25)
    .map((n) => (/[\d@]/.test(n) ? '(a value, not a header name)' : `"${n.slice(0, 40)}"`));
  if (shown.length === 0) return 'none';
  return shown.join(', ') + (names.length > 25 ? ', …' : '');
}
