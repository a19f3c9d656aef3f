import Handlebars from 'handlebars';
import { loadConfig } from '../config/config';
import { AffectedCustomer } from '../customers/affected-customer.entity';
import { categoriesToMask, CATEGORIES, Category, Tier, TIER_SEVERITY, TIERS } from '../customers/tiers';
import { Incident } from '../incidents/incident.entity';
import { TIP_CATALOGUE } from '../../emails/tips/catalogue';
import { WORDING } from '../../emails/letters/wording';
import { LettersService } from './letters.service';

const incident = Object.assign(new Incident(), {
  id: 7,
  company: 'Polderstroom Energie',
  senderEmail: 'klantenservice@polderstroom.example',
  hotlinePhone: '0800 765 4321',
  hotlineEmail: 'datalek@polderstroom.example',
  discoveredAt: new Date('2026-11-20T09:00:00Z'),
  description: 'A contractor photographed records.',
  measuresTaken: 'We ended the contractor’s access.',
});

function customer(i: number, tier: Tier, exposed: Category[], overrides: Partial<AffectedCustomer> = {}): AffectedCustomer {
  return Object.assign(new AffectedCustomer(), {
    id: String(1000 + i),
    incidentId: 7,
    customerNumber: `KN-${String(i).padStart(6, '0')}`,
    name: `Wilhelmina Testpersoon${i}`,
    email: `wilhelmina${i}@example.test`,
    phone: '+31612345678',
    street: 'Dorpsstraat',
    houseNumber: String(i + 1),
    houseNumberSuffix: '',
    postcode: '1234 AB',
    city: 'Testdorp',
    birthDate: i % 2 === 0 ? '1938-03-04' : '1975-10-11',
    language: i % 3 === 0 ? 'en' : 'nl',
    formerCustomer: i % 4 === 0,
    tierSeverity: TIER_SEVERITY[tier],
    exposedMask: categoriesToMask(exposed),
    ...overrides,
  });
}

/** A spread of customers: every tier, language, age group and many category combinations. */
const customers = Array.from({ length: 48 }, (_, i) =>
  customer(
    i,
    TIERS[i % 3],
    CATEGORIES.filter((c, bit) => c === 'customerNumber' || ((i * 5 + 3) >> bit) % 2 === 1),
  ),
);

const escape = (s: string) => Handlebars.escapeExpression(s);
const sendDate = new Date('2026-11-24T08:00:00Z');

