/** Cells a spreadsheet would run as a formula start with one of these; they get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

export const POSTAL_HEADER = ['letterId', 'name', 'street', 'houseNumber', 'houseNumberSuffix', 'postcode', 'city', 'language', 'reason'] as const;

/** Why a letter is on the postal list. */
export type PostalReason = 'post' | 'email-failed' | 'email-unknown' | 'email-bounced';

export function postalReason(letter: { channel: string; state: string; bouncedAt: Date | null }): PostalReason {
  if (letter.channel === 'post') return 'post';
  if (letter.bouncedAt) return 'email-bounced';
  return letter.state === 'unknown' ? 'email-unknown' : 'email-failed';
}
