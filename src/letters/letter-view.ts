import { openPixelUrl } from '../tracking/link-token';
import type { Category, Tier } from '../customers/tiers';
import { LetterLanguage, WORDING } from '../../emails/letters/wording';
import { LetterOpening, LetterWave, UpdateBody, waveView } from './wave-view';
import { fillWords } from './fill-words';

/** What the view model needs of a tip (the catalogue's tips have more: their rules). */
export interface LetterTip {
  id: string;
  title: Record<LetterLanguage, string>;
  text: Record<LetterLanguage, string>;
}

export interface LetterViewInput {
  incident: { company: string; hotlinePhone: string; hotlineEmail: string; discoveredAt: Date; description: string; measuresTaken: string; descriptionEn?: string | null; measuresTakenEn?: string | null; trackOpens?: boolean };
  customer: { name: string; language: string; formerCustomer: boolean; tier: Tier; exposed: Category[] };
  /** Already chosen and ordered. */
  tips: LetterTip[];
  token: string;
  publicBaseUrl: string;
  /** A later wave's letter (follow-up, update, reminder); absent for a first warning. */
  wave?: LetterWave;
}

/**
 * Everything a letter template shows, as plain strings: the templates escape them (HTML part) or
 * print them as they are (text part). Every field is always present (templates are strict).
 */
export interface LetterView {
  language: LetterLanguage;
  tier: Tier;
  subject: string;
  preview: string;
  company: string;
  greeting: string;
  formerCustomerNote: string | null;
  /** Follow-up and reminder letters: what this letter is, right after the greeting. */
  opening: LetterOpening | null;
  /** Update letters: the communications team's own text (escaped like everything else). */
  update: UpdateBody | null;
  discoveredDate: string;
  /** Paragraphs. */
  description: string[];
  measuresTaken: string[];
  exposed: { category: Category; label: string; meaning: string }[];
  tips: { id: string; number: number; title: string; text: string }[];
  hotlinePhone: string;
  hotlinePhoneHref: string;
  hotlineEmail: string;
  hotlineEmailHref: string;
  /** The letter's own page: PUBLIC_BASE_URL/l/<token>; carries no personal data. */
  letterUrl: string;
  confirmUrl: string;
  /** The opt-in open pixel; empty unless the incident turned open tracking on (off by default for privacy). */
  openPixelUrl: string;
}

// C0/C1 controls (tabs and newlines are handled by the callers), bidi overrides and isolates,
// directional marks: they can make a name display as something else.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One line of text: unsafe characters removed, whitespace (including newlines) collapsed. */
export function cleanLine(value: string | null | undefined): string {
  return (value ?? '').replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim();
}

/** Paragraphs of a multi-line text, each cleaned; blank lines and single newlines both separate. */
export function paragraphs(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((p) => p.length > 0);
}

export function letterLanguage(value: string | null | undefined): LetterLanguage {
  return value === 'en' ? 'en' : 'nl';
}

const dateFormats = new Map<LetterLanguage, Intl.DateTimeFormat>();

/** "20 november 2026" / "20 November 2026", in Dutch time. */
export function formatLetterDate(date: Date, language: LetterLanguage): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(WORDING[language].locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
    dateFormats.set(language, format);
  }
  return format.format(date);
}

/** `tel:` target: the digits (and a leading +) of the hotline number as written. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** The parts of a letter that depend only on the incident and the language (the same for thousands of letters). */
export type IncidentFacts = Pick<LetterView, 'company' | 'discoveredDate' | 'description' | 'measuresTaken' | 'hotlinePhone' | 'hotlinePhoneHref' | 'hotlineEmail' | 'hotlineEmailHref'>;

export function incidentFacts(incident: LetterViewInput['incident'], language: LetterLanguage): IncidentFacts {
  const hotlineEmail = cleanLine(incident.hotlineEmail);
  return {
    company: cleanLine(incident.company),
    discoveredDate: formatLetterDate(incident.discoveredAt, language),
    // English letters use the incident's English texts where they were given.
    description: paragraphs((language === 'en' && incident.descriptionEn) || incident.description),
    measuresTaken: paragraphs((language === 'en' && incident.measuresTakenEn) || incident.measuresTaken),
    hotlinePhone: cleanLine(incident.hotlinePhone),
    hotlinePhoneHref: telHref(incident.hotlinePhone),
    hotlineEmail,
    hotlineEmailHref: `mailto:${hotlineEmail}`,
  };
}

/** `facts` may be passed in when the caller has them already for this incident and language. */
export function buildLetterView(input: LetterViewInput, facts?: IncidentFacts): LetterView {
  const { customer } = input;
  const language = letterLanguage(customer.language);
  const words = WORDING[language];
  const f = facts ?? incidentFacts(input.incident, language);
  const name = cleanLine(customer.name);
  const letterUrl = `${input.publicBaseUrl.replace(/\/+$/, '')}/l/${encodeURIComponent(input.token)}`;
  const wave = waveView(input.wave, {
    language,
    tier: customer.tier,
    exposed: customer.exposed,
    company: f.company,
    subject: fillWords(words.subjects[customer.tier], { company: f.company }),
    formatDate: (d) => formatLetterDate(d, language),
    clean: cleanLine,
  });
  return {
    language,
    tier: customer.tier,
    subject: wave.subject,
    preview: words.previews[customer.tier],
    company: f.company,
    greeting: name ? fillWords(words.greeting, { name }) : words.greetingWithoutName,
    formerCustomerNote: customer.formerCustomer ? fillWords(words.formerCustomer, { company: f.company }) : null,
    opening: wave.opening,
    update: wave.update,
    discoveredDate: f.discoveredDate,
    description: f.description,
    measuresTaken: f.measuresTaken,
    exposed: customer.exposed.map((category) => ({ category, ...words.categories[category] })),
    tips: input.tips.map((tip, i) => ({ id: tip.id, number: i + 1, title: tip.title[language] || tip.title.nl, text: tip.text[language] || tip.text.nl })),
    hotlinePhone: f.hotlinePhone,
    hotlinePhoneHref: f.hotlinePhoneHref,
    hotlineEmail: f.hotlineEmail,
    hotlineEmailHref: f.hotlineEmailHref,
    letterUrl,
    confirmUrl: `${letterUrl}#confirm`,
    openPixelUrl: input.incident.trackOpens ? openPixelUrl(input.publicBaseUrl, input.token) : '',
  };
}
