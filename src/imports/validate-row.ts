import type { CustomerInput } from '../customers/customer-merge';
import { categoriesToMask, Category } from '../customers/tiers';
import type { Field, HeaderLayout } from './headers';
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

/**
 * Validates and normalises one data row. Errors reject the row; an invalid optional value is
 * dropped with a warning. Reasons never quote the value (it may be personal data).
 */
export function validateRow(cells: string[], layout: HeaderLayout, line: number, today: Date): RowResult {
  const issues: RowIssue[] = [];
  const col = (field: Field): string => {
    const i = layout.columns[field];
    return i === undefined ? '' : layout.names[i];
  };
  const cell = (field: Field): string => {
    const i = layout.columns[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const warn = (field: Field, reason: string) => issues.push({ line, column: col(field), severity: 'warning', reason });
  const reject = (column: string, reason: string): RowResult => ({ customer: undefined, issues: [...issues, { line, column, severity: 'error', reason }] });

  const rawNumber = cell('customerNumber');
  const customerNumber = cleanText(rawNumber);
  if (!customerNumber) return reject(col('customerNumber'), 'no customer number: the row was not imported');
  if (looksLikeExcelNumber(customerNumber)) return reject(col('customerNumber'), 'Excel turned the customer number into a rounded number (like 1,23E+08): the row was not imported');
  if (customerNumber.length > MAX.customerNumber) return reject(col('customerNumber'), `customer number longer than ${MAX.customerNumber} characters: the row was not imported`);

  const nameColumn = layout.columns.name !== undefined ? col('name') : col('lastName') || col('firstName');
  const name = layout.columns.name !== undefined && cell('name') ? cleanText(cell('name')) : cleanText([cell('firstName'), cell('prefix'), cell('lastName')].filter(Boolean).join(' '));
  if (!name) return reject(nameColumn, 'no name: the row was not imported');
  if (name.length > MAX.name) return reject(nameColumn, `name longer than ${MAX.name} characters: the row was not imported`);

  const present = new Set<Category>(['name', 'customerNumber']);

  let email: string | null = null;
  let emailProblem: string | undefined;
  if (cell('email')) {
    present.add('email');
    const r = normaliseEmail(cell('email'));
    if (r.ok !== undefined) email = r.ok;
    else emailProblem = r.problem;
  }

  let phone: string | null = null;
  if (cell('phone')) {
    present.add('phone');
    const r = normalisePhone(cell('phone'));
    if (r.ok !== undefined) phone = r.ok;
    else warn('phone', `${r.problem}; the phone number was dropped`);
  }

  let street: string | null = null;
  let houseNumber: string | null = null;
  let houseNumberSuffix = '';
  let postcode: string | null = null;
  let city: string | null = null;
  if (cell('street') || cell('houseNumber') || cell('houseNumberSuffix') || cell('postcode') || cell('city')) present.add('address');
  if (cell('street')) {
    const s = cleanText(cell('street'));
    if (s.length > MAX.street) warn('street', `street longer than ${MAX.street} characters; it was dropped`);
    else street = s || null;
  }
  if (cell('houseNumber')) {
    const r = normaliseHouseNumber(cell('houseNumber'), cell('houseNumberSuffix'));
    if (r.ok !== undefined) ({ houseNumber, houseNumberSuffix } = r.ok);
    else warn('houseNumber', `${r.problem}; it was dropped`);
  } else if (cell('houseNumberSuffix')) {
    warn('houseNumberSuffix', 'house number suffix without a house number; it was dropped');
  }
  if (cell('postcode')) {
    const r = normalisePostcode(cell('postcode'));
    if (r.ok !== undefined) postcode = r.ok;
    else warn('postcode', `${r.problem}; the postcode was dropped`);
  }
  if (cell('city')) {
    const c = cleanText(cell('city'));
    if (c.length > MAX.city) warn('city', `town longer than ${MAX.city} characters; it was dropped`);
    else city = c || null;
  }

  let birthDate: string | null = null;
  if (cell('birthDate')) {
    present.add('birthDate');
    const r = normaliseBirthDate(cell('birthDate'), today);
    if (r.ok !== undefined) birthDate = r.ok;
    else warn('birthDate', `${r.problem}; the birth date was dropped`);
  }

  if (cell('iban')) {
    present.add('iban');
    const r = validateIban(cell('iban'));
    // Only the fact that the IBAN was exposed is kept, never its digits.
    if (r.problem !== undefined) warn('iban', `${r.problem}; it is still recorded as exposed`);
  }

  let language: 'nl' | 'en' | null = null;
  if (cell('language')) {
    const r = normaliseLanguage(cell('language'));
    if (r.ok !== undefined) language = r.ok;
    else warn('language', r.problem);
  }

  let formerCustomer: boolean | null = null;
  if (cell('customerStatus')) {
    const r = normaliseCustomerStatus(cell('customerStatus'));
    if (r.ok !== undefined) formerCustomer = r.ok;
    else warn('customerStatus', `${r.problem}; it was dropped`);
  }

  const completeAddress = !!(street && houseNumber && postcode && city);
  if (!email && !completeAddress) {
    const why = emailProblem ? `the e-mail address is invalid (${emailProblem})` : 'there is no e-mail address';
    return reject('', `cannot be reached: ${why} and the postal address is incomplete (street, house number, a valid postcode and town are all needed); the row was not imported`);
  }
  if (emailProblem) warn('email', `${emailProblem}; the e-mail address was dropped and the letter goes by post`);

  let exposed: Category[] = [...present];
  if (cell('exposed')) {
    const parsed = parseCategories(cell('exposed'));
    if (parsed.unknown > 0) warn('exposed', 'unknown data category ignored (use name, email, address, phone, birthDate, customerNumber, iban separated by |)');
    if (parsed.categories.length > 0) exposed = parsed.categories;
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
      exposedMask: categoriesToMask(exposed),
    },
    issues,
  };
}
