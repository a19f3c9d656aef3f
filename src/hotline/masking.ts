/** "jan.jansen@example.nl" → "j***@example.nl"; null when there is no (usable) address. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * "+31612345678" → "***678": only the last three digits, and a fixed number of stars so the
 * mask does not reveal the length either.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length < 6) return null;
  return `***${digits.slice(-3)}`;
}
