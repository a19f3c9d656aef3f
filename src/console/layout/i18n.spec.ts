import { acceptLanguage } from './i18n';

describe('acceptLanguage', () => {
  it('takes the first of Dutch and English by quality, and Dutch otherwise', () => {
    expect(acceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(acceptLanguage('de-DE,en;q=0.5,nl;q=0.8')).toBe('nl');
    expect(acceptLanguage('fr-FR')).toBe('nl');
    expect(acceptLanguage(undefined)).toBe('nl');
    expect(acceptLanguage('en;q=0,nl-BE')).toBe('nl');
  });
});
