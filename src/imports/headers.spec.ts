import { chooseDelimiter, describeHeaders, mapHeaders, missingColumns } from './headers';

describe('mapHeaders', () => {
  it('matches Dutch and English names regardless of case, spaces, - and _', () => {
    const layout = mapHeaders(['\uFEFFKlant Nummer', 'E-mailadres', 'TELEFOON_NUMMER', 'postal-code', 'Woonplaats', 'Birth Date', 'opmerking', '']);
    expect(layout.columns).toEqual({ customerNumber: 0, email: 1, phone: 2, postcode: 3, city: 4, birthDate: 5 });
    expect(layout.names[0]).toBe('Klant Nummer');
    expect(layout.unknown).toEqual([6]);
  });

  it('uses the first of two columns with the same meaning', () => {
    const layout = mapHeaders(['klantnummer', 'naam', 'name']);
    expect(layout.columns.name).toBe(1);
    expect(layout.repeated).toEqual([2]);
  });

  it('names what is missing', () => {
    expect(missingColumns(mapHeaders(['naam']))).toEqual([expect.stringContaining('klantnummer')]);
    expect(missingColumns(mapHeaders(['klantnummer', 'email']))).toEqual([expect.stringContaining('naam')]);
    expect(missingColumns(mapHeaders(['customer_number', 'first_name', 'last_name']))).toEqual([]);
  });
});

describe('chooseDelimiter', () => {
  it.each([
    ['klantnummer;naam;email', ';'],
    ['klantnummer,naam,email', ','],
    ['klantnummer\tnaam\temail', '\t'],
    ['"klantnummer";"naam, volledig";"email"', ';'],
  ])('picks the delimiter that yields the known headers in %p', (line, expected) => {
    expect(chooseDelimiter(line).delimiter).toBe(expected);
  });
});

describe('describeHeaders', () => {
  it('quotes header names but not values from a header-less file', () => {
    expect(describeHeaders(['nummer', 'naam'])).toBe('"nummer", "naam"');
    expect(describeHeaders(['K123', 'jan@mail.example', 'Jan'])).toBe('(a value, not a header name), (a value, not a header name), "Jan"');
  });
});
