import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { TIERS, Tier } from '../customers/tiers';
import { LabelKey, LETTER_LANGUAGES, LetterLanguage, WORDING } from '../../emails/letters/wording';
import { fillLabels, LETTERS_DIR } from '../letters/letter-templates';
import type { LetterView } from '../letters/letter-view';

/**
 * The printed letter's words, taken from the same sources as the e-mail: the tier text from
 * emails/letters/<lang>/<tier>.mjml (rendered by Handlebars with the same view model, then read as
 * the small HTML subset those files use), the labels from wording.ts, the tips and data categories
 * from the view model. Only what paper does differently (no button, "this letter") comes from
 * wording.ts's `print` section.
 */
export interface Run {
  text: string;
  bold: boolean;
  /** A heading run in at the start of its paragraph: bold in the headings' colour. */
  heading?: true;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; runs: Run[] }
  | { kind: 'bullet'; runs: Run[] }
  | { kind: 'box'; heading: string; items: string[]; closing: string }
  /** One row of short items in two columns (an item alone on its row takes the whole line). */
  | { kind: 'columns'; items: string[] }
  | { kind: 'web'; lead: string; intro: string; url: string; code: string; codeLabel: string }
  | { kind: 'signature'; closing: string; company: string };

const hbs = Handlebars.create();
let tierTemplates: Record<LetterLanguage, Record<Tier, HandlebarsTemplateDelegate<LetterView>>> | undefined;

