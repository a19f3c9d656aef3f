import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import { CATEGORIES, TIERS } from '../customers/tiers';
import { LETTER_LANGUAGES } from '../../emails/letters/wording';
import { compileAllLetters, CompiledLetters, compileMjml, fillLabels, LETTERS_DIR, LetterTemplateError, letterMjml, letterTextSource, templatesHash, TIPS_DIR } from './letter-templates';
import { buildLetterView, LetterViewInput } from './letter-view';

const combos = LETTER_LANGUAGES.flatMap((language) => TIERS.map((tier) => [tier, language] as const));

const tips = Array.from({ length: 7 }, (_, i) => ({
  id: `tip-${i}`,
  title: { nl: `Tiptitel nummer ${i}`, en: `Tip title number ${i}` },
  text: { nl: `Uitleg bij tip ${i}: bel terug op een nummer dat u kent & vertrouwt.`, en: `Explanation of tip ${i}: call back on a number you know & trust.` },
}));

function viewInput(tier: (typeof TIERS)[number], language: string, name = 'Greet de Vries'): LetterViewInput {
  return {
    incident: {
      company: 'Polderstroom Energie',
      hotlinePhone: '0800 765 4321',
      hotlineEmail: 'datalek@polderstroom.example',
      discoveredAt: new Date('2026-11-20T09:00:00Z'),
      description: 'A contractor photographed records.\nThe police arrested two people.',
      measuresTaken: 'We ended the contractor’s access.\nWe reported the breach.',
    },
    customer: { name, language, formerCustomer: true, tier, exposed: [...CATEGORIES] },
    tips,
    token: 'AbCdEfGhIjKlMnOpQrStUv',
    publicBaseUrl: 'https://datalek.polderstroom.example',
  };
}

const escape = (s: string) => Handlebars.escapeExpression(s);

