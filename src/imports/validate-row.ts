import type { CustomerInput } from '../customers/customer-merge';
import { CATEGORIES, categoriesToMask, Category } from '../customers/tiers';
import { Field, FIELDS, HeaderLayout } from './headers';
import {
  cleanText,
  looksLikeExcelNumber,
  normaliseBirthDate,
  normaliseCustomerStatus,
  normaliseEmail,
  normaliseHouseNumber,
  normaliseLanguage,
  normalisePhone,
  normalisePostcode,
  parseCategories,
  validateIban,
} from './normalise';

export interface RowIssue {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  /** Header name as written in the file; '' for the row as a whole. */
  column: string;
  severity: 'error' | 'warning';
  reason: string;
}

/** The row as a customer (without tier), or nothing when the row is rejected. */
export type RowCustomer = Omit<CustomerInput, 'tierSeverity'>;

export interface RowResult {
  customer: RowCustomer | undefined;
  issues: RowIssue[];
}

const MAX = { customerNumber: 64, name: 200, street: 200, city: 100 };

const BIT: Record<Category, number> = Object.fromEntries(CATEGORIES.map((c, i) => [c, 1 << i])) as Record<Category, number>;

/** Column index (-1 when absent) and header name ('' when absent) per field, worked out once per file. */
interface Plan {
  index: Record<Field, number>;
  name: Record<Field, string>;
}

const PLANS = new WeakMap<HeaderLayout, Plan>();

function planFor(layout: HeaderLayout): Plan {
  let plan = PLANS.get(layout);
  if (!plan) {
    const index = {} as Record<Field, number>;
    const name = {} as Record<Field, string>;
    for (const field of FIELDS) {
      const i = layout.columns[field];
      index[field] = i === undefined ? -1 : i;
      name[field] = i === undefined ? '' : layout.names[i];
    }
    plan = { index, name };
    PLANS.set(layout, plan);
  }
  return plan;
}

function cellAt(cells: string[], i: number): string {
  return i < 0 ? '' : (cells[i] ?? '').trim();
}

/**
 * Validates and normalises one data row. Errors reject the row; an invalid optional value is
 * dropped with a warning. Reasons never quote the value (it may be personal data).
 */