describe(LettersService.name, () => {
  const letters = new LettersService(loadConfig({ PUBLIC_BASE_URL: 'https://datalek.polderstroom.example' }));
  beforeAll(() => letters.onModuleInit());

  it('loads nothing remotely by default and carries the open pixel only for incidents that turned it on', () => {
    const c = customer(1, 'viewed', ['name', 'email', 'customerNumber']);
    const token = 'AbCdEfGhIjKlMnOpQrStUv';
    const off = letters.render(incident, c, { token, sendDate });
    expect(off.html).not.toMatch(/<img/i);
    const tracked = Object.assign(new Incident(), { ...incident, trackOpens: true });
    const on = letters.render(tracked, c, { token, sendDate });
    const images = on.html.match(/<img[^>]*>/gi) ?? [];
    expect(images).toHaveLength(1);
    expect(images[0]).toContain(`src="https://datalek.polderstroom.example/o/${token}.gif"`);
    expect(images[0]).toContain('alt=""');
  });

  it('puts every chosen tip, at most 7, in both the HTML and the text part', () => {
    for (const c of customers) {
      const letter = letters.render(incident, c, { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate });
      expect(letter.tipIds.length).toBeGreaterThan(0);
      expect(letter.tipIds.length).toBeLessThanOrEqual(7);
      const lang = c.language;
      for (const id of letter.tipIds) {
        const tip = TIP_CATALOGUE.find((t) => t.id === id)!;
        expect(letter.html).toContain(escape(tip.title[lang]));
        expect(letter.html).toContain(escape(tip.text[lang]));
        expect(letter.text).toContain(tip.title[lang]);
        expect(letter.text).toContain(tip.text[lang]);
      }
    }
  });

  it('names exactly the customer’s exposed categories in both parts', () => {
    for (const c of customers) {
      const letter = letters.render(incident, c, { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate });
      for (const category of CATEGORIES) {
        const label = WORDING[c.language].categories[category].label;
        const exposed = c.exposed.includes(category);
        expect(letter.html.includes(escape(label))).toBe(exposed);
        expect(letter.text.includes(label)).toBe(exposed);
      }
    }
  });

  it('gives 80-year-olds the age tips, computed on the send date', () => {
    const c = customer(1, 'viewed', ['name', 'customerNumber'], { birthDate: '1946-11-25', language: 'nl' });
    const before = letters.render(incident, c, { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate: new Date('2026-11-24T12:00:00Z') });
    const after = letters.render(incident, c, { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate: new Date('2026-11-25T12:00:00Z') });
    expect(before.tipIds).not.toContain('fake-police');
    expect(after.tipIds).toContain('fake-police');
    expect(after.html).toContain(escape(TIP_CATALOGUE.find((t) => t.id === 'fake-police')!.title.nl));
  });

  it('puts no personal data in any URL', () => {
    for (const c of customers) {
      const letter = letters.render(incident, c, { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate });
      const urls = [
        ...[...letter.html.matchAll(/(?:href|src|action)="([^"]*)"/gi)].map((m) => m[1]),
        ...[...`${letter.html}\n${letter.text}`.matchAll(/(?:https?:|tel:|mailto:)[^\s"'<>)]*/gi)].map((m) => m[0]),
      ];
      expect(urls.length).toBeGreaterThan(0);
      const personal = [c.customerNumber, c.email!, c.phone!, c.postcode!, c.name, 'Testpersoon', 'wilhelmina', c.birthDate!, '1234', 'Dorpsstraat'];
      for (const url of urls) {
        for (const value of personal) expect(url.toLowerCase()).not.toContain(value.toLowerCase());
        expect(
          url.startsWith('https://datalek.polderstroom.example/l/AbCdEfGhIjKlMnOpQrStUv') || url === 'tel:08007654321' || url === 'mailto:datalek@polderstroom.example',
        ).toBe(true);
      }
    }
  });

  it('renders a subject that says it is about a data breach, in the customer’s language', () => {
    const nl = letters.render(incident, customer(1, 'searched', ['name', 'customerNumber'], { language: 'nl' }), { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate });
    const en = letters.render(incident, customer(1, 'searched', ['name', 'customerNumber'], { language: 'en' }), { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate });
    expect(nl.subject).toMatch(/^Datalek bij Polderstroom Energie/);
    expect(en.subject).toMatch(/^Data breach at Polderstroom Energie/);
    expect(nl.html).toContain(`<title>${escape(nl.subject)}</title>`);
  });

  it('reads the tier and categories from the stored numbers, also for plain rows that are not entities', () => {
    const row = { ...customer(2, 'photographed', ['name', 'iban', 'customerNumber'], { birthDate: '1980-01-01' }) } as AffectedCustomer;
    const letter = letters.render(incident, row, { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate });
    expect(letter.subject).toMatch(/gefotografeerd/);
    expect(letter.tipIds).toContain('check-bank-statements');
  });

  it('has a stable template version that is a content hash', () => {
    expect(letters.templateVersion()).toMatch(/^[0-9a-f]{24}$/);
    expect(letters.templateVersion()).toBe(new LettersService(loadConfig({})).templateVersion());
  });

  it('gives tip texts for stored ids in order and language, skipping unknown ids', () => {
    const texts = letters.tipTexts(['hang-up-call-back', 'no-such-tip', 'never-share-pin'], 'en');
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(TIP_CATALOGUE.find((t) => t.id === 'hang-up-call-back')!.text.en);
    expect(texts[1]).toContain(TIP_CATALOGUE.find((t) => t.id === 'never-share-pin')!.text.en);
  });

  it('refuses to render before the templates are compiled', () => {
    const fresh = new LettersService(loadConfig({}));
    expect(() => fresh.render(incident, customers[0], { token: 'AbCdEfGhIjKlMnOpQrStUv', sendDate })).toThrow(/not compiled/);
  });
});
