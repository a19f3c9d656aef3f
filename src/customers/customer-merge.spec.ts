import { createHash } from 'node:crypto';
import { customerHash, CustomerInput, mergeCustomer, withTier } from './customer-merge';

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
    expect(customerHash(mergeCustomer(a, input()))).toBe(customerHash(a));
    expect(customerHash(mergeCustomer(a, input({ tierSeverity: 2 })))).not.toBe(customerHash(a));
  });

  it('hashes exactly as earlier versions did, so stored hashes keep recognising unchanged customers', () => {
    const c = mergeCustomer(undefined, input({ phone: '+31612345678', birthDate: '1940-03-01', formerCustomer: true, language: 'en' }));
    const earlier = [c.customerNumber, c.name, c.email ?? '', c.phone ?? '', c.street ?? '', c.houseNumber ?? '', c.houseNumberSuffix, c.postcode ?? '', c.city ?? '', c.birthDate ?? '', c.language, c.formerCustomer ? '1' : '0', String(c.tierSeverity), String(c.exposedMask)];
    expect(customerHash(c)).toBe(createHash('sha256').update(earlier.join('\u0001')).digest('hex'));
    const empty = mergeCustomer(undefined, input({ email: null, street: null, houseNumber: null, postcode: null, city: null }));
    expect(customerHash(empty)).toBe(createHash('sha256').update(['K1', 'Ans Kok', '', '', '', '', '', '', '', '', 'nl', '0', '1', '1'].join('\u0001')).digest('hex'));
  });

  it('merges a new customer from nothing stored, and gives a validated row its tier', () => {
    const { tierSeverity, ...row } = input({ tierSeverity: 2 });
    expect(withTier(row, tierSeverity)).toEqual(input({ tierSeverity: 2 }));
    expect(mergeCustomer(undefined, input())).toEqual({ ...input(), language: 'nl', formerCustomer: false });
  });
});