export function validateRow(cells: string[], layout: HeaderLayout, line: number, today: Date): RowResult {
  // Runs once per row of files with a million rows: each cell is trimmed once, columns are looked
  // up in a plan made once per file.
  const { index, name: col } = planFor(layout);
  const issues: RowIssue[] = [];
  const warn = (field: Field, reason: string) => {
    issues.push({ line, column: col[field], severity: 'warning', reason });
  };
  const reject = (column: string, reason: string): RowResult => ({ customer: undefined, issues: [...issues, { line, column, severity: 'error', reason }] });

  const customerNumber = cleanText(cellAt(cells, index.customerNumber));
  if (!customerNumber) return reject(col.customerNumber, 'no customer number: the row was not imported');
  if (looksLikeExcelNumber(customerNumber)) return reject(col.customerNumber, 'Excel turned the customer number into a rounded number (like 1,23E+08): the row was not imported');
  if (customerNumber.length > MAX.customerNumber) return reject(col.customerNumber, `customer number longer than ${MAX.customerNumber} characters: the row was not imported`);

  const nameColumn = index.name >= 0 ? col.name : col.lastName || col.firstName;
  const fullName = cellAt(cells, index.name);
  let name: string;
  if (index.name >= 0 && fullName) name = cleanText(fullName);
  else {
    let joined = '';
    for (const part of [cellAt(cells, index.firstName), cellAt(cells, index.prefix), cellAt(cells, index.lastName)]) {
      if (part) joined = joined ? joined + ' ' + part : part;
    }
    name = cleanText(joined);
  }
  if (!name) return reject(nameColumn, 'no name: the row was not imported');
  if (name.length > MAX.name) return reject(nameColumn, `name longer than ${MAX.name} characters: the row was not imported`);

  let exposedMask = BIT.name | BIT.customerNumber;

  let email: string | null = null;
  let emailProblem: string | undefined;
  const emailCell = cellAt(cells, index.email);
  if (emailCell) {
    exposedMask |= BIT.email;
    const r = normaliseEmail(emailCell);
    if (r.ok !== undefined) email = r.ok;
    else emailProblem = r.problem;
  }

  let phone: string | null = null;
  const phoneCell = cellAt(cells, index.phone);
  if (phoneCell) {
    exposedMask |= BIT.phone;
    const r = normalisePhone(phoneCell);
    if (r.ok !== undefined) phone = r.ok;
    else warn('phone', `${r.problem}; the phone number was dropped`);
  }

  let street: string | null = null;
  let houseNumber: string | null = null;
  let houseNumberSuffix = '';
  let postcode: string | null = null;
  let city: string | null = null;
  const streetCell = cellAt(cells, index.street);
  const houseNumberCell = cellAt(cells, index.houseNumber);
  const suffixCell = cellAt(cells, index.houseNumberSuffix);
  const postcodeCell = cellAt(cells, index.postcode);
  const cityCell = cellAt(cells, index.city);
  if (streetCell || houseNumberCell || suffixCell || postcodeCell || cityCell) exposedMask |= BIT.address;
  if (streetCell) {
    const s = cleanText(streetCell);
    if (s.length > MAX.street) warn('street', `street longer than ${MAX.street} characters; it was dropped`);
    else street = s || null;
  }
  if (houseNumberCell) {
    const r = normaliseHouseNumber(houseNumberCell, suffixCell);
    if (r.ok !== undefined) ({ houseNumber, houseNumberSuffix } = r.ok);
    else warn('houseNumber', `${r.problem}; it was dropped`);
  } else if (suffixCell) {
    warn('houseNumberSuffix', 'house number suffix without a house number; it was dropped');
  }
  if (postcodeCell) {
    const r = normalisePostcode(postcodeCell);
    if (r.ok !== undefined) postcode = r.ok;
    else warn('postcode', `${r.problem}; the postcode was dropped`);
  }
  if (cityCell) {
    const c = cleanText(cityCell);
    if (c.length > MAX.city) warn('city', `town longer than ${MAX.city} characters; it was dropped`);
    else city = c || null;
  }

  let birthDate: string | null = null;
  const birthDateCell = cellAt(cells, index.birthDate);
  if (birthDateCell) {
    exposedMask |= BIT.birthDate;
    const r = normaliseBirthDate(birthDateCell, today);
    if (r.ok !== undefined) birthDate = r.ok;
    else warn('birthDate', `${r.problem}; the birth date was dropped`);
  }

  const ibanCell = cellAt(cells, index.iban);
  if (ibanCell) {
    exposedMask |= BIT.iban;
    const r = validateIban(ibanCell);
    // Only the fact that the IBAN was exposed is kept, never its digits.
    if (r.problem !== undefined) warn('iban', `${r.problem}; it is still recorded as exposed`);
  }

  let language: 'nl' | 'en' | null = null;
  const languageCell = cellAt(cells, index.language);
  if (languageCell) {
    const r = normaliseLanguage(languageCell);
    if (r.ok !== undefined) language = r.ok;
    else warn('language', r.problem);
  }

  let formerCustomer: boolean | null = null;
  const statusCell = cellAt(cells, index.customerStatus);
  if (statusCell) {
    const r = normaliseCustomerStatus(statusCell);
    if (r.ok !== undefined) formerCustomer = r.ok;
    else warn('customerStatus', `${r.problem}; it was dropped`);
  }

  const completeAddress = !!(street && houseNumber && postcode && city);
  if (!email && !completeAddress) {
    const why = emailProblem ? `the e-mail address is invalid (${emailProblem})` : 'there is no e-mail address';
    return reject('', `cannot be reached: ${why} and the postal address is incomplete (street, house number, a valid postcode and town are all needed); the row was not imported`);
  }
  if (emailProblem) warn('email', `${emailProblem}; the e-mail address was dropped and the letter goes by post`);

  const exposedCell = cellAt(cells, index.exposed);
  if (exposedCell) {
    const parsed = parseCategories(exposedCell);
    if (parsed.unknown > 0) warn('exposed', 'unknown data category ignored (use name, email, address, phone, birthDate, customerNumber, iban separated by |)');
    if (parsed.categories.length > 0) exposedMask = categoriesToMask(parsed.categories);
  }

  return {
    customer: {
      customerNumber,
      name,
      email,
      phone,
      street,
      houseNumber,
      houseNumberSuffix,
      postcode,
      city,
      birthDate,
      language,
      formerCustomer,
      exposedMask,
    },
    issues,
  };
}
