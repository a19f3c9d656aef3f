import { categoriesToMask } from '../customers/tiers';
import { mapHeaders } from './headers';
import { validateRow } from './validate-row';

const today = new Date('2026-11-24T10:00:00Z');
const layout = mapHeaders(['klantnummer', 'voornaam', 'tussenvoegsel', 'achternaam', 'email', 'telefoon', 'straat', 'huisnummer', 'postcode', 'plaats', 'geboortedatum', 'iban', 'gegevens']);
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    klantnummer: 'K1',
    voornaam: 'Zoë',
    tussenvoegsel: 'van der',
    achternaam: 'Meer',
    email: 'zoe@mail.example',
    telefoon: '06-12345678',
    straat: 'Polderweg',
    huisnummer: '12a',
    postcode: '1641ab',
    plaats: 'Lindehoven',
    geboortedatum: '3-4-1938',
    iban: 'NL91ABNA0417164300',
    gegevens: '',
  };
  return layout.names.map((n) => over[n] ?? base[n]);
};

describe(validateRow.name, () => {
  it('normalises a complete row and derives the exposed categories from the filled columns', () => {
    const { customer, issues } = validateRow(row(), layout, 2, today);
    expect(issues).toEqual([]);
    expect(customer).toEqual({
      customerNumber: 'K1',
      name: 'Zoë van der Meer',
      email: 'zoe@mail.example',
      phone: '+31612345678',
      street: 'Polderweg',
      houseNumber: '12',
      houseNumberSuffix: 'A',
      postcode: '1641 AB',
      city: 'Lindehoven',
      birthDate: '1938-04-03',
      language: null,
      formerCustomer: null,
      exposedMask: categoriesToMask(['name', 'customerNumber', 'email', 'phone', 'address', 'birthDate', 'iban']),
    });
  });

  it('rejects a row without customer number or name, naming the column', () => {
    expect(validateRow(row({ klantnummer: ' ' }), layout, 3, today).issues).toEqual([{ line: 3, column: 'klantnummer', severity: 'error', reason: expect.stringContaining('no customer number') }]);
    expect(validateRow(row({ voornaam: '', tussenvoegsel: '', achternaam: '' }), layout, 4, today).issues).toEqual([{ line: 4, column: 'achternaam', severity: 'error', reason: expect.stringContaining('no name') }]);
  });

  it('drops an invalid e-mail with a warning when the postal address is complete, and rejects the row when it is not', () => {
    const kept = validateRow(row({ email: 'zoe@' }), layout, 5, today);
    expect(kept.customer?.email).toBeNull();
    expect(kept.issues).toEqual([{ line: 5, column: 'email', severity: 'warning', reason: expect.stringContaining('goes by post') }]);
    const rejected = validateRow(row({ email: 'zoe@', postcode: '1234 SS' }), layout, 6, today);
    expect(rejected.customer).toBeUndefined();
    expect(rejected.issues.map((i) => [i.column, i.severity])).toEqual([
      ['postcode', 'warning'],
      ['', 'error'],
    ]);
  });

  it('keeps dropped values as exposed and never keeps IBAN digits', () => {
    const { customer, issues } = validateRow(row({ telefoon: '6,12E+08', iban: 'NL00ABNA0417164300' }), layout, 7, today);
    expect(customer?.phone).toBeNull();
    expect(JSON.stringify(customer)).not.toContain('0417164300');
    expect(customer!.exposedMask & categoriesToMask(['phone', 'iban'])).toBe(categoriesToMask(['phone', 'iban']));
    expect(issues.map((i) => i.column)).toEqual(['telefoon', 'iban']);
  });

  it('uses the gegevens column when it is filled', () => {
    const { customer } = validateRow(row({ gegevens: 'naam|adres' }), layout, 8, today);
    expect(customer?.exposedMask).toBe(categoriesToMask(['name', 'address']));
  });
});
