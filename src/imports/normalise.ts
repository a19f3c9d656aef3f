import { isValidIBAN, electronicFormatIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { Category, CATEGORIES } from '../customers/tiers';

/**
 * Plain functions that turn one CSV cell into the stored form, or say why they cannot. A result is
 * either `{ ok: value }` or `{ problem }`, where `problem` is a reason a person can act on that never
 * quotes the value itself (it may be personal data).
 */
export type Normalised<T> = { ok: T; problem?: undefined } | { ok?: undefined; problem: string };

const ok = <T>(value: T): Normalised<T> => ({ ok: value });
const problem = <T>(reason: string): Normalised<T> => ({ problem: reason });

// C0/C1 control characters and the bidirectional overrides/isolates/marks that can make a name
// display differently from what it is (the "Trojan Source" trick in a letter greeting).
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

/** Removes control and bidi-override characters, collapses white space, trims; diacritics are kept. */
export function cleanText(value: string): string {
  return value.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

/** Excel's scientific notation for a long number, e.g. `6,12E+08` or `3.1612E+10`. */
export function looksLikeExcelNumber(value: string): boolean {
  return /^[+-]?\d+([.,]\d+)?E[+-]?\d+$/i.test(value.trim());
}

/** "1234 AB" from "1234ab", "1234 ab", " 1234  AB "; rejects 0123 AB and the letter pairs SA, SD, SS. */
export function normalisePostcode(value: string): Normalised<string> {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const m = /^(\d{4})([A-Z]{2})$/.exec(compact);
  if (!m) return problem('not a Dutch postcode (expected 4 digits and 2 letters, e.g. 1234 AB)');
  if (m[1].startsWith('0')) return problem('not a Dutch postcode: postcodes never start with 0');
  if (['SA', 'SD', 'SS'].includes(m[2])) return problem('not a Dutch postcode: the letters SA, SD and SS are never used');
  return ok(`${m[1]} ${m[2]}`);
}

/** E.164 ("+31612345678"); numbers without a country code are read as Dutch. */
export function normalisePhone(value: string): Normalised<string> {
  const v = value.trim();
  if (looksLikeExcelNumber(v)) return problem('Excel turned this phone number into a rounded number (like 6,12E+08) and its digits are lost');
  if (!/^[+()\d\s.\-/]+$/.test(v)) return problem('not a phone number (only digits, spaces, +, -, ( ) allowed)');
  const digits = v.replace(/[\s.\-/()]/g, '');
  const national = /^0?([1-9]\d{8})$/.exec(digits);
  if (national) {
    // A plain 9- or 10-digit Dutch number: whether it is valid depends only on its prefix (and
    // length), so libphonenumber's verdict is remembered per prefix; parsing is the import's hot spot.
    const key = national[1].slice(0, 5);
    let valid = DUTCH_PREFIX_VALID.get(key);
    if (valid === undefined) {
      valid = parsePhoneNumberFromString(national[1], 'NL')?.isValid() ?? false;
      DUTCH_PREFIX_VALID.set(key, valid);
    }
    return valid ? ok(`+31${national[1]}`) : problem(INVALID_PHONE);
  }
  const parsed = parsePhoneNumberFromString(v, 'NL');
  if (!parsed || !parsed.isValid()) return problem(INVALID_PHONE);
  return ok(parsed.number);
}

const INVALID_PHONE = 'not a valid phone number (too short, too long or an unknown prefix)';
const DUTCH_PREFIX_VALID = new Map<string, boolean>();

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

/** Trimmed; the domain in lower case (the local part is kept: it may be case-sensitive). */
export function normaliseEmail(value: string): Normalised<string> {
  const v = value.trim();
  if (v.length > 254 || !EMAIL.test(v) || v.includes('..')) return problem('not a valid e-mail address (expected name@example.nl)');
  const at = v.lastIndexOf('@');
  return ok(v.slice(0, at) + '@' + v.slice(at + 1).toLowerCase());
}

/** Validates an IBAN (country format and mod-97 check); the digits themselves are never returned. */
export function validateIban(value: string): Normalised<true> {
  const electronic = electronicFormatIBAN(value.trim());
  if (!electronic || !isValidIBAN(electronic)) return problem('not a valid IBAN (wrong length or check digits)');
  return ok(true);
}

/**
 * "YYYY-MM-DD" from dd-mm-jjjj, d-m-jjjj or jjjj-mm-dd. Impossible dates (31-02), dates in the
 * future and before 1900 are refused, and so are Excel date serials (e.g. 29541): never guessed back.
 */
export function normaliseBirthDate(value: string, today: Date): Normalised<string> {
  const v = value.trim();
  if (/^\d{4,6}([.,]\d+)?$/.test(v)) return problem('Excel turned this date into a day number (like 29541); it was not converted back');
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(v);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return problem('not a date in a known format (use dd-mm-jjjj or jjjj-mm-dd)');
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return problem('not an existing date');
  if (y < 1900) return problem('birth date before 1900');
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (date.getTime() > todayUtc) return problem('birth date lies in the future');
  return ok(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/**
 * House number digits and suffix. The suffix comes from its own column when there is one,
 * otherwise from what follows the digits ("12a", "12-A", "12 bis").
 */
export function normaliseHouseNumber(number: string, suffix: string): Normalised<{ houseNumber: string; houseNumberSuffix: string }> {
  const m = /^(\d{1,6})\s*[-/]?\s*([A-Za-z0-9]{0,6})$/.exec(number.trim());
  if (!m || m[1].startsWith('0')) return problem('not a house number (expected digits, optionally followed by a letter, e.g. 12 or 12A)');
  const ownSuffix = suffix.replace(/[\s\-/]+/g, '').toUpperCase();
  if (ownSuffix && !/^[A-Z0-9]{1,6}$/.test(ownSuffix)) return problem('not a house number suffix (letters and digits only, e.g. A or BIS)');
  if (ownSuffix && m[2]) return problem('house number has a suffix both in the number and in its own column');
  return ok({ houseNumber: m[1], houseNumberSuffix: (ownSuffix || m[2]).toUpperCase() });
}

export function normaliseLanguage(value: string): Normalised<'nl' | 'en'> {
  const v = value.trim().toLowerCase();
  if (['nl', 'nederlands', 'dutch', 'nld'].includes(v)) return ok('nl');
  if (['en', 'engels', 'english', 'eng'].includes(v)) return ok('en');
  return problem('unknown language (use nl or en); nl is used');
}

/** true for a former customer (ex-klant / former), false for a current one. */
export function normaliseCustomerStatus(value: string): Normalised<boolean> {
  const v = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (['klant', 'customer', 'current'].includes(v)) return ok(false);
  if (['ex-klant', 'exklant', 'oud-klant', 'former', 'former-customer', 'ex-customer'].includes(v)) return ok(true);
  return problem('unknown customer status (use klant or ex-klant, customer or former)');
}

const CATEGORY_ALIASES: Record<string, Category> = {
  naam: 'name',
  email: 'email',
  emailadres: 'email',
  adres: 'address',
  telefoon: 'phone',
  telefoonnummer: 'phone',
  geboortedatum: 'birthDate',
  birthdate: 'birthDate',
  klantnummer: 'customerNumber',
  customernumber: 'customerNumber',
  rekeningnummer: 'iban',
  bankaccount: 'iban',
};
for (const c of CATEGORIES) CATEGORY_ALIASES[c.toLowerCase()] = c;

/** `|`-separated category names (English or Dutch, any case) to categories; unknown names are reported. */
export function parseCategories(value: string): { categories: Category[]; unknown: number } {
  const categories = new Set<Category>();
  let unknown = 0;
  for (const part of value.split('|')) {
    const key = part.trim().toLowerCase().replace(/[\s_-]+/g, '');
    if (!key) continue;
    const category = CATEGORY_ALIASES[key];
    if (category) categories.add(category);
    else unknown++;
  }
  return { categories: [...categories], unknown };
}
