import { hash } from 'node:crypto';

/**
 * One affected customer as an import delivers it: the stored columns, with `null` for "this file
 * does not say" (so an earlier file's value is kept).
 */
export interface CustomerInput {
  customerNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string;
  postcode: string | null;
  city: string | null;
  birthDate: string | null;
  language: 'nl' | 'en' | null;
  formerCustomer: boolean | null;
  tierSeverity: number;
  exposedMask: number;
}

/** The stored state of a customer, as far as a merge needs it. */
export interface StoredCustomer {
  id: string;
  customerNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string;
  postcode: string | null;
  city: string | null;
  birthDate: string | null;
  language: 'nl' | 'en';
  formerCustomer: boolean;
  tierSeverity: number;
  exposedMask: number;
  contentHash: string;
  lastImportId: number | null;
}

export type MergedCustomer = Omit<StoredCustomer, 'id' | 'lastImportId' | 'contentHash'>;

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
  const base: MergedCustomer = existing ?? {
    customerNumber: incoming.customerNumber,
    name: incoming.name,
    email: null,
    phone: null,
    street: null,
    houseNumber: null,
    houseNumberSuffix: '',
    postcode: null,
    city: null,
    birthDate: null,
    language: 'nl',
    formerCustomer: false,
    tierSeverity: 0,
    exposedMask: 0,
  };
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

/** Hash of every stored field, so an identical re-import is recognised as unchanged. */
export function customerHash(c: MergedCustomer): string {
  const parts = [
    c.customerNumber,
    c.name,
    c.email ?? '',
    c.phone ?? '',
    c.street ?? '',
    c.houseNumber ?? '',
    c.houseNumberSuffix,
    c.postcode ?? '',
    c.city ?? '',
    c.birthDate ?? '',
    c.language,
    c.formerCustomer ? '1' : '0',
    String(c.tierSeverity),
    String(c.exposedMask),
  ];
  return hash('sha256', parts.join('\u0001'), 'hex');
}
