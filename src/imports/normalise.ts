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

// Anything cleanText would change: an unsafe character, white space other than a plain space, two
// spaces in a row, or a space at either end.
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]|[^\S ]| {2}|^ | $/;

/** Removes control and bidi-override characters, collapses white space, trims; diacritics are kept. */
export function cleanText(value: string): string {
  // Most cells are clean already: one test instead of two replacements and a trim (the import's hot path).
  return NEEDS_CLEANING.test(value) ? cleanTextGeneral(value) : value;
}

/** cleanText without the fast path (exported so a test can compare both). */
export function cleanTextGeneral(value: string): string {
  return value.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

/** Excel's scientific notation for a long number, e.g. `6,12E+08` or `3.1612E+10`. */
export function looksLikeExcelNumber(value: string): boolean {
  return /^[+-]?\d+([.,]\d+)?E[+-]?\d+$/i.test(value.trim());
}

/** "1234 AB" from "1234ab", "1234 ab", " 1234  AB "; rejects 0123 AB and the letter pairs SA, SD, SS. */
export function normalisePostcode(value: string): Normalised<string> {
  // Already in the stored form "1234 AB" (the usual case): nothing to change.
  if (
    value.length === 7 &&
    isDigit(value.charCodeAt(0)) &&
    value.charCodeAt(0) !== 48 &&
    isDigit(value.charCodeAt(1)) &&
    isDigit(value.charCodeAt(2)) &&
    isDigit(value.charCodeAt(3)) &&
    value.charCodeAt(4) === 32 &&
    isUpper(value.charCodeAt(5)) &&
    isUpper(value.charCodeAt(6)) &&
    !(value.charCodeAt(5) === 83 && (value.charCodeAt(6) === 65 || value.charCodeAt(6) === 68 || value.charCodeAt(6) === 83))
  ) {
    return { ok: value };
  }
  return normalisePostcodeGeneral(value);
}

/** normalisePostcode without the fast path (exported so a test can compare both). */
export function normalisePostcodeGeneral(value: string): Normalised<string> {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const m = /^(\d{4})([A-Z]{2})$/.exec(compact);
  if (!m) return problem('not a Dutch postcode (expected 4 digits and 2 letters, e.g. 1234 AB)');
  if (m[1].startsWith('0')) return problem('not a Dutch postcode: postcodes never start with 0');
  if (['SA', 'SD', 'SS'].includes(m[2])) return problem('not a Dutch postcode: the letters SA, SD and SS are never used');
  return ok(`${m[1]} ${m[2]}`);
}

/** E.164 ("+31612345678"); numbers without a country code are read as Dutch. */
export function normalisePhone(value: string): Normalised<string> {
  // Plain digits, "0612345678" or "612345678" (the usual case): the same result as below without its
  // three regular expressions.
  const n = value.length;
  if ((n === 10 && value.charCodeAt(0) === 48 && value.charCodeAt(1) !== 48) || (n === 9 && value.charCodeAt(0) !== 48)) {
    let digits = true;
    for (let i = 0; i < n && digits; i++) digits = isDigit(value.charCodeAt(i));
    if (digits) return dutchNational(n === 10 ? value.slice(1) : value);
  }
  return normalisePhoneGeneral(value);
}

/** normalisePhone without the fast path for plain digits (exported so a test can compare both). */
export function normalisePhoneGeneral(value: string): Normalised<string> {
  const v = value.trim();
  if (looksLikeExcelNumber(v)) return problem('Excel turned this phone number into a rounded number (like 6,12E+08) and its digits are lost');
  if (!/^[+()\d\s.\-/]+$/.test(v)) return problem('not a phone number (only digits, spaces, +, -, ( ) allowed)');
  const digits = v.replace(/[\s.\-/()]/g, '');
  const national = /^0?([1-9]\d{8})$/.exec(digits);
  if (national) return dutchNational(national[1]);
  const parsed = parsePhoneNumberFromString(v, 'NL');
  if (!parsed || !parsed.isValid()) return problem(INVALID_PHONE);
  return ok(parsed.number);
}

const INVALID_PHONE = 'not a valid phone number (too short, too long or an unknown prefix)';
const DUTCH_PREFIX_VALID = new Map<string, boolean>();

/**
 * A Dutch number as its 9 national digits (no leading 0). Whether it is valid depends only on its
 * prefix (the length is fixed), so libphonenumber's verdict is remembered per prefix: parsing is the
 * import's hot spot. normalise-fast-paths.spec compares this with libphonenumber on every 5-digit prefix.
 */
function dutchNational(national: string): Normalised<string> {
  const key = national.slice(0, 5);
  let valid = DUTCH_PREFIX_VALID.get(key);
  if (valid === undefined) {
    // Asked with the leading 0: without it libphonenumber reads "319..." as country code 31 followed
    // by "9...", and its verdict would be about a different number than the one stored.
    valid = parsePhoneNumberFromString('0' + national, 'NL')?.isValid() ?? false;
    DUTCH_PREFIX_VALID.set(key, valid);
  }
  return valid ? ok('+31' + national) : problem(INVALID_PHONE);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

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
  // The usual case, a Dutch IBAN written without spaces, is checked here; anything else (and any
  // Dutch IBAN this check does not accept) gets ibantools' verdict. normalise-fast-paths.spec compares both.
  if (isValidDutchIban(value)) return ok(true);
  return validateIbanGeneral(value);
}

/** validateIban without the fast path (exported so a test can compare both). */
export function validateIbanGeneral(value: string): Normalised<true> {
  const electronic = electronicFormatIBAN(value.trim());
  if (!electronic || !isValidIBAN(electronic)) return problem('not a valid IBAN (wrong length or check digits)');
  return ok(true);
}

/** "NL" + 2 check digits (02–98) + 4 capitals + 10 digits, with the ISO 7064 mod-97 check met. */
function isValidDutchIban(v: string): boolean {
  if (v.length !== 18 || v.charCodeAt(0) !== 78 || v.charCodeAt(1) !== 76) return false;
  for (let i = 2; i < 4; i++) if (!isDigit(v.charCodeAt(i))) return false;
  for (let i = 4; i < 8; i++) if (!isUpper(v.charCodeAt(i))) return false;
  for (let i = 8; i < 18; i++) if (!isDigit(v.charCodeAt(i))) return false;
  const check = (v.charCodeAt(2) - 48) * 10 + (v.charCodeAt(3) - 48);
  if (check < 2 || check > 98) return false;
  // The BBAN, then "NL" as 23 21, then the check digits; letters count as two digits (A = 10).
  let rest = 0;
  for (let i = 4; i < 18; i++) {
    const c = v.charCodeAt(i);
    rest = c >= 65 ? (rest * 100 + (c - 55)) % 97 : (rest * 10 + (c - 48)) % 97;
  }
  rest = (rest * 10000 + 2321) % 97;
  rest = (rest * 100 + check) % 97;
  return rest === 1;
}

/**
 * "YYYY-MM-DD" from dd-mm-jjjj, d-m-jjjj or jjjj-mm-dd. Impossible dates (31-02), dates in the
 * future and before 1900 are refused, and so are Excel date serials (e.g. 29541): never guessed back.
 */
export function normaliseBirthDate(value: string, today: Date): Normalised<string> {
  // "dd-mm-jjjj" with two-digit day and month (the usual case): checked on the characters, without
  // regular expressions or a Date; anything unusual (or wrong) goes the general way below.
  if (value.length === 10 && value.charCodeAt(2) === 45 && value.charCodeAt(5) === 45) {
    const d = twoDigits(value, 0);
    const m = twoDigits(value, 3);
    const y = twoDigits(value, 6) * 100 + twoDigits(value, 8);
    if (y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
      const key = y * 10000 + m * 100 + d;
      const todayKey = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
      if (key <= todayKey) return { ok: value.slice(6) + '-' + value.slice(3, 5) + '-' + value.slice(0, 2) };
    }
  }
  return normaliseBirthDateGeneral(value, today);
}

/** Two decimal digits at `at` as a number; far below zero when they are not both digits. */
function twoDigits(value: string, at: number): number {
  const a = value.charCodeAt(at) - 48;
  const b = value.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1e6;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** normaliseBirthDate without the fast path (exported so a test can compare both). */
export function normaliseBirthDateGeneral(value: string, today: Date): Normalised<string> {
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
  // Plain digits without a suffix (the usual case): nothing to split.
  if (suffix === '' && number.length >= 1 && number.length <= 6 && number.charCodeAt(0) !== 48) {
    let digits = true;
    for (let i = 0; i < number.length && digits; i++) digits = isDigit(number.charCodeAt(i));
    if (digits) return { ok: { houseNumber: number, houseNumberSuffix: '' } };
  }
  return normaliseHouseNumberGeneral(number, suffix);
}

/** normaliseHouseNumber without the fast path (exported so a test can compare both). */
export function normaliseHouseNumberGeneral(number: string, suffix: string): Normalised<{ houseNumber: string; houseNumberSuffix: string }> {
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

const PARSED_CATEGORIES = new Map<string, Readonly<{ categories: readonly Category[]; unknown: number }>>();

/**
 * `|`-separated category names (English or Dutch, any case) to categories; unknown names are
 * reported. A file repeats a handful of such cells on every row: the answers are remembered.
 */
export function parseCategories(value: string): Readonly<{ categories: readonly Category[]; unknown: number }> {
  let parsed = PARSED_CATEGORIES.get(value);
  if (!parsed) {
    parsed = Object.freeze(parseCategoriesGeneral(value));
    if (PARSED_CATEGORIES.size >= 1000) PARSED_CATEGORIES.clear();
    PARSED_CATEGORIES.set(value, parsed);
  }
  return parsed;
}

function parseCategoriesGeneral(value: string): { categories: Category[]; unknown: number } {
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
