import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORDING } from '../../emails/letters/wording';
import { compileAllLetters, CompiledLetters } from '../letters/letter-templates';
import { MAX_TIPS, MAX_TIPS_LARGE_PRINT } from '../letters/select-tips';
import { writeLetterPdf } from './print-file';
import { blockWords, printBlocks } from './print-words';
import { WorstCase, worstCases } from './print-worst-case';

/** The budget for the body of a letter, on paper and in the e-mail: more is read less, and does not fit one sheet at 16 pt. */
const MAX_WORDS = 500;
/** The tips' rule (select-tips.spec) for every sentence of the letter's own words. */
const MAX_SENTENCE_WORDS = 16;

const cases = worstCases();
const countWords = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

function emailText(compiled: CompiledLetters, c: WorstCase): string {
  return compiled[c.language][c.view.update ? 'update' : c.tier].text(c.view);
}

describe('the longest printed letters', () => {
  let dir: string;
  let compiled: CompiledLetters;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fw-print-fit-'));
    compiled = await compileAllLetters();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cover every variant: 3 tiers × nl/en × first, follow-up, update and reminder, at 14 and 16 pt', () => {
    // A follow-up only exists for a tier that became more severe, so not for `searched`.
    expect(cases).toHaveLength(2 * 2 * (3 * 4 - 1));
    expect(new Set(cases.map((c) => c.label)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.view.exposed).toHaveLength(7);
      // From 75 (the 16 pt letters) one tip fewer: select-tips' MAX_TIPS_LARGE_PRINT.
      expect(c.view.tips).toHaveLength(c.largePrint ? MAX_TIPS_LARGE_PRINT : MAX_TIPS);
      expect(c.view.company).toMatch(/B\.V\.$/);
    }
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s: one sheet printed on both sides, hotline and page number on each page', async (label, c) => {
    const path = join(dir, `${label.replace(/\W+/g, '-')}.pdf`);
    const written = await writeLetterPdf(path, [[c.input]], { title: label, creationDate: new Date('2026-12-01T00:00:00Z') });
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
    expect({ label, pages }).toEqual({ label, pages: 2 });
    expect(written.letterPages).toEqual([2]);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    text
      .split('\f')
      .filter((p) => p.trim())
      .forEach((page, i) => {
        expect(page).toContain(`${WORDING[c.language].labels.headerCall} ${c.view.hotlinePhone}`);
        expect(page).toContain(`${i + 1}/2`);
      });
    const flat = text.replace(/\s+/g, ' ');
    // What a notification must say, all of it on the sheet: the data, what we did, what to do, whom to call.
    for (const e of c.view.exposed) if (!c.view.update) expect(flat).toContain(e.label);
    for (const m of c.view.measuresTaken) expect(flat).toContain(m);
    for (const t of c.view.tips) expect(flat).toContain(t.title);
    expect(flat).toContain(c.view.hotlineEmail);
    expect(flat).toContain(c.input.groupedCode);
    expect(flat).not.toContain('B.V..');
  });

  // The 16 pt letters are for customers of 75 and older, whose tips can differ: both are counted.
  it.each(cases.map((c) => [c.label, c] as const))('%s: at most 500 words in the e-mail and in the printed body', (label, c) => {
    const email = countWords(emailText(compiled, c));
    const print = blockWords(printBlocks(c.view, c.input.groupedCode, c.largePrint));
    expect({ label, email: email <= MAX_WORDS, print: print <= MAX_WORDS }).toEqual({ label, email: true, print: true });
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s: its own words are in sentences of at most 16 words, with no double full stop', (label, c) => {
    let text = emailText(compiled, c);
    expect(text).not.toMatch(/\.\./);
    // The incident's and the update's texts are the team's; the letter's own words are the rest.
    for (const p of [...c.view.description, ...c.view.measuresTaken, ...(c.view.update?.paragraphs ?? [])]) text = text.split(p).join('\n');
    // A name counts as one word, however long the company's is, and so does a category in a list of them.
    text = text.split(c.view.company).join(c.view.company.endsWith('.') ? 'Company.' : 'Company');
    for (const e of c.view.exposed) for (const l of [e.label, e.label.charAt(0).toLowerCase() + e.label.slice(1)]) text = text.split(l).join('Data');
    const long = text
      .split(/(?<=[.?!:])\s+|\n/)
      .map((s) => s.trim())
      .filter((s) => countWords(s) > MAX_SENTENCE_WORDS);
    expect({ label, long }).toEqual({ label, long: [] });
  });
});
