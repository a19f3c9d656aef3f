import { ACCEPTED_LOOKUPS, normaliseBirthDate, normaliseCustomerNumber, normaliseHouseNumber, normalisePostcode, normaliseSuffix, parseLookup } from './lookup-rules';

const today = new Date('2026-11-24T12:00:00Z');
const base = { incidentId: 1, reason: 'Caller asks whether she is affected' };

function rejected(body: unknown): string {
  const r = parseLookup(body, today);
  if (r.ok) throw new Error('expected a rejection');
  return r.message;
}

describe('normalisePostcode', () => {
  it.each([
    ['1234 AB', '1234 AB'],
    ['1234ab', '1234 AB'],
    [' 1234  aB ', '1234 AB'],
  ])('reads %p as %p', (raw, expected) => expect(normalisePostcode(raw)).toBe(expected));

  it.each([['1234'], ['1234 A'], ['AB'], ['0123 AB'], ['1234 A*'], ['12% AB'], ['1234_AB'], [''], [1234]])('refuses %p', (raw) => expect(normalisePostcode(raw)).toBeNull());
});

describe('normaliseHouseNumber', () => {
  it.each([
    ['12', '12'],
    [12, '12'],
    [' 012 ', '12'],
  ])('reads %p as %p', (raw, expected) => expect(normaliseHouseNumber(raw)).toBe(expected));

  it.each([['12A'], ['12-A'], ['12-14'], ['1*'], [0], [1.5], [''], [null], ['-3']])('refuses %p', (raw) => expect(normaliseHouseNumber(raw)).toBeNull());
});

describe('normaliseSuffix', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['', ''],
    ['a', 'A'],
    ['-A', 'A'],
    [' bis ', 'BIS'],
    ['2', '2'],
  ])('reads %p as %p', (raw, expected) => expect(normaliseSuffix(raw)).toBe(expected));

  it.each([['*'], ['A%'], ['_'], ['?'], ['-'], [3]])('refuses %p', (raw) => expect(normaliseSuffix(raw)).toBeNull());
});

describe('normaliseBirthDate', () => {
  it.each([
    ['1950-03-07', '1950-03-07'],
    ['07-03-1950', '1950-03-07'],
    ['7-3-1950', '1950-03-07'],
    ['29-02-1948', '1948-02-29'],
  ])('reads %p as %p', (raw, expected) => expect(normaliseBirthDate(raw, today)).toBe(expected));

  it.each([['1950'], ['03-1950'], ['1950-02-30'], ['31-04-1950'], ['2030-01-01'], ['1850-01-01'], ['195*-01-01'], [19500307]])('refuses %p', (raw) =>
    expect(normaliseBirthDate(raw, today)).toBeNull(),
  );
});

describe('normaliseCustomerNumber', () => {
  it.each([
    ['K0000001', 'K0000001'],
    [' PS-100234 ', 'PS-100234'],
    [12345678, '12345678'],
  ])('reads %p as %p', (raw, expected) => expect(normaliseCustomerNumber(raw)).toBe(expected));

  it.each([['K00*'], ['K%'], ['K_000001'], ['K00000?1'], ['K1'], ['   '], [''], ['KLANT'], ['K1..K9'], [null], [{}]])('refuses %p', (raw) =>
    expect(normaliseCustomerNumber(raw)).toBeNull(),
  );
});

describe('parseLookup', () => {
  it('accepts a customer number lookup', () => {
    expect(parseLookup({ ...base, customerNumber: 'K0000001' }, today)).toEqual({
      ok: true,
      query: { kind: 'customerNumber', incidentId: 1, reason: base.reason, customerNumber: 'K0000001' },
    });
  });

  it('accepts an address lookup with the house number as a number and no suffix', () => {
    expect(parseLookup({ ...base, postcode: '1234ab', houseNumber: 12 }, today)).toEqual({
      ok: true,
      query: { kind: 'address', incidentId: 1, reason: base.reason, postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: '', birthDate: null },
    });
  });

  it('accepts an address lookup with suffix and birth date', () => {
    const r = parseLookup({ ...base, postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: 'a', birthDate: '07-03-1950' }, today);
    expect(r).toEqual({
      ok: true,
      query: { kind: 'address+birthDate', incidentId: 1, reason: base.reason, postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: 'A', birthDate: '1950-03-07' },
    });
  });

  it('treats null or empty optional fields as absent', () => {
    const r = parseLookup({ ...base, postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: null, birthDate: null }, today);
    expect(r.ok && r.query.kind).toBe('address');
    const blank = parseLookup({ ...base, postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: '', birthDate: ' ' }, today);
    expect(blank.ok && blank.query).toMatchObject({ kind: 'address', houseNumberSuffix: '', birthDate: null });
  });

  it.each([['name'], ['age'], ['city'], ['birthYear'], ['email'], ['street']])('refuses the extra field %p and says what is accepted', (field) => {
    const message = rejected({ ...base, postcode: '1234 AB', houseNumber: '12', [field]: 'x' });
    expect(message).toContain(`"${field}"`);
    expect(message).toContain(ACCEPTED_LOOKUPS);
  });

  it('refuses a search by town or age alone', () => {
    expect(rejected({ ...base, city: 'Testdorp' })).toContain('"city"');
    expect(rejected({ ...base, age: 80 })).toContain('"age"');
  });

  it('refuses both forms mixed', () => {
    expect(rejected({ ...base, customerNumber: 'K0000001', postcode: '1234 AB', houseNumber: '12' })).toContain('not both');
  });

  it('refuses a postcode alone, a house number alone and a partial postcode', () => {
    expect(rejected({ ...base, postcode: '1234 AB' })).toContain('both postcode and houseNumber');
    expect(rejected({ ...base, houseNumber: '12' })).toContain('both postcode and houseNumber');
    expect(rejected({ ...base, postcode: '1234', houseNumber: '12' })).toContain('complete postcode');
  });

  it.each([['K*'], ['K%'], ['K000000_'], ['K00?'], ['K1'], ['  ']])('refuses the customer number pattern %p', (customerNumber) => {
    expect(rejected({ ...base, customerNumber })).toContain('complete customer number');
  });

  it('refuses a range of house numbers and a birth year', () => {
    expect(rejected({ ...base, postcode: '1234 AB', houseNumber: '10-20' })).toContain('houseNumber');
    expect(rejected({ ...base, postcode: '1234 AB', houseNumber: '12', birthDate: '1950' })).toContain('birthDate');
  });

  it('requires a reason', () => {
    expect(rejected({ incidentId: 1, customerNumber: 'K0000001' })).toContain('reason is required');
    expect(rejected({ incidentId: 1, reason: '   ', customerNumber: 'K0000001' })).toContain('reason is required');
  });

  it('requires an incident id', () => {
    expect(rejected({ reason: base.reason, customerNumber: 'K0000001' })).toContain('incidentId');
  });

  it('refuses what is not an object', () => {
    expect(rejected([])).toContain('JSON object');
    expect(rejected('K0000001')).toContain('JSON object');
  });

  it('never repeats a value that was sent', () => {
    const message = rejected({ ...base, postcode: '9999 ZZ', houseNumber: '12', name: 'Jan Geheim' });
    expect(message).not.toContain('Jan Geheim');
    expect(message).not.toContain('9999');
    expect(rejected({ ...base, 'Jan Geheim': 1, customerNumber: 'K0000001' })).not.toContain('Jan Geheim');
  });

  it('reports the kind of identifier even when refusing', () => {
    const r = parseLookup({ ...base, customerNumber: 'K*' }, today);
    expect(r.ok ? null : r.kind).toBe('customerNumber');
  });
});
