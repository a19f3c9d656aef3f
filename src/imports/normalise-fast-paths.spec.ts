import { parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  cleanText,
  cleanTextGeneral,
  normaliseBirthDate,
  normaliseBirthDateGeneral,
  normaliseHouseNumber,
  normaliseHouseNumberGeneral,
  normalisePhone,
  normalisePhoneGeneral,
  normalisePostcode,
  normalisePostcodeGeneral,
  validateIban,
  validateIbanGeneral,
} from './normalise';

// The import's validators have fast paths for the usual, already well-formed values. Each must give
// exactly what the general path (and for phone numbers, libphonenumber itself) gives, on every input.

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomStrings(seed: number, alphabet: string[], count: number, maxLength: number): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const length = Math.floor(next() * (maxLength + 1));
    for (let j = 0; j < length; j++) s += alphabet[Math.floor(next() * alphabet.length)];
    out.push(s);
  }
  return out;
}

const digits = (n: number, next: () => number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');

describe('fast paths of the validators', () => {
  it('cleanText gives what the general cleaning gives', () => {
    const alphabet = ['a', 'Z', 'ë', 'Ç', ' ', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u3000', '\ufeff', '\u0007', '\u007f', '\u0085', '\u202e', '\u2067', '\u200e', '\u061c', '-', "'"];
    const inputs = [...randomStrings(1, alphabet, 20_000, 8), '', ' ', 'Zoë Çelik', 'Jan  Bos', ' Jan', 'Jan ', 'Jan\u00a0Bos'];
    for (const input of inputs) expect([input, cleanText(input)]).toEqual([input, cleanTextGeneral(input)]);
  });

  it('normalisePostcode gives what the general path gives', () => {
    const next = random(2);
    const letters = ['A', 'B', 'D', 'S', 'Z', 'a', 's', 'd', '1', ' '];
    const inputs: string[] = ['1234 AB', '0123 AB', '1234 SA', '1234 SD', '1234 SS', '1234 SB', '9999 ZZ', '1000 AA', '1234ab', '1234 ab', ' 1234 AB', '1234  AB', '123 ABC'];
    for (let i = 0; i < 20_000; i++) {
      const sep = [' ', '', '  ', '\t', 'x'][Math.floor(next() * 5)];
      const pick = () => letters[Math.floor(next() * letters.length)];
      inputs.push(digits(3 + Math.floor(next() * 3), next) + sep + pick() + pick());
    }
    for (const input of inputs) expect([input, normalisePostcode(input)]).toEqual([input, normalisePostcodeGeneral(input)]);
  });

  it('normaliseHouseNumber gives what the general path gives', () => {
    const inputs: [string, string][] = [];
    for (const n of ['', '0', '1', '12', '012', '123456', '1234567', '12a', '12 A', '12-b', 'a12', '1 2', '١٢']) {
      for (const s of ['', 'a', 'BIS', ' - 2', 'a&b']) inputs.push([n, s]);
    }
    const next = random(3);
    for (let i = 0; i < 5_000; i++) inputs.push([digits(1 + Math.floor(next() * 8), next), '']);
    for (const [n, s] of inputs) expect([n, s, normaliseHouseNumber(n, s)]).toEqual([n, s, normaliseHouseNumberGeneral(n, s)]);
  });

  it('normaliseBirthDate gives what the general path gives, up to and past today', () => {
    const today = new Date('2026-11-24T10:00:00Z');
    const two = (n: number) => String(n).padStart(2, '0');
    const inputs: string[] = [];
    for (const y of ['1600', '1899', '1900', '1904', '1940', '2000', '2001', '2024', '2025', '2026', '2027', '0099', '0000', '9999']) {
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) inputs.push(`${two(d)}-${two(m)}-${y}`);
    }
    inputs.push('3-4-1938', '1938-04-03', '29541', '1a-04-1938', '03-0a-1938', '03-04-19a8', '03/04/1938', '03-04-1938 ', '+3-04-1938', ' 3-04-1938');
    for (const today2 of [today, new Date('2024-02-29T23:30:00Z'), new Date('2026-01-01T00:00:00Z')]) {
      for (const input of inputs) expect([input, normaliseBirthDate(input, today2)]).toEqual([input, normaliseBirthDateGeneral(input, today2)]);
    }
  });

  it('normalisePhone gives what libphonenumber gives for plain Dutch numbers of every 5-digit prefix', () => {
    // The fast path remembers libphonenumber's verdict per 5-digit prefix; for every prefix, several
    // numbers must get exactly libphonenumber's own answer for the national number ("0" + 9 digits),
    // also when they come without their leading zero.
    const next = random(4);
    for (let prefix = 10_000; prefix <= 99_999; prefix++) {
      for (const national of [String(prefix) + digits(4, next), String(prefix) + digits(4, next)]) {
        const parsed = parsePhoneNumberFromString('0' + national, 'NL');
        const expected = parsed?.isValid() ? parsed.number : undefined;
        for (const input of ['0' + national, national]) {
          const got = normalisePhone(input).ok;
          if (got !== expected) expect([input, got]).toEqual([input, expected]);
        }
      }
    }
  });

  it('reads a number without its leading zero as Dutch, even when it starts with 31', () => {
    expect(normalisePhone('0319008125').ok).toBeUndefined();
    expect(normalisePhone('319008125').ok).toBeUndefined();
    expect(normalisePhone('0313123456').ok).toBe('+31313123456');
    expect(normalisePhone('313123456').ok).toBe('+31313123456');
  });

  it('normalisePhone gives what the general path gives for any mix of digits and separators', () => {
    const inputs = [
      ...randomStrings(5, ['0', '6', '1', '2', '3', '9', ' ', '-', '+', '(', ')', '.', '/', 'E', ','], 20_000, 14),
      '0612345678',
      '612345678',
      '0012345678',
      '012345678',
      '06123456789',
      '6,12E+08',
    ];
    for (const input of inputs) expect([input, normalisePhone(input)]).toEqual([input, normalisePhoneGeneral(input)]);
  });
});

describe('validateIban fast path', () => {
  it('agrees with ibantools on Dutch IBANs with right and wrong check digits, letters and lengths', () => {
    const next = random(97);
    const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
    const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(next() * 26))).join('');
    const samples: string[] = ['NL91ABNA0417164300', 'NL00ABNA0417164300', 'NL99ABNA0417164300', 'NL01ABNA0417164300', 'nl91abna0417164300', 'NL91 ABNA 0417 1643 00'];
    for (let i = 0; i < 20000; i++) {
      const bban = (next() < 0.05 ? letters(3) + digits(11) : letters(4) + digits(10)).slice(0, next() < 0.05 ? 13 : 14);
      samples.push(`NL${digits(2)}${bban}`);
    }
    // A share of them valid: check digits computed the slow way.
    for (let i = 0; i < 2000; i++) {
      const bban = letters(4) + digits(10);
      for (let c = 2; c <= 98; c += 7) samples.push(`NL${String(c).padStart(2, '0')}${bban}`);
    }
    let valid = 0;
    for (const s of samples) {
      const general = validateIbanGeneral(s);
      expect([s, validateIban(s)]).toEqual([s, general]);
      if (general.ok) valid++;
    }
    expect(valid).toBeGreaterThan(100);
  });
});
