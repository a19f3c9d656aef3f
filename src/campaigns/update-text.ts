import { createHash } from 'node:crypto';
import { UpdateText, updateParagraphs } from '../letters/wave-view';

export type { UpdateText };

export const UPDATE_LIMITS = { subject: 150, body: 6000, paragraphs: 30 } as const;

type Parsed = { ok: true; value: UpdateText } | { ok: false; messages: string[] };

function part(input: unknown, lang: 'nl' | 'en', messages: string[]): { subject: string; body: string } | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    messages.push(`update.${lang} must be an object with a subject and a body, e.g. {"subject": "…", "body": "…"}`);
    return undefined;
  }
  const { subject, body, ...rest } = input as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) messages.push(`update.${lang} has fields that are not allowed: ${extra.slice(0, 5).join(', ')} (only subject and body)`);
  const before = messages.length;
  if (typeof subject !== 'string' || subject.trim() === '') messages.push(`update.${lang}.subject must be a non-empty text`);
  else if (/[\r\n]/.test(subject.trim())) messages.push(`update.${lang}.subject must be one line (no line breaks)`);
  else if (subject.trim().length > UPDATE_LIMITS.subject) messages.push(`update.${lang}.subject is ${subject.trim().length} characters; at most ${UPDATE_LIMITS.subject} are allowed`);
  if (typeof body !== 'string' || body.trim() === '') messages.push(`update.${lang}.body must be a non-empty text`);
  else {
    const text = body.replace(/\r\n?/g, '\n').trim();
    if (text.length > UPDATE_LIMITS.body) messages.push(`update.${lang}.body is ${text.length} characters; at most ${UPDATE_LIMITS.body} are allowed (a letter people read to the end is short)`);
    const n = updateParagraphs(text).length;
    if (n > UPDATE_LIMITS.paragraphs) messages.push(`update.${lang}.body has ${n} paragraphs; at most ${UPDATE_LIMITS.paragraphs} are allowed`);
  }
  if (messages.length > before) return undefined;
  return { subject: (subject as string).trim(), body: (body as string).replace(/\r\n?/g, '\n').trim() };
}

/** Checks an update campaign's `update` field; every problem is named, with the field and the limit. */
export function parseUpdateText(input: unknown): Parsed {
  const messages: string[] = [];
  if (input === undefined || input === null) return { ok: false, messages: ['an update campaign needs its text: update: {nl: {subject, body}, en?: {subject, body}}'] };
  if (typeof input !== 'object' || Array.isArray(input)) return { ok: false, messages: ['update must be an object: {nl: {subject, body}, en?: {subject, body}}'] };
  const { nl, en, ...rest } = input as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) messages.push(`update has languages that are not offered: ${extra.slice(0, 5).join(', ')} (only nl and, optionally, en)`);
  if (nl === undefined) messages.push('update.nl is required: every customer who has no English text gets the Dutch one');
  const nlPart = nl === undefined ? undefined : part(nl, 'nl', messages);
  const enPart = en === undefined || en === null ? undefined : part(en, 'en', messages);
  if (messages.length || !nlPart) return { ok: false, messages };
  return { ok: true, value: enPart ? { nl: nlPart, en: enPart } : { nl: nlPart } };
}

export function updateTextHash(text: UpdateText | null): string {
  return text ? createHash('sha256').update(JSON.stringify(text)).digest('hex').slice(0, 16) : '';
}
