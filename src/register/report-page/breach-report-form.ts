import type { ReportLanguage } from './texts';
import { TEXTS } from './texts';

/**
 * The public breach report form: what a reporter typed, checked field by field. Pure, so hostile
 * and oversized input is tested without a server. Values are kept as typed (after removing control
 * and bidirectional-override characters) so the form can show them again next to the errors.
 */
export const REPORT_FIELDS = ['whatHappened', 'noticedAt', 'organisation', 'name', 'email', 'phone'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
export type ReportValues = Record<ReportField, string>;

export const FIELD_LIMITS: Record<ReportField, number> = { whatHappened: 5000, noticedAt: 100, organisation: 200, name: 200, email: 254, phone: 40 };

export interface FieldError {
  field: ReportField;
  message: string;
}

export type FormResult = { ok: true; values: ReportValues } | { ok: false; values: ReportValues; errors: FieldError[] };

// Like the import's cleanText (src/imports/normalise.ts), but keeping line breaks and tabs, which a
// description of what happened may need: C0/C1 controls and the bidi marks, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

function clean(raw: unknown, multiline: boolean): string {
  // A field sent twice arrives as an array; a hostile client may send objects. Only a string is an answer.
  const s = typeof raw === 'string' ? raw : '';
  const v = s.replace(UNSAFE, '').replace(/\r\n?/g, '\n');
  return (multiline ? v : v.replace(/\s+/g, ' ')).trim();
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]{2,}$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,30}$/;

export function readReportForm(body: unknown, language: ReportLanguage): FormResult {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const values = Object.fromEntries(REPORT_FIELDS.map((f) => [f, clean(b[f], f === 'whatHappened')])) as ReportValues;
  const t = TEXTS[language].errors;
  const errors: FieldError[] = [];
  const add = (field: ReportField, message: string) => errors.push({ field, message });
  const tooLong = (f: ReportField) => values[f].length > FIELD_LIMITS[f];

  if (!values.whatHappened) add('whatHappened', t.whatHappenedMissing);
  else if (tooLong('whatHappened')) add('whatHappened', t.tooLong(TEXTS[language].labels.whatHappened, FIELD_LIMITS.whatHappened));
  if (!values.noticedAt) add('noticedAt', t.noticedAtMissing);
  else if (tooLong('noticedAt')) add('noticedAt', t.tooLong(TEXTS[language].labels.noticedAt, FIELD_LIMITS.noticedAt));
  if (tooLong('organisation')) add('organisation', t.tooLong(TEXTS[language].labels.organisation, FIELD_LIMITS.organisation));
  if (!values.name) add('name', t.nameMissing);
  else if (tooLong('name')) add('name', t.tooLong(TEXTS[language].labels.name, FIELD_LIMITS.name));
  if (!values.email && !values.phone) add('email', t.contactMissing);
  if (values.email && (tooLong('email') || !EMAIL.test(values.email))) add('email', t.emailInvalid);
  if (values.phone && (tooLong('phone') || !PHONE.test(values.phone))) add('phone', t.phoneInvalid);
  return errors.length ? { ok: false, values, errors } : { ok: true, values };
}

export const EMPTY_VALUES: ReportValues = Object.fromEntries(REPORT_FIELDS.map((f) => [f, ''])) as ReportValues;
