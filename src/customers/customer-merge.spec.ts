import { createHash } from 'node:crypto';
import { Keyring, parseDataKeys } from '../data-keys/keyring';
import { customerHash, CustomerInput, MergedCustomer, mergeCustomer, withTier } from './customer-merge';

const keyring = new Keyring(parseDataKeys(undefined, false));

const input = (over: Partial<CustomerInput> = {}): CustomerInput => ({
  customerNumber: 'K1',
  name: 'Ans Kok',
  email: 'ans@mail.example',
  phone: null,
  street: 'Polderweg',
  houseNumber: '12',
  houseNumberSuffix: '',
  postcode: '1641 AB',
  city: 'Lindehoven',
  birthDate: null,
  language: null,
  formerCustomer: null,
  tierSeverity: 1,
  exposedMask: 0b1,
  ...over,
});

describe('mergeCustomer', () => {
  it('keeps the most severe tier and unites the exposed categories', () => {
    const first = mergeCustomer(undefined, input({ tierSeverity: 3, exposedMask: 0b0101 }));
    const merged = mergeCustomer(first, input({ tierSeverity: 1, exposedMask: 0b0011 }));
    expect(merged.tierSeverity).toBe(3);
    expect(merged.exposedMask).toBe(0b0111);
  });

  it('lets later contact data replace older data, but keeps what the later file does not give', () => {
    const first = mergeCustomer(undefined, input({ phone: '+31612345678', language: 'en' }));
    const merged = mergeCustomer(first, input({ email: 'nieuw@mail.example', name: 'Ans Kok-Bakker' }));
    expect(merged).toMatchObject({ email: 'nieuw@mail.example', name: 'Ans Kok-Bakker', phone: '+31612345678', language: 'en' });
  });

  it('moves the address as one unit and never mixes a partial address into a complete one', () => {
    const first = mergeCustomer(undefined, input());
    const partial = mergeCustomer(first, input({ street: null, houseNumber: null, postcode: '9999 ZZ', city: null }));
    expect(partial).toMatchObject({ street: 'Polderweg', postcode: '1641 AB' });
    const moved = mergeCustomer(first, input({ street: 'Dijk', houseNumber: '1', houseNumberSuffix: 'A', postcode: '9999 ZZ', city: 'Elders' }));
    expect(moved).toMatchObject({ street: 'Dijk', houseNumber: '1', houseNumberSuffix: 'A', postcode: '9999 ZZ', city: 'Elders' });
  });

  it('gives the same hash for the same stored state and a different one for any change', () => {
    const a = mergeCustomer(undefined, input());
    const hashOf = (c: MergedCustomer) => customerHash(keyring, c).hash;
    expect(hashOf(mergeCustomer(a, input()))).toBe(hashOf(a));
    expect(hashOf(mergeCustomer(a, input({ tierSeverity: 2 })))).not.toBe(hashOf(a));
    expect(hashOf(mergeCustomer(a, input({ email: null, phone: '+31612345678' })))).not.toBe(hashOf(a));
  });

  it('keys the hash: another key gives another hash, and no plain sha256 of the values matches it', () => {
    const c = mergeCustomer(undefined, input({ phone: '+31612345678', birthDate: '1940-03-01' }));
    const other = new Keyring(parseDataKeys(`k2:${Buffer.alloc(32, 7).toString('base64')}`, false));
    const { text, hash } = customerHash(keyring, c);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(customerHash(other, c).hash).not.toBe(hash);
    expect(hash).not.toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('merges a new customer from nothing stored, and gives a validated row its tier', () => {
    const { tierSeverity, ...row } = input({ tierSeverity: 2 });
    expect(withTier(row, tierSeverity)).toEqual(input({ tierSeverity: 2 }));
    expect(mergeCustomer(undefined, input())).toEqual({ ...input(), language: 'nl', formerCustomer: false });
  });
});
