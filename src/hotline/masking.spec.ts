import { maskEmail, maskPhone } from './masking';

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('jan.jansen@example.nl')).toBe('j***@example.nl');
  });

  it('hides the length of the local part', () => {
    expect(maskEmail('a@example.nl')).toBe('a***@example.nl');
    expect(maskEmail('abcdefghijkl@example.nl')).toBe('a***@example.nl');
  });

  it('gives null for no or an unusable address', () => {
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail('')).toBeNull();
    expect(maskEmail('@example.nl')).toBeNull();
    expect(maskEmail('jan@')).toBeNull();
  });
});

describe('maskPhone', () => {
  it('shows only the last three digits', () => {
    expect(maskPhone('+31612345678')).toBe('***678');
    expect(maskPhone('+442071234567')).toBe('***567');
  });

  it('gives null for no or a too short number', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('12')).toBeNull();
  });
});
