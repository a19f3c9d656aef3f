import { passwordProblem } from './passwords';
import { acceptedStep, currentCode, formatSetupKey, newTotpSecret } from './totp';
import { openSecret, sealSecret } from './secret-box';
import { slowDown } from './sign-in-limiter';

describe('passwordProblem', () => {
  const member = { name: 'Ada Vermeulen', email: 'ada.vermeulen@example.org' };

  it('accepts a long passphrase, in any script, pasted or typed', () => {
    expect(passwordProblem('lighthouse paints green at dawn', member)).toBeNull();
    expect(passwordProblem('vuurtoren-kleurt-groen', member)).toBeNull();
    expect(passwordProblem('ночь улица фонарь', member)).toBeNull();
  });

  it('refuses what is short, common, repetitive or personal', () => {
    expect(passwordProblem('', member)).toBe('missing');
    expect(passwordProblem('elevenchars', member)).toBe('too-short');
    expect(passwordProblem('x'.repeat(257), member)).toBe('too-long');
    expect(passwordProblem('Wachtwoord123!', member)).toBe('common');
    expect(passwordProblem('qwertyuiop1234', member)).toBe('common');
    expect(passwordProblem('abcabcabcabc', member)).toBe('repetitive');
    expect(passwordProblem('Ada Vermeulen 2026', member)).toBe('personal');
    expect(passwordProblem('ada.vermeulen@example.org', member)).toBe('personal');
  });
});

describe('authenticator codes', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 11, 2, 3, 0, 10);

  it('accepts the current code once: the same or an older step is refused', () => {
    const step = acceptedStep(secret, currentCode(secret, now), null, now);
    expect(step).toBe(Math.floor(now / 30000));
    expect(acceptedStep(secret, currentCode(secret, now), step, now)).toBeNull();
    expect(acceptedStep(secret, currentCode(secret, now + 30000), step, now)).toBe(step! + 1);
  });

  it('allows one step of clock difference and no more', () => {
    expect(acceptedStep(secret, currentCode(secret, now - 30000), null, now)).not.toBeNull();
    expect(acceptedStep(secret, currentCode(secret, now - 90000), null, now)).toBeNull();
    expect(acceptedStep(secret, 'abcdef', null, now)).toBeNull();
    expect(acceptedStep(secret, `${currentCode(secret, now).slice(0, 3)} ${currentCode(secret, now).slice(3)}`, null, now)).not.toBeNull();
  });

  it('shows the key in groups of four and keeps it sealed at rest', () => {
    expect(formatSetupKey('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    const sealed = sealSecret(secret, 'app-secret');
    expect(sealed).not.toContain(secret);
    expect(openSecret(sealed, 'app-secret')).toBe(secret);
    expect(() => openSecret(sealed, 'another-secret')).toThrow();
  });
});

describe('slowDown', () => {
  it('holds answers back longer with every failure after the first few, up to a ceiling', () => {
    expect([0, 2, 3, 4, 5, 20].map((n) => slowDown(n, 3))).toEqual([0, 0, 250, 500, 1000, 8000]);
  });
});
