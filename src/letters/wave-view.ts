import type { Category, Tier } from '../customers/tiers';
import { tierFromSeverity } from '../customers/tiers';
import { maskToCategories } from '../customers/tiers';
import { upgradeKey, WAVE_WORDING } from '../../emails/letters/follow-up';
import { LetterLanguage, WORDING } from '../../emails/letters/wording';
import { fillWords } from './fill-words';

/** An update campaign's own text, per language (checked by the campaigns module when the campaign is created). */
export interface UpdateText {
  nl: { subject: string; body: string };
  en?: { subject: string; body: string };
}

/** Which wave a letter belongs to, as far as its words are concerned. */
export type LetterWave =
  | { kind: 'warning'; follows: { severity: number; exposedMask: number } | null }
  | { kind: 'update'; update: UpdateText }
  | { kind: 'reminder'; firstSentAt: Date };

/** A block of text shown right after the greeting. */
export interface LetterOpening {
  heading: string;
  paragraphs: string[];
}

export interface UpdateBody {
  heading: string;
  intro: string;
  paragraphs: string[];
}

export interface WaveView {
  subject: string;
  opening: LetterOpening | null;
  update: UpdateBody | null;
}

/** Paragraphs are separated by blank lines; single line breaks inside a paragraph become spaces when shown. */
export function updateParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The text a customer of that language gets: English when given, else Dutch. */
export function updateFor(text: UpdateText, language: LetterLanguage): { subject: string; body: string } {
  return (language === 'en' && text.en) || text.nl;
}

function list(items: string[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Categories in `now` that no earlier warning named. */
export function newCategories(now: readonly Category[], earlierMask: number): Category[] {
  const earlier = new Set(maskToCategories(earlierMask));
  return now.filter((c) => !earlier.has(c));
}

/**
 * What the wave changes in a letter: its subject, an opening after the greeting (follow-up and
 * reminder), or the team's own text in place of the tier's explanation (update). `clean` makes one
 * line safe to show (the same cleaning as names get); the templates escape everything.
 */
export function waveView(
  wave: LetterWave | undefined,
  letter: { language: LetterLanguage; tier: Tier; exposed: readonly Category[]; company: string; subject: string; formatDate: (d: Date) => string; clean: (s: string) => string },
): WaveView {
  const words = WAVE_WORDING[letter.language];
  const company = letter.company;
  if (!wave) return { subject: letter.subject, opening: null, update: null };
  if (wave.kind === 'warning') {
    if (!wave.follows) return { subject: letter.subject, opening: null, update: null };
    const key = upgradeKey(tierFromSeverity(wave.follows.severity), letter.tier);
    const added = newCategories(letter.exposed, wave.follows.exposedMask).map((c) => lowerFirst(WORDING[letter.language].categories[c].label));
    const paragraphs = [
      ...(key ? [words.followUpChange[key]] : []),
      added.length ? fillWords(words.followUpNewData, { categories: list(added, words.and) }) : words.followUpSameData,
    ];
    return { subject: words.followUpSubjectPrefix + letter.subject, opening: { heading: words.followUpHeading, paragraphs }, update: null };
  }
  if (wave.kind === 'reminder') {
    return {
      subject: words.reminderSubjectPrefix + letter.subject,
      opening: { heading: words.reminderHeading, paragraphs: [fillWords(words.reminderText, { company, date: letter.formatDate(wave.firstSentAt) })] },
      update: null,
    };
  }
  const text = updateFor(wave.update, letter.language);
  const own = letter.clean(text.subject);
  // Every letter's subject must say plainly that it is about a data breach.
  const saysBreach = /datalek|data breach|data leak/i.test(own);
  return {
    subject: saysBreach ? own : fillWords(words.updateSubjectPrefix, { company }) + own,
    opening: null,
    update: { heading: own, intro: fillWords(words.updateIntro, { company }), paragraphs: updateParagraphs(text.body).map(letter.clean).filter((p) => p.length > 0) },
  };
}
