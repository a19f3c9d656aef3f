import { bytes, Keyring } from '../data-keys/keyring';

/**
 * A customer's personal fields travel and rest as ONE sealed value (`personal`): one AES-GCM
 * operation per customer read or written, not one per field. The fields are a JSON array in this
 * fixed order; JSON keeps null apart from "" and escapes whatever a name holds.
 */
export interface PersonalFields {
  customerNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string;
  postcode: string | null;
  city: string | null;
  /** "YYYY-MM-DD". */
  birthDate: string | null;
}

/** The personal fields of a customer of whom nothing personal is known (erased, or not yet stored). */
export const NO_PERSONAL_DATA: Readonly<PersonalFields> = Object.freeze({
  customerNumber: '',
  name: '',
  email: null,
  phone: null,
  street: null,
  houseNumber: null,
  houseNumberSuffix: '',
  postcode: null,
  city: null,
  birthDate: null,
});

/** The personal fields as the text that is sealed. */
export function personalText(c: PersonalFields): string {
  return JSON.stringify([c.customerNumber, c.name, c.email, c.phone, c.street, c.houseNumber, c.houseNumberSuffix, c.postcode, c.city, c.birthDate]);
}

export function personalFromText(text: string): PersonalFields {
  const f = JSON.parse(text) as (string | null)[];
  if (!Array.isArray(f) || f.length !== 10) throw new Error('a sealed customer does not hold the ten personal fields');
  return {
    customerNumber: f[0] ?? '',
    name: f[1] ?? '',
    email: f[2],
    phone: f[3],
    street: f[4],
    houseNumber: f[5],
    houseNumberSuffix: f[6] ?? '',
    postcode: f[7],
    city: f[8],
    birthDate: f[9],
  };
}

/** What is written for a customer's personal data: the sealed value, its key id and the blind indexes. */
export interface SealedColumns {
  personal: Buffer;
  dataKeyId: string;
  numberIndex: Buffer;
  /** Null without postcode or house number: such a customer cannot be found by address. */
  addressIndex: Buffer | null;
  hasEmail: boolean;
}

/** SealedColumns with the binary values as binary strings (latin1): what the import's LOAD DATA stream carries. */
export interface SealedBinary {
  personal: string;
  dataKeyId: string;
  numberIndex: string;
  addressIndex: string | null;
  hasEmail: boolean;
}

export function sealCustomerBinary(keyring: Keyring, c: PersonalFields, text: string = personalText(c), keyId?: string): SealedBinary {
  return {
    personal: keyring.sealBinary(text, keyId),
    dataKeyId: keyId ?? keyring.newestId,
    numberIndex: keyring.numberIndexBinary(c.customerNumber, keyId),
    addressIndex: c.postcode && c.houseNumber ? keyring.addressIndexBinary(c.postcode, c.houseNumber, c.houseNumberSuffix, keyId) : null,
    hasEmail: c.email !== null && c.email !== '',
  };
}

export function sealCustomer(keyring: Keyring, c: PersonalFields, text: string = personalText(c), keyId?: string): SealedColumns {
  const bin = sealCustomerBinary(keyring, c, text, keyId);
  return {
    personal: bytes(bin.personal),
    dataKeyId: bin.dataKeyId,
    numberIndex: bytes(bin.numberIndex),
    addressIndex: bin.addressIndex === null ? null : bytes(bin.addressIndex),
    hasEmail: bin.hasEmail,
  };
}

export function openCustomer(keyring: Keyring, personal: Buffer): PersonalFields {
  return personalFromText(keyring.open(personal));
}
