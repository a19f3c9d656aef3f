import {
  cleanText,
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

const today = new Date('2026-11-24T10:00:00Z');

describe('normalisePostcode', () => {
  it.each([
    ['1234AB', '1234 AB'],
    [' 1234 ab ', '1234 AB'],
    ['9999  zz', '9999 ZZ'],
  ])('turns %p into %p', (input, expected) => expect(normalisePostcode(input).ok).toBe(expected));

  it.each(['0123 AB', '1234 SA', '1234 SD', '1234 ss', '123 AB', '12345 AB', '1234 A', 'ABCD 12', ''])('rejects %p', (input) => {
    expect(normalisePostcode(input).problem).toMatch(/not a Dutch postcode/);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['0612345678', '+31612345678'],
    ['06-12345678', '+31612345678'],
    ['612345678', '+31612345678'],
    ['+31 6 1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['020-1234567', '+31201234567'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('turns %p into %p', (input, expected) => expect(normalisePhone(input).ok).toBe(expected));

  it('never guesses an Excel-rounded number back', () => {
    expect(normalisePhone('6,12E+08').problem).toMatch(/Excel/);
    expect(normalisePhone('6.12346E+08').problem).toMatch(/Excel/);
  });

  it.each(['06-1234', '123', 'bel mij niet', '06 1234 5678 9999'])('rejects %p', (input) => expect(normalisePhone(input).ok).toBeUndefined());
});

describe('normaliseEmail', () => {
  it('accepts addresses and lower-cases the domain only', () => {
    expect(normaliseEmail(' Jan.Jansen@Mail.Example ').ok).toBe('Jan.Jansen@mail.example');
    expect(normaliseEmail("o'brien+post@sub.mail.example").ok).toBe("o'brien+post@sub.mail.example");
  });

  it.each(['jan', 'jan@', '@mail.example', 'jan@@mail.example', 'jan@mail', 'jan jansen@mail.example', 'jan..j@mail.example', 'jan@mail..example'])('rejects %p', (input) => {
    expect(normaliseEmail(input).problem).toMatch(/not a valid e-mail address/);
  });
});

describe('validateIban', () => {
  it('accepts a valid IBAN in any spacing and rejects a wrong check digit', () => {
    expect(validateIban('NL91ABNA0417164300').ok).toBe(true);
    expect(validateIban('nl91 abna 0417 1643 00').ok).toBe(true);
    expect(validateIban('NL92ABNA0417164300').problem).toMatch(/IBAN/);
    expect(validateIban('0417164300').problem).toMatch(/IBAN/);
  });
});

describe('normaliseBirthDate', () => {
  it.each([
    ['03-04-1938', '1938-04-03'],
    ['3-4-1938', '1938-04-03'],
    ['1938-04-03', '1938-04-03'],
    ['29-02-1940', '1940-02-29'],
    ['24-11-2026', '2026-11-24'],
  ])('reads %p as %p', (input, expected) => expect(normaliseBirthDate(input, today).ok).toBe(expected));

  it.each([
    ['31-02-1940', /not an existing date/],
    ['29-02-1941', /not an existing date/],
    ['13-13-1940', /not an existing date/],
    ['25-11-2026', /future/],
    ['01-01-1899', /before 1900/],
    ['29541', /day number/],
    ['1940/04/03', /format/],
    ['3 april 1940', /format/],
  ])('drops %p', (input, reason) => expect(normaliseBirthDate(input, today).problem).toMatch(reason));
});

describe('normaliseHouseNumber', () => {
  it.each([
    ['12', '', '12', ''],
    ['12a', '', '12', 'A'],
    ['12-A', '', '12', 'A'],
    ['12 bis', '', '12', 'BIS'],
    ['12', 'a', '12', 'A'],
    ['12', ' - 2', '12', '2'],
  ])('splits %p + %p', (n, s, number, suffix) => expect(normaliseHouseNumber(n, s).ok).toEqual({ houseNumber: number, houseNumberSuffix: suffix }));

  it.each([['abc', ''], ['0', ''], ['12a', 'b'], ['12', 'a&b']])('rejects %p + %p', (n, s) => expect(normaliseHouseNumber(n, s).ok).toBeUndefined());
});

describe('cleanText', () => {
  it('trims, collapses spaces, keeps diacritics and removes control and bidi characters', () => {
    expect(cleanText('  Zoë   Çelik ')).toBe('Zoë Çelik');
    expect(cleanText('Jan\u202Eeknaws\u202C\u0007 Bos\u2067')).toBe('Jan eknaws Bos');
  });
});

describe('language, customer status and categories', () => {
  it('reads nl/en and klant/ex-klant/customer/former', () => {
    expect(normaliseLanguage('EN').ok).toBe('en');
    expect(normaliseLanguage('fr').problem).toBeDefined();
    expect(normaliseCustomerStatus('Ex-klant').ok).toBe(true);
    expect(normaliseCustomerStatus('customer').ok).toBe(false);
    expect(normaliseCustomerStatus('former').ok).toBe(true);
    expect(normaliseCustomerStatus('misschien').problem).toBeDefined();
  });

  it('parses |-separated categories in English or Dutch and counts unknown ones', () => {
    expect(parseCategories('naam | IBAN|birthDate|geboortedatum|onzin')).toEqual({ categories: ['name', 'iban', 'birthDate'], unknown: 1 });
  });
});
