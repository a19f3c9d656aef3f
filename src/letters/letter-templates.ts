import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { fromRoot } from '../common/project-root';
import { TIERS, Tier } from '../customers/tiers';
import { LabelKey, LETTER_LANGUAGES, LetterLanguage, WORDING } from '../../emails/letters/wording';
import type { LetterView } from './letter-view';

/**
 * The one file that owns the MJML compile. Each (tier, language) is compiled once: layout + tier
 * content + that language's labels → MJML → HTML that still holds Handlebars expressions → a
 * Handlebars template. A letter is then one Handlebars call per part.
 *
 * MJML drops anything that stands between its elements, so every Handlebars block tag in the
 * templates sits inside an mj-text; the tests check that every tip and category comes through.
 */
export const LETTERS_DIR = fromRoot('emails', 'letters');
export const TIPS_DIR = fromRoot('emails', 'tips');

const CONTENT_SLOT = '<!--CONTENT-->';
/** Where a follow-up's or reminder's opening goes (right after the greeting); empty for a first warning. */
const OPENING_SLOT = '<!--OPENING-->';

/** What a template is for: a tier's warning, or the frame around an update campaign's own text. */
export type LetterTemplateKey = Tier | 'update';
export const TEMPLATE_KEYS: readonly LetterTemplateKey[] = [...TIERS, 'update'];

function contentFile(key: LetterTemplateKey, language: LetterLanguage, ext: string): string {
  return key === 'update' ? `update-body.${ext}` : join(language, `${key}.${ext}`);
}

function withOpening(layout: string, file: string, text: boolean): string {
  // Inserted only where the layout has the slot, so a layout without one still compiles.
  return layout.replace(OPENING_SLOT, () => (text ? read(file).trimEnd() : read(file).trim()));
}

export interface CompiledLetter {
  html: HandlebarsTemplateDelegate<LetterView>;
  text: HandlebarsTemplateDelegate<LetterView>;
}

export type CompiledLetters = Record<LetterLanguage, Record<LetterTemplateKey, CompiledLetter>>;

export class LetterTemplateError extends Error {}

// Own instance: no helpers or partials from elsewhere can leak into letters.
const hbs = Handlebars.create();
const HBS_OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true };

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Replaces `[[key]]` with the language's label (escaped for HTML when `html`), and `[[lang]]`. */
export function fillLabels(source: string, language: LetterLanguage, html: boolean): string {
  const labels = WORDING[language].labels;
  return source.replace(/\[\[([A-Za-z]+)\]\]/g, (_, key: string) => {
    if (key === 'lang') return language;
    if (!(key in labels)) throw new LetterTemplateError(`unknown label [[${key}]] in a ${language} letter template`);
    const value = labels[key as LabelKey];
    return html ? escapeHtml(value) : value;
  });
}

function read(...parts: string[]): string {
  return readFileSync(join(LETTERS_DIR, ...parts), 'utf8');
}

/** The full MJML document (with Handlebars expressions) for a tier and language. */
export function letterMjml(tier: LetterTemplateKey, language: LetterLanguage): string {
  const layout = withOpening(read('layout.mjml'), 'opening.mjml', false);
  if (!layout.includes(CONTENT_SLOT)) throw new LetterTemplateError(`layout.mjml has no ${CONTENT_SLOT} slot`);
  return fillLabels(layout.replace(CONTENT_SLOT, () => read(contentFile(tier, language, 'mjml'))), language, true);
}

/** The plain-text template source for a tier and language. */
export function letterTextSource(tier: LetterTemplateKey, language: LetterLanguage): string {
  const layout = withOpening(read('layout.txt.hbs'), 'opening.txt.hbs', true);
  if (!layout.includes(CONTENT_SLOT)) throw new LetterTemplateError(`layout.txt.hbs has no ${CONTENT_SLOT} slot`);
  return fillLabels(layout.replace(CONTENT_SLOT, () => read(contentFile(tier, language, 'txt.hbs')).trimEnd()), language, false);
}

/**
 * MJML → HTML with zero tolerance for errors, no web fonts (MJML links Google Fonts by default)
 * and no comments.
 */
export async function compileMjml(source: string): Promise<string> {
  // Loaded on first use: MJML and its dependencies take most of a second to load, which processes
  // that never compile a letter (the CLI) should not pay.
  const { default: mjml2html } = await import('mjml');
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(source, { validationLevel: 'strict', fonts: {}, keepComments: false });
  } catch (e) {
    const errors = (e as { errors?: { formattedMessage?: string; message?: string }[] }).errors;
    const detail = errors?.map((x) => x.formattedMessage ?? x.message).join('; ') ?? (e as Error).message;
    throw new LetterTemplateError(`MJML errors: ${detail}`);
  }
  if (result.errors.length > 0) throw new LetterTemplateError(`MJML errors: ${result.errors.map((x) => x.formattedMessage).join('; ')}`);
  return (
    result.html
      // A namespace name, not a link; but the letter's only http(s) URLs must be our own links.
      .replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/, '')
      // Indentation only; a newline keeps words apart where a line break separated them.
      .replace(/\n[ \t]*(?=\S)/g, '\n')
      .replace(/\n{2,}/g, '\n')
  );
}

export function compileHandlebars(source: string, options: { html: boolean }): HandlebarsTemplateDelegate<LetterView> {
  const template = hbs.compile<LetterView>(source, { ...HBS_OPTIONS, noEscape: !options.html });
  return template;
}

export async function compileLetter(tier: LetterTemplateKey, language: LetterLanguage): Promise<CompiledLetter> {
  const html = await compileMjml(letterMjml(tier, language));
  return {
    html: compileHandlebars(html, { html: true }),
    text: compileHandlebars(letterTextSource(tier, language), { html: false }),
  };
}

export async function compileAllLetters(): Promise<CompiledLetters> {
  const out = {} as CompiledLetters;
  for (const language of LETTER_LANGUAGES) {
    out[language] = {} as Record<LetterTemplateKey, CompiledLetter>;
    for (const key of TEMPLATE_KEYS) out[language][key] = await compileLetter(key, language);
  }
  return out;
}

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** A hash of every letter template and the tip catalogue: what a campaign's approval covers. */
export function templatesHash(dirs: string[] = [LETTERS_DIR, TIPS_DIR]): string {
  const hash = createHash('sha256');
  const root = fromRoot();
  for (const path of dirs.flatMap(listFiles).sort()) {
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}
