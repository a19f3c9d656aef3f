import { NO_PERSONAL_DATA, PersonalFields } from './sealed-customer';

/**
 * One affected customer as an import delivers it: the stored columns, with `null` for "this file
 * does not say" (so an earlier file's value is kept).
 */
export interface CustomerInput extends PersonalFields {
  language: 'nl' | 'en' | null;
  formerCustomer: boolean | null;
  tierSeverity: number;
  exposedMask: number;
}

/** The stored state of a customer, as far as a merge needs it: the same columns, all known. */
export interface StoredCustomer extends Omit<CustomerInput, 'language' | 'formerCustomer'> {
  id: string;
  language: 'nl' | 'en';
  formerCustomer: boolean;
  /** The personal fields as they were sealed (src/customers/sealed-customer.ts personalText). */
  text: string;
  lastImportId: number | null;
}

export type MergedCustomer = Omit<StoredCustomer, 'id' | 'lastImportId' | 'text'>;

/** What a merge starts from for a new customer (its number and name are always the incoming ones). */
const NOTHING_STORED: MergedCustomer = Object.freeze({
  ...NO_PERSONAL_DATA,
  language: 'nl',
  formerCustomer: false,
  tierSeverity: 0,
  exposedMask: 0,
});

/** A validated row as the customer input of one tier. */
export function withTier(row: Omit<CustomerInput, 'tierSeverity'>, tierSeverity: number): CustomerInput {
  // Spelled out rather than spread: this runs for every row of a million-row file.
  return {
    customerNumber: row.customerNumber,
    name: row.name,
    email: row.email,
    phone: row.phone,
    street: row.street,
    houseNumber: row.houseNumber,
    houseNumberSuffix: row.houseNumberSuffix,
    postcode: row.postcode,
    city: row.city,
    birthDate: row.birthDate,
    language: row.language,
    formerCustomer: row.formerCustomer,
    tierSeverity,
    exposedMask: row.exposedMask,
  };
}

export function hasCompleteAddress(c: { street: string | null; houseNumber: string | null; postcode: string | null; city: string | null }): boolean {
  return !!(c.street && c.houseNumber && c.postcode && c.city);
}

/**
 * A later file's contact data replaces older data field by field where it gives a value; the most
 * severe tier wins; exposed categories are the union. The address moves as one unit: a complete
 * new address replaces the old one, a partial one only fills in when nothing complete is stored
 * (so two sources are never mixed into an address nobody has).
 */
export function mergeCustomer(existing: MergedCustomer | undefined, incoming: CustomerInput): MergedCustomer {
  const base: MergedCustomer = existing ?? NOTHING_STORED;
  const incomingHasAddress = !!(incoming.street || incoming.houseNumber || incoming.postcode || incoming.city);
  const takeAddress = hasCompleteAddress(incoming) || (incomingHasAddress && !hasCompleteAddress(base));
  return {
    customerNumber: incoming.customerNumber,
    name: incoming.name,
    email: incoming.email ?? base.email,
    phone: incoming.phone ?? base.phone,
    street: takeAddress ? incoming.street : base.street,
    houseNumber: takeAddress ? incoming.houseNumber : base.houseNumber,
    houseNumberSuffix: takeAddress ? incoming.houseNumberSuffix : base.houseNumberSuffix,
    postcode: takeAddress ? incoming.postcode : base.postcode,
    city: takeAddress ? incoming.city : base.city,
    birthDate: incoming.birthDate ?? base.birthDate,
    language: incoming.language ?? base.language,
    formerCustomer: incoming.formerCustomer ?? base.formerCustomer,
    tierSeverity: Math.max(base.tierSeverity, incoming.tierSeverity),
    exposedMask: (base.exposedMask | incoming.exposedMask) >>> 0,
  };
}

/**
 * Whether a merge changed nothing stored, so an identical re-import writes nothing. Compared on
 * the opened values (the merge had to open them anyway): no fingerprint of personal values is
 * kept, since even a keyed one would say "same as before" to whoever holds it. `text` is the
 * merged customer's personalText.
 */
export function unchanged(before: StoredCustomer, merged: MergedCustomer, text: string): boolean {
  return (
    before.text === text &&
    before.language === merged.language &&
    before.formerCustomer === merged.formerCustomer &&
    before.tierSeverity === merged.tierSeverity &&
    before.exposedMask === merged.exposedMask
  );
}
