import { CustomerInput, MergedCustomer, mergeCustomer, StoredCustomer, unchanged, withTier } from './customer-merge';
import { personalText } from './sealed-customer';

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

  it('calls a merge unchanged only when every stored field is the same', () => {
    const a = mergeCustomer(undefined, input());
    const stored: StoredCustomer = { ...a, id: '1', lastImportId: 1, text: personalText(a) };
    const same = (c: MergedCustomer) => unchanged(stored, c, personalText(c));
    expect(same(mergeCustomer(stored, input()))).toBe(true);
    expect(same(mergeCustomer(stored, input({ tierSeverity: 2 })))).toBe(false);
    expect(same(mergeCustomer(stored, input({ phone: '+31612345678' })))).toBe(false);
    expect(same(mergeCustomer(stored, input({ language: 'en' })))).toBe(false);
    expect(same(mergeCustomer(stored, input({ exposedMask: 3 })))).toBe(false);
  });

  it('merges a new customer from nothing stored, and gives a validated row its tier', () => {
    const { tierSeverity, ...row } = input({ tierSeverity: 2 });
    expect(withTier(row, tierSeverity)).toEqual(input({ tierSeverity: 2 }));
    expect(mergeCustomer(undefined, input())).toEqual({ ...input(), language: 'nl', formerCustomer: false });
  });
});
