import { cleanLine } from '../letters/letter-view';

export interface PostalAddressInput {
  name: string;
  street: string | null;
  houseNumber: string | null;
  houseNumberSuffix: string;
  postcode: string | null;
  city: string | null;
}

/**
 * The address block as PostNL wants it: name; street, house number and suffix; `1234 AB  TOWN`
 * (two spaces between postcode and town, town in capitals). Unsafe characters (bidi overrides,
 * controls) are removed: a name must print as what it is.
 */
export function postalAddressLines(a: PostalAddressInput): string[] {
  const suffix = cleanLine(a.houseNumberSuffix);
  // A letter suffix follows the number directly ("12A"); anything longer gets a hyphen ("12-BIS").
  const number = cleanLine(a.houseNumber) + (suffix ? (/^[A-Z]$/i.test(suffix) ? suffix : `-${suffix}`) : '');
  const street = [cleanLine(a.street), number].filter(Boolean).join(' ');
  const town = cleanLine(a.city).toLocaleUpperCase('nl-NL');
  const postcode = cleanLine(a.postcode).toUpperCase();
  return [cleanLine(a.name), street, [postcode, town].filter(Boolean).join('  ')].filter((line) => line.length > 0);
}

/** The token in groups of four, so a person can type it from paper without losing their place. */
export function groupedToken(token: string, size = 4): string {
  return (token.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');
}
