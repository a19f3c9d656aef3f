import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Category, Tier } from '../customers/tiers';
import { buildLetterView } from '../letters/letter-view';
import { selectTips } from '../letters/select-tips';
import { groupedToken, postalAddressLines } from './print-address';
import { writeLetterPdf } from './print-file';
import { PrintLetterInput, WINDOW } from './print-letter';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const ATKINSON_LINE = 1.24; // (ascent - descent) / em: a word's box height per point of font size

function letter(name: string, options: { tier?: Tier; language?: 'nl' | 'en'; largePrint?: boolean; exposed?: Category[] } = {}): PrintLetterInput {
  const exposed = options.exposed ?? ['name', 'address', 'customerNumber'];
  const tier = options.tier ?? 'viewed';
  const view = buildLetterView({
    incident: { company: 'Testbedrijf Fictief B.V.', hotlinePhone: '0800 000 1111', hotlineEmail: 'datalek@testbedrijf.example', discoveredAt: new Date('2026-11-20T09:00:00Z'), description: 'Een medewerker bekeek klantgegevens zonder reden.', measuresTaken: 'Wij hebben zijn toegang gestopt.' },
    customer: { name, language: options.language ?? 'nl', formerCustomer: false, tier, exposed },
    tips: selectTips({ categories: exposed, tier, birthDate: null, sendDate: new Date('2026-12-01T00:00:00Z') }),
    token: TOKEN,
    publicBaseUrl: 'https://datalek.testbedrijf.example',
  });
  return {
    view,
    address: postalAddressLines({ name, street: 'Dorpsstraat', houseNumber: '12', houseNumberSuffix: 'A', postcode: '1234 AB', city: 'Amsterdam' }),
    returnLine: 'Testbedrijf Fictief B.V. · Postbus 1 · 1000 AA  AMSTERDAM',
    reference: '7-000001',
    date: '1 december 2026',
    dateLabel: 'Datum',
    referenceLabel: 'Kenmerk',
    groupedCode: groupedToken(TOKEN),
    largePrint: options.largePrint ?? false,
  };
}

interface Word {
  page: number;
  x: number;
  y: number;
  x2: number;
  y2: number;
  text: string;
}

function words(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const out: Word[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, x: Number(m[1]), y: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]), text: m[5] });
  }
  return out;
}

describe('the printed letter', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fw-print-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function render(letters: PrintLetterInput[]): Promise<{ path: string; letterPages: number[] }> {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    const written = await writeLetterPdf(path, [letters], { title: 'test', creationDate: new Date('2026-12-01T00:00:00Z') });
    return { path, letterPages: written.letterPages };
  }

  it('puts the return line and the address inside the DIN 5008 window, and nothing else', async () => {
    const { path } = await render([letter('Mevrouw J. de Vries')]);
    const inWindow = words(path).filter((w) => w.page === 1 && w.x < WINDOW.x + WINDOW.width && w.y >= WINDOW.y && w.y2 <= WINDOW.y + WINDOW.height);
    expect(inWindow.map((w) => w.text).join(' ')).toBe('Testbedrijf Fictief B.V. · Postbus 1 · 1000 AA AMSTERDAM Mevrouw J. de Vries Dorpsstraat 12A 1234 AB AMSTERDAM');
    for (const w of inWindow) expect(w.x).toBeGreaterThanOrEqual(WINDOW.x - 0.5);
  });

  it.each([
    [false, 14],
    [true, 16],
  ])('sets the body at least at the right size (large print %s: %i pt) and says the hotline and page number on every page', async (largePrint, size) => {
    const { path, letterPages } = await render([letter('Jan Jansen', { largePrint })]);
    const all = words(path);
    const body = all.filter((w) => w.page === 1 && w.y > 100 * (72 / 25.4) && w.y2 < 270 * (72 / 25.4));
    expect(body.length).toBeGreaterThan(50);
    for (const w of body) expect(Math.round(((w.y2 - w.y) / ATKINSON_LINE) * 10) / 10).toBeGreaterThanOrEqual(size);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBe(letterPages[0]);
    pages.forEach((p, i) => {
      expect(p).toContain('Vragen? Bel ons: 0800 000 1111');
      expect(p).toContain(`${i + 1}/${pages.length}`);
    });
  });

  it('writes the landing page address with the token, and the token in groups of four', async () => {
    const { path } = await render([letter('Jan Jansen', { language: 'en' })]);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`datalek.testbedrijf.example/l/${TOKEN}`);
    expect(text).toContain('The code in groups: AbCd EfGh IjKl MnOp QrSt Uv');
    expect(text).not.toContain('B.V..');
  });

  it('embeds its fonts, and sets a name in a script the main font lacks in the fallback font', async () => {
    const { path } = await render([letter('Иван Петров 王小明')]);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/AtkinsonHyperlegible-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes/);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('Иван Петров');
  });

  it('never draws one text over another, in any of the letter variants', async () => {
    const variants = (['photographed', 'viewed', 'searched'] as const).flatMap((tier) =>
      (['nl', 'en'] as const).flatMap((language) => [false, true].map((largePrint) => letter('Mevrouw J. de Vries-van den Berg', { tier, language, largePrint, exposed: ['name', 'email', 'address', 'phone', 'birthDate', 'customerNumber', 'iban'] }))),
    );
    const { path } = await render(variants);
    const all = words(path);
    const overlaps: string[] = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length && all[j].page === all[i].page; j++) {
        const [a, b] = [all[i], all[j]];
        if (a.x < b.x2 - 0.5 && b.x < a.x2 - 0.5 && a.y < b.y2 - 0.5 && b.y < a.y2 - 0.5) overlaps.push(`page ${a.page}: "${a.text}" / "${b.text}"`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('keeps a very long name inside the window', async () => {
    const { path } = await render([letter(`Jonkvrouw ${'Wilhelmina'.repeat(20)}`)]);
    const page1 = words(path).filter((w) => w.page === 1 && w.x < WINDOW.x + WINDOW.width && w.y >= WINDOW.y && w.y2 <= WINDOW.y + WINDOW.height + 1);
    expect(page1.map((w) => w.text).join(" ")).toContain("Dorpsstraat 12A");
    for (const w of page1) expect(w.x2).toBeLessThanOrEqual(WINDOW.x + WINDOW.width + 0.5);
  });
});