describe('letter templates', () => {
  let compiled: CompiledLetters;
  beforeAll(async () => {
    compiled = await compileAllLetters();
  });

  it.each(combos)('compiles the %s letter in %s with zero MJML errors at strict validation', async (tier, language) => {
    const result = await mjml2html(letterMjml(tier, language), { validationLevel: 'strict', fonts: {} });
    expect(result.errors).toEqual([]);
    await expect(compileMjml(letterMjml(tier, language))).resolves.toContain('</html>');
  });

  it('refuses MJML with errors and unknown labels', async () => {
    await expect(compileMjml('<mjml><mj-body><mj-section><mj-text>loose</mj-text></mj-section></mj-body></mjml>')).rejects.toThrow(LetterTemplateError);
    expect(() => fillLabels('[[noSuchLabel]]', 'nl', true)).toThrow(/noSuchLabel/);
  });

  it('leaves no unfilled label in any template', () => {
    for (const [tier, language] of combos) {
      expect(letterMjml(tier, language)).not.toMatch(/\[\[/);
      expect(letterTextSource(tier, language)).not.toMatch(/\[\[/);
    }
  });

  describe.each(combos)('the %s letter in %s', (tier, language) => {
    const view = buildLetterView(viewInput(tier, language));
    let html: string;
    let text: string;
    beforeAll(() => {
      html = compiled[language][tier].html(view);
      text = compiled[language][tier].text(view);
    });

    it('shows every tip, in order, in the HTML and the text part', () => {
      let lastHtml = -1;
      let lastText = -1;
      for (const t of view.tips) {
        const h = html.indexOf(escape(t.title));
        expect(h).toBeGreaterThan(lastHtml);
        expect(html).toContain(escape(t.text));
        const x = text.indexOf(t.title);
        expect(x).toBeGreaterThan(lastText);
        expect(text).toContain(t.text);
        lastHtml = h;
        lastText = x;
      }
    });

    it('shows every exposed category in plain words in both parts', () => {
      expect(view.exposed).toHaveLength(CATEGORIES.length);
      for (const e of view.exposed) {
        expect(html).toContain(escape(e.label));
        expect(html).toContain(escape(e.meaning));
        expect(text).toContain(e.label);
        expect(text).toContain(e.meaning);
      }
    });

    it('carries the same facts in both parts: greeting, former customer, incident, hotline, promise, link', () => {
      const facts = [
        view.greeting,
        view.formerCustomerNote!,
        ...view.description,
        ...view.measuresTaken,
        view.discoveredDate,
        view.hotlinePhone,
        view.hotlineEmail,
        view.confirmUrl,
        language === 'nl' ? 'Uw pincode.' : 'Your PIN.',
        language === 'nl' ? 'Geld over te maken.' : 'A money transfer.',
      ];
      for (const fact of facts) {
        expect(html).toContain(escape(fact));
        expect(text).toContain(fact);
      }
    });

    it('tells truthfully what happened for this tier, in both parts', () => {
      const truth = {
        photographed: { nl: 'die zijn gefotografeerd en doorgegeven aan criminelen', en: 'they were photographed and passed on to criminals' },
        viewed: { nl: 'iemand heeft uw klantgegevens geopend. Daar had hij geen reden voor.', en: 'someone opened your customer record. They had no reason to do so.' },
        searched: { nl: 'Er is geen teken dat uw gegevens zijn gekopieerd', en: 'There is no sign that your details were copied' },
      }[tier][language];
      expect(html).toContain(escape(truth));
      expect(text).toContain(truth);
      if (tier !== 'photographed') expect(`${html}${text}`).not.toMatch(/die zijn gefotografeerd en doorgegeven|they were photographed and passed on/);
    });

    it('is in the letter’s language', () => {
      expect(html).toContain(`<html lang="${language}"`);
      expect(text).toContain(language === 'nl' ? 'Met vriendelijke groet,' : 'Kind regards,');
    });

    it('loads nothing from anywhere and has no images', () => {
      expect(html).not.toMatch(/<link\b/i);
      expect(html).not.toMatch(/@import/i);
      expect(html).not.toMatch(/<img\b/i);
      expect(html).not.toMatch(/url\(/i);
      expect(html).not.toMatch(/<script\b/i);
    });

    it('links only to the letter’s own page and to the incident’s hotline', () => {
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        expect([view.letterUrl, view.confirmUrl, 'tel:08007654321', 'mailto:datalek@polderstroom.example']).toContain(href);
      }
      const urls = [...`${html}\n${text}`.matchAll(/https?:\/\/[^\s"'<>)]+/gi)].map((m) => m[0]);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect([view.letterUrl, view.confirmUrl]).toContain(url);
    });

    it('sets body text at 16px or more', () => {
      const sizes = [...html.matchAll(/font-size:\s*(\d+)px/g)].map((m) => Number(m[1]));
      // MJML's own 0px/1px on layout cells and the hidden preview line carry no text.
      expect(sizes.filter((s) => s > 1 && s < 16)).toEqual([]);
    });
  });

  it('has a template version that changes when a template or the tip catalogue changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'letters-hash-'));
    try {
      cpSync(LETTERS_DIR, join(dir, 'letters'), { recursive: true });
      cpSync(TIPS_DIR, join(dir, 'tips'), { recursive: true });
      const dirs = [join(dir, 'letters'), join(dir, 'tips')];
      const original = templatesHash(dirs);
      expect(templatesHash(dirs)).toBe(original);
      writeFileSync(join(dir, 'letters', 'nl', 'viewed.mjml'), letterMjml('viewed', 'nl') + ' ');
      const afterTemplate = templatesHash(dirs);
      expect(afterTemplate).not.toBe(original);
      writeFileSync(join(dir, 'tips', 'catalogue.ts'), '// changed');
      expect(templatesHash(dirs)).not.toBe(afterTemplate);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('hostile names', () => {
    const hostile = ['<script>alert(1)</script>', '{{company}} {{#each tips}}x{{/each}}', '</mj-text><mj-button href="https://evil.example">Klik</mj-button>', '"><img src=x onerror=alert(1)>'];

    it.each(hostile)('shows %p as text in both parts', (name) => {
      const view = buildLetterView(viewInput('viewed', 'nl', name));
      const html = compiled.nl.viewed.html(view);
      const text = compiled.nl.viewed.text(view);
      expect(html).toContain(escape(`Beste ${name},`));
      if (escape(name) !== name) expect(html).not.toContain(name);
      expect(html).not.toContain('evil.example"');
      expect(html).not.toContain('Beste Polderstroom');
      expect(html).not.toMatch(/<img|<script/i);
      expect(text).toContain(`Beste ${name},`);
    });
  });
});
