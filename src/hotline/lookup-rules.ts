/**
 * What a hotline lookup may contain, as plain functions. The breach this product answers was an
 * insider browsing customer records by age and postcode, so a lookup takes exact, complete
 * identifiers of the one caller on the line and nothing that could select a group of people.
 *
 * Decisions (documented here because they are policy, not accident):
 * - exactly two body forms; any other field, or fields of both forms together, is refused;
 * - wildcard characters (`*`, `%`, `_`, `?`) are refused in every identifier, even though the match
 *   is exact anyway: a request that tries to be a pattern is itself worth refusing and auditing;
 * - a customer number is 4–64 characters of letters, digits, `-`, `.`, `/`, with at least one digit
 *   and no `..`; anything shorter is treated as a prefix;
 * - a postcode must be complete (four digits and two letters, any case and spacing); four digits
 *   alone are a partial value;
 * - a house number is digits only (string or number); an addition goes in `houseNumberSuffix`, so
 *   `12-14` can never be read as a range and `12` never matches `12-A`;
 * - a birth date is a full calendar date (`YYYY-MM-DD` or `dd-mm-yyyy`); a year alone is partial;
 * - the reason is required: 3–300 characters of text.
 */

export type LookupKind = 'customerNumber' | 'address' | 'address+birthDate';

interface LookupBase {
  incidentId: number;
  reason: string;
}

export type LookupQuery =
  | (LookupBase & { kind: 'customerNumber'; customerNumber: string })
  | (LookupBase & { kind: 'address' | 'address+birthDate'; postcode: string; houseNumber: string; houseNumberSuffix: string; birthDate: string | null });

export type LookupParse = { ok: true; query: LookupQuery } | { ok: false; message: string; kind: LookupKind | null };

export const ACCEPTED_LOOKUPS =
  'A lookup takes exactly one of two forms: {incidentId, reason, customerNumber} or {incidentId, reason, postcode, houseNumber, houseNumberSuffix?, birthDate?}, ' +
  'with complete values (postcode like "1234 AB", house number digits only with any addition in houseNumberSuffix, birth date YYYY-MM-DD or dd-mm-yyyy). ' +
  'Wildcards, partial values, ranges and other fields (name, age, town, e-mail, ...) are not accepted.';

const COMMON_FIELDS = ['incidentId', 'reason'] as const;
const NUMBER_FIELDS = ['customerNumber'] as const;
const ADDRESS_FIELDS = ['postcode', 'houseNumber', 'houseNumberSuffix', 'birthDate'] as const;
const ALLOWED = new Set<string>([...COMMON_FIELDS, ...NUMBER_FIELDS, ...ADDRESS_FIELDS]);

const WILDCARD = /[*%_?]/;

export const REASON_MIN = 3;
export const REASON_MAX = 300;

/** "1234ab", " 1234 AB " → "1234 AB"; null when it is not a complete Dutch postcode. */
export function normalisePostcode(raw: unknown): string | null {
  if (typeof raw !== 'string' || WILDCARD.test(raw)) return null;
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const m = /^([1-9][0-9]{3})([A-Z]{2})$/.exec(compact);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** "12", 12, " 012 " → "12"; null for anything that is not a whole house number (12A, 12-14, 0, 1.5). */
export function normaliseHouseNumber(raw: unknown): string | null {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return null;
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = raw.trim();
  } else {
    return null;
  }
  if (!/^[0-9]{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 99999 ? String(n) : null;
}

/** "a", "-A", " bis " → "A", "BIS"; undefined/null/"" → "" (no addition); null when invalid. */
export function normaliseSuffix(raw: unknown): string | null {
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string' || WILDCARD.test(raw)) return null;
  const compact = raw.replace(/[\s\-/.]+/g, '').toUpperCase();
  if (compact === '') return raw.trim() === '' ? '' : null;
  return /^[A-Z0-9]{1,10}$/.test(compact) ? compact : null;
}

/** "1950-03-07", "07-03-1950", "7-3-1950" → "1950-03-07"; null when not a real, past calendar date. */
export function normaliseBirthDate(raw: unknown, today: Date = new Date()): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  let y: number, m: number, d: number;
  let match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})$/.exec(text);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (date.getTime() > today.getTime()) return null;
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A complete customer number, trimmed; null for prefixes, patterns and anything that is not one. */
export function normaliseCustomerNumber(raw: unknown): string | null {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0) return null;
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = raw.trim();
  } else {
    return null;
  }
  if (WILDCARD.test(text) || text.includes('..')) return null;
  if (!/^[A-Za-z0-9][A-Za-z0-9./-]{3,63}$/.test(text) || !/[0-9]/.test(text)) return null;
  return text;
}