function compileTierTemplates(): NonNullable<typeof tierTemplates> {
  const out = {} as NonNullable<typeof tierTemplates>;
  for (const language of LETTER_LANGUAGES) {
    out[language] = {} as Record<Tier, HandlebarsTemplateDelegate<LetterView>>;
    for (const tier of TIERS) {
      const source = fillLabels(readFileSync(join(LETTERS_DIR, language, `${tier}.mjml`), 'utf8'), language, true);
      out[language][tier] = hbs.compile<LetterView>(source, { strict: true, knownHelpersOnly: true });
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

function runs(inner: string): Run[] {
  const out: Run[] = [];
  const re = /<strong>([\s\S]*?)<\/strong>/g;
  let last = 0;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    if (m.index > last) out.push({ text: inner.slice(last, m.index), bold: false });
    out.push({ text: m[1], bold: true });
    last = m.index + m[0].length;
  }
  if (last < inner.length) out.push({ text: inner.slice(last), bold: false });
  return out
    .map((r) => ({ bold: r.bold, text: decodeEntities(r.text.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ') }))
    .filter((r) => r.text.trim().length > 0)
    .map((r, i, all) => ({ ...r, text: i === 0 ? r.text.trimStart() : i === all.length - 1 ? r.text.trimEnd() : r.text }));
}

/** The tier file's HTML subset (h1, h2, p, ul/li, strong, br) as blocks; anything else is dropped. */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const re = /<(h1|h2|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [, tag, inner] = m;
    const r = runs(inner);
    if (r.length === 0) continue;
    const text = r.map((x) => x.text).join('');
    if (tag === 'h1') blocks.push({ kind: 'title', text });
    else if (tag === 'h2') blocks.push({ kind: 'heading', text });
    else blocks.push({ kind: tag === 'li' ? 'bullet' : 'para', runs: r });
  }
  return blocks;
}

const plain = (text: string): Run[] => [{ text, bold: false }];

/**
 * On paper the tier text's paragraphs run on until one that opens in bold: "we found a data breach"
 * with the incident's own text, "as for your own details" with what follows it. The same words in
 * fewer lines: every paragraph's last line is half empty, and at 16 pt those half lines cost a page.
 */
function runOn(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (block.kind === 'para' && last?.kind === 'para' && !block.runs[0]?.bold) out[out.length - 1] = { kind: 'para', runs: [...last.runs, { text: ' ', bold: false }, ...block.runs] };
    else out.push(block);
  }
  return out;
}

/**
 * A heading over a single paragraph leads that paragraph on paper, in bold and the headings' colour:
 * a heading line of its own costs more than a line at 16 pt, and one short paragraph needs no
 * heading above it to be found. Headings over lists or several paragraphs stay as they are.
 */
function runIn(blocks: Block[]): Block[] {
  const out: Block[] = [];
  blocks.forEach((block, i) => {
    const heading = out[out.length - 1];
    const next = blocks[i + 1];
    if (block.kind === 'para' && heading?.kind === 'heading' && next?.kind !== 'para') {
      const lead = /[.?!:]$/.test(heading.text) ? heading.text : `${heading.text}.`;
      out[out.length - 1] = { kind: 'para', runs: [{ text: `${lead} `, bold: true, heading: true }, ...block.runs] };
    } else out.push(block);
  });
  return out;
}

/**
 * At 16 pt the list of exposed data shows the categories only, two to a row: seven lines of "Your
 * name. Knowing it proves nothing." are the four lines that let the whole letter stay on one sheet
 * at that size. What the data can mean is still said by the tier's "what does this mean" paragraph,
 * the tips and the box. At 14 pt the letter fits with the e-mail's list, so it keeps it.
 */
function categoryColumns(tier: Block[], view: LetterView): Block[] {
  const first = tier.findIndex((b) => b.kind === 'bullet');
  if (first < 0) return tier;
  const after = tier.findIndex((b, i) => i > first && b.kind !== 'bullet');
  const labels = view.exposed.map((e) => e.label);
  // One block a row, so that a page may end between rows.
  const rows: Block[] = [];
  for (let i = 0; i < labels.length; i += 2) rows.push({ kind: 'columns', items: labels.slice(i, i + 2) });
  return [...tier.slice(0, first), ...rows, ...(after < 0 ? [] : tier.slice(after))];
}

/** Every block of the printed letter's body, in reading order (the address and page furniture are the renderer's). */
export function printBlocks(view: LetterView, groupedCode: string, largePrint = false): Block[] {
  tierTemplates ??= compileTierTemplates();
  const words = WORDING[view.language];
  const label = (key: LabelKey): string => words.print.labels[key] ?? words.labels[key];
  // An update letter carries the team's own text instead of the tier text, as its e-mail does.
  // On paper the incident's paragraphs run on as one: short paragraphs leave half-empty lines, which at 16 pt cost a page.
  const together = { ...view, description: view.description.length ? [view.description.join(' ')] : [] };
  const tier = view.update ? [] : runOn(htmlBlocks(tierTemplates[view.language][view.tier](together)));
  // A letter on paper opens with what it is about, then the greeting (the e-mail has a subject line for that).
  const blocks: Block[] = tier[0]?.kind === 'title' ? [tier.shift()!] : view.update ? [{ kind: 'title', text: view.update.heading }] : [];
  blocks.push({ kind: 'para', runs: plain(view.greeting) });
  if (view.formerCustomerNote) blocks.push({ kind: 'para', runs: plain(view.formerCustomerNote) });
  // A later wave says first that it follows an earlier letter, and what changed.
  if (view.opening) blocks.push({ kind: 'heading', text: view.opening.heading }, ...runOn(view.opening.paragraphs.map((p): Block => ({ kind: 'para', runs: plain(p) }))));
  if (view.update) blocks.push(...[view.update.intro, ...view.update.paragraphs].map((p): Block => ({ kind: 'para', runs: plain(p) })));
  blocks.push(...(largePrint ? categoryColumns(tier, view) : tier));
  // The box follows what criminals are after; on paper the tips after it, being short blocks, fill the pages without gaps.
  blocks.push({ kind: 'box', heading: label('neverHeading'), items: [label('neverPin'), label('neverCard'), label('neverCodes'), label('neverTransfer')], closing: label('neverScam') });
  blocks.push({ kind: 'heading', text: label('measuresHeading') }, ...(view.measuresTaken.length ? [{ kind: 'para', runs: plain(view.measuresTaken.join(' ')) } as Block] : []));
  blocks.push({ kind: 'heading', text: label('tipsHeading') });
  for (const tip of view.tips) {
    const title = /[.?!:]$/.test(tip.title) ? tip.title : `${tip.title}.`;
    blocks.push({ kind: 'para', runs: [{ text: `${tip.number}. ${title}`, bold: true }, { text: ` ${tip.text}`, bold: false }] });
  }
  blocks.push(
    // "Questions or worries? Call us: <number>" on one line, the heading run in: the number is also at the foot of every page.
    { kind: 'para', runs: [{ text: `${label('hotlineHeading')} `, bold: true, heading: true }, { text: `${label('hotlineCall')} `, bold: false }, { text: view.hotlinePhone, bold: true }] },
    // The address on a line of its own: a long one no longer breaks at its hyphen.
    { kind: 'para', runs: [{ text: `${label('hotlineMail')} `, bold: false }, { text: view.hotlineEmail, bold: true }] },
    // On paper "is this really from us" is answered in the same paragraph; a section of its own costs lines.
    { kind: 'para', runs: [{ text: `${label('hotlineMention')} `, bold: false }, { text: `${label('genuineHeading')} `, bold: true }, { text: label('genuineText'), bold: false }] },
  );
  blocks.push(
    // The heading leads the paragraph in bold, as the hotline's "is this really from us" does: a heading of its own costs two lines.
    { kind: 'web', lead: label('confirmHeading'), intro: label('confirmText'), url: view.letterUrl.replace(/^https?:\/\//, ''), code: groupedCode, codeLabel: words.print.webCode },
  );
  blocks.push({ kind: 'signature', closing: label('closing'), company: view.company });
  if (label('footer')) blocks.push({ kind: 'para', runs: plain(label('footer')) });
  return runIn(blocks);
}

/** The body's words (for the length budget): every block's text, the letter's own address aside. */
export function blockWords(blocks: Block[]): number {
  const text = blocks
    .map((b) => {
      if (b.kind === 'title' || b.kind === 'heading') return b.text;
      if (b.kind === 'para' || b.kind === 'bullet') return b.runs.map((r) => r.text).join('');
      if (b.kind === 'box') return [b.heading, ...b.items, b.closing].join(' ');
      if (b.kind === 'columns') return b.items.join(' ');
      if (b.kind === 'web') return `${b.lead} ${b.intro}`;
      return [b.closing, b.company].join(' ');
    })
    .join(' ');
  return text.split(/\s+/).filter(Boolean).length;
}
