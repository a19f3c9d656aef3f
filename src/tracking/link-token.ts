import { randomBytes } from 'node:crypto';

/** A letter's link token: 128 random bits, base64url (22 characters). Carries no data at all. */
export function newLinkToken(): string {
  return randomBytes(16).toString('base64url');
}

export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The opt-in open pixel of a letter (only for incidents with `trackOpens`); answered by the tracking module. */
export function openPixelUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/o/${token}.gif`;
}
