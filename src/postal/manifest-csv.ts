import { csvRow } from '../campaigns/postal-csv';

/** The manifest's columns, in the contract's order: one row per letter in print order. */
export const MANIFEST_HEADER = ['sequence', 'letterId', 'file', 'firstPage', 'pages', 'name', 'street', 'houseNumber', 'houseNumberSuffix', 'postcode', 'city'] as const;

export interface ManifestRow {
  sequence: number;
  letterId: string;
  file: string;
  firstPage: number;
  pages: number;
  name: string;
  street: string;
  houseNumber: string;
  houseNumberSuffix: string;
  postcode: string;
  city: string;
}

export function manifestLine(r: ManifestRow): string {
  return csvRow(MANIFEST_HEADER.map((k) => r[k]));
}

export function manifestHeader(): string {
  return csvRow([...MANIFEST_HEADER]);
}