function normaliseIncidentId(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 1 ? raw : null;
  if (typeof raw === 'string' && /^[1-9][0-9]{0,9}$/.test(raw.trim())) return Number(raw.trim());
  return null;
}

function normaliseReason(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length >= REASON_MIN && text.length <= REASON_MAX ? text : null;
}

/** Field names are echoed only when they look like field names; a key could itself be a value. */
function describeFields(keys: string[]): string {
  const shown = keys.filter((k) => /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(k));
  if (shown.length === 0) return 'Unknown fields are';
  return `${shown.length === 1 ? 'Field' : 'Fields'} ${shown.map((k) => `"${k}"`).join(', ')}${shown.length < keys.length ? ' (and others)' : ''} ${shown.length === 1 ? 'is' : 'are'}`;
}

function reject(message: string, kind: LookupKind | null): LookupParse {
  return { ok: false, message: `${message} ${ACCEPTED_LOOKUPS}`, kind };
}

/**
 * Turns a request body into one exact lookup, or says why not. Messages never repeat a value that
 * was sent (it may be personal data), only field names.
 */
export function parseLookup(body: unknown, today: Date = new Date()): LookupParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return reject('The body must be a JSON object.', null);
  const b = body as Record<string, unknown>;
  const keys = Object.keys(b);
  const present = (k: string) => k in b && b[k] !== undefined;
  // An empty optional field (a form left blank) counts as not given.
  const givenBirthDate = present('birthDate') && b.birthDate !== null && !(typeof b.birthDate === 'string' && b.birthDate.trim() === '');
  const byNumber = NUMBER_FIELDS.some(present);
  const byAddress = ADDRESS_FIELDS.some(present);
  const kind: LookupKind | null = byNumber && !byAddress ? 'customerNumber' : byAddress && !byNumber ? (givenBirthDate ? 'address+birthDate' : 'address') : null;

  const extra = keys.filter((k) => !ALLOWED.has(k));
  if (extra.length) return reject(`${describeFields(extra)} not accepted.`, kind);
  if (byNumber && byAddress) return reject('Use either customerNumber or the address fields, not both.', null);
  if (!byNumber && !byAddress) return reject('Give a customerNumber or a postcode and houseNumber.', null);

  const incidentId = normaliseIncidentId(b.incidentId);
  if (incidentId === null) return reject('incidentId must be the number of the incident.', kind);
  const reason = normaliseReason(b.reason);
  if (reason === null) return reject(`reason is required: say why you look this customer up (${REASON_MIN} to ${REASON_MAX} characters).`, kind);

  if (byNumber) {
    const customerNumber = normaliseCustomerNumber(b.customerNumber);
    if (customerNumber === null) return reject('customerNumber must be the complete customer number.', kind);
    return { ok: true, query: { kind: 'customerNumber', incidentId, reason, customerNumber } };
  }

  if (!present('postcode') || !present('houseNumber')) return reject('An address lookup needs both postcode and houseNumber.', kind);
  const postcode = normalisePostcode(b.postcode);
  if (postcode === null) return reject('postcode must be a complete postcode: four digits and two letters, e.g. "1234 AB".', kind);
  const houseNumber = normaliseHouseNumber(b.houseNumber);
  if (houseNumber === null) return reject('houseNumber must be the house number in digits only (an addition such as A or bis goes in houseNumberSuffix).', kind);
  const houseNumberSuffix = normaliseSuffix(b.houseNumberSuffix);
  if (houseNumberSuffix === null) return reject('houseNumberSuffix must be letters or digits only, e.g. "A" or "bis".', kind);
  let birthDate: string | null = null;
  if (givenBirthDate) {
    birthDate = normaliseBirthDate(b.birthDate, today);
    if (birthDate === null) return reject('birthDate must be a complete date of birth, YYYY-MM-DD or dd-mm-yyyy.', kind);
  }
  return {
    ok: true,
    query: { kind: birthDate ? 'address+birthDate' : 'address', incidentId, reason, postcode, houseNumber, houseNumberSuffix, birthDate },
  };
}
