import { fillWords } from './fill-words';

describe(fillWords.name, () => {
  it('fills each {key} and leaves unknown keys as they are', () => {
    expect(fillWords('Bij {company} is {what}.', { company: 'Polderstroom', what: 'iets' })).toBe('Bij Polderstroom is iets.');
    expect(fillWords('Hallo {nobody}.', {})).toBe('Hallo {nobody}.');
  });

  it('lets a value that ends in a full stop take the place of the sentence’s own', () => {
    expect(fillWords('Een brief over het datalek bij {company}. Wij weten', { company: 'Polderstroom B.V.' })).toBe('Een brief over het datalek bij Polderstroom B.V. Wij weten');
    expect(fillWords('Bij {company}, en {company}: klaar', { company: 'Polderstroom B.V.' })).toBe('Bij Polderstroom B.V., en Polderstroom B.V.: klaar');
    expect(fillWords('{a}. {b}.', { a: 'Een', b: 'Twee.' })).toBe('Een. Twee.');
  });
});
