import { groupedToken, postalAddressLines } from './print-address';

describe(postalAddressLines.name, () => {
  const base = { name: 'Mevrouw J. de Vries', street: 'Dorpsstraat', houseNumber: '12', houseNumberSuffix: '', postcode: '1234 AB', city: 'Amsterdam' };

  it('writes the PostNL lines: name; street and number; postcode, two spaces, town in capitals', () => {
    expect(postalAddressLines(base)).toEqual(['Mevrouw J. de Vries', 'Dorpsstraat 12', '1234 AB  AMSTERDAM']);
  });

  it('puts a one-letter suffix right after the number and a longer one after a hyphen', () => {
    expect(postalAddressLines({ ...base, houseNumberSuffix: 'A' })[1]).toBe('Dorpsstraat 12A');
    expect(postalAddressLines({ ...base, houseNumberSuffix: 'BIS' })[1]).toBe('Dorpsstraat 12-BIS');
  });

  it('removes bidi overrides and control characters, and keeps Dutch capitals right', () => {
    expect(postalAddressLines({ ...base, name: 'Ev\u202Eil\u202C Na\u0007me', city: "'s-Hertogenbosch" })).toEqual(['Evil Name', 'Dorpsstraat 12', "1234 AB  'S-HERTOGENBOSCH"]);
  });

  it('leaves out lines it has nothing for', () => {
    expect(postalAddressLines({ ...base, street: null, houseNumber: null })).toEqual(['Mevrouw J. de Vries', '1234 AB  AMSTERDAM']);
  });
});

describe(groupedToken.name, () => {
  it('splits the token in groups of four so it can be typed from paper', () => {
    expect(groupedToken('AbCdEfGhIjKlMnOpQrStUv')).toBe('AbCd EfGh IjKl MnOp QrSt Uv');
  });
});
