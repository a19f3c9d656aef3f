import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but a megabyte "password" is a way to burn CPU, not a password. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'missing' | 'too-short' | 'too-long' | 'common' | 'personal' | 'repetitive';

const COMMON = new Set(COMMON_PASSWORDS);

/** What stays of a password once case, spacing and the digits/symbols people add at either end are ignored. */
function stem(password: string): string {
  return password.toLowerCase().replace(/\s+/g, '').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/**
 * The first reason a chosen password is refused, or null. Length counts characters as people see
 * them (code points), so a passphrase in any script is fine; nothing else (no "one capital, one
 * digit" rules) is asked: those make passwords weaker and password managers harder to use.
 */
export function passwordProblem(password: string, member: { name: string; email: string | null }): PasswordProblem | null {
  if (!password) return 'missing';
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  const s = stem(password);
  const plain = password.toLowerCase().replace(/\s+/g, '');
  if (COMMON.has(s) || COMMON.has(plain) || s === '') return 'common';
  // The same short block repeated ("abcabcabcabc", "111111111111").
  if (/^(.{1,4})\1+$/u.test(plain)) return 'repetitive';
  const personal = [member.name, member.email?.split('@')[0] ?? '', member.email ?? '']
    .map((p) => p.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((p) => p.length >= 4);
  const letters = plain.replace(/[^\p{L}\p{N}]/gu, '');
  if (personal.some((p) => letters === p || stem(letters) === stem(p))) return 'personal';
  return null;
}
