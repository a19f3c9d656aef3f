import { Secret, TOTP } from 'otpauth';

/** Authenticator codes (RFC 6238): 6 digits, 30-second steps, SHA-1, as every authenticator app supports. */
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed just as it changed. */
const WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, account = ''): TOTP {
  return new TOTP({ issuer: 'Fraud-warning mailer', label: account, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, account: string): string {
  return totp(secretBase32, account).toString();
}

/** The key as people type it into an app by hand: groups of four. */
export function formatSetupKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * The time-step a code belongs to when it is valid now and newer than `lastStep` (a code is
 * accepted once: the same or an older step is refused), else null.
 */
export function acceptedStep(secretBase32: string, code: string, lastStep: number | null, now: number): number | null {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secretBase32).validate({ token: digits, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The current code (tests and the demo use it to act as the member's authenticator app). */
export function currentCode(secretBase32: string, now = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: now });
}
