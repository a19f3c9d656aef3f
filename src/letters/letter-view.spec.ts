import { buildLetterView, cleanLine, formatLetterDate, incidentFacts, LetterViewInput, paragraphs, telHref } from './letter-view';

const tip = (id: string) => ({ id, title: { nl: `Titel ${id}`, en: `Title ${id}` }, text: { nl: `Tekst ${id}`, en: `Text ${id}` } });

function input(overrides: { customer?: Partial<LetterViewInput['customer']>; incident?: Partial<LetterViewInput['incident']>; tips?: LetterViewInput['tips'] } = {}): LetterViewInput {
  return {
    incident: {
      company: 'Polderstroom Energie',
      hotlinePhone: '0800 765 4321',
      hotlineEmail: 'datalek@polderstroom.example',
      discoveredAt: new Date('2026-11-20T09:00:00Z'),
      description: 'A contractor photographed records.\n\nThe police arrested two people.',
      measuresTaken: 'We ended the contractor’s access.',
      ...overrides.incident,
    },
    customer: { name: 'Greet de Vries', language: 'nl', formerCustomer: false, tier: 'photographed', exposed: ['name', 'phone', 'iban'], ...overrides.customer },
    tips: overrides.tips ?? [tip('core-pin'), tip('phone-spoofing')],
    token: 'AbCdEfGhIjKlMnOpQrStUv',
    publicBaseUrl: 'https://datalek.polderstroom.example/',
  };
}

describe(buildLetterView.name, () => {
  describe('tier wording', () => {
    it.each([
      ['photographed', 'nl', /gefotografeerd en doorgegeven/],
      ['viewed', 'nl', /zonder reden bekeken/],
      ['searched', 'nl', /mogelijk zichtbaar/],
      ['photographed', 'en', /photographed and passed on/],
      ['viewed', 'en', /without a reason/],
      ['searched', 'en', /may have been visible/],
    ] as const)('gives a %s letter in %s a subject that says so', (tier, language, pattern) => {
      const view = buildLetterView(input({ customer: { tier, language } }));
      expect(view.tier).toBe(tier);
      expect(view.subject).toMatch(pattern);
    });

    it('says plainly in every subject that it is about a data breach at the company', () => {
      for (const tier of ['photographed', 'viewed', 'searched'] as const) {
        expect(buildLetterView(input({ customer: { tier, language: 'nl' } })).subject).toMatch(/^Datalek bij Polderstroom Energie: /);
        expect(buildLetterView(input({ customer: { tier, language: 'en' } })).subject).toMatch(/^Data breach at Polderstroom Energie: /);
      }
    });
  });

  describe('exposed categories', () => {
    it('lists exactly this customer’s categories, in plain words of their language', () => {
      const nl = buildLetterView(input({ customer: { exposed: ['email', 'birthDate', 'iban'] } }));
      expect(nl.exposed.map((e) => e.category)).toEqual(['email', 'birthDate', 'iban']);
      expect(nl.exposed.map((e) => e.label)).toEqual(['Uw e-mailadres', 'Uw geboortedatum', 'Uw bankrekeningnummer (IBAN)']);
      const en = buildLetterView(input({ customer: { exposed: ['address'], language: 'en' } }));
      expect(en.exposed).toEqual([{ category: 'address', label: 'Your address', meaning: expect.stringContaining('door') }]);
    });
  });

  describe('addressing', () => {
    it('greets the customer by name', () => {
      expect(buildLetterView(input()).greeting).toBe('Beste Greet de Vries,');
      expect(buildLetterView(input({ customer: { language: 'en' } })).greeting).toBe('Dear Greet de Vries,');
    });

    it('falls back to a neutral greeting when the name is empty after cleaning', () => {
      expect(buildLetterView(input({ customer: { name: ' \u202E ' } })).greeting).toBe('Beste klant,');
    });

    it('addresses a former customer as such, and a current one not', () => {
      expect(buildLetterView(input({ customer: { formerCustomer: true } })).formerCustomerNote).toBe(
        'U bent geen klant meer bij ons, maar wij hadden uw gegevens nog.',
      );
      expect(buildLetterView(input({ customer: { formerCustomer: true, language: 'en' } })).formerCustomerNote).toMatch(/^You are no longer our customer, but/);
      expect(buildLetterView(input()).formerCustomerNote).toBeNull();
    });

    it('removes control and bidirectional-override characters from the name', () => {
      expect(buildLetterView(input({ customer: { name: 'Jan\u202Eeveilig\u0007 \n Jansen' } })).greeting).toBe('Beste Janeveilig Jansen,');
    });
  });

  describe('language', () => {
    it.each([['de'], [''], ['NL'], ['xx']])('falls back to Dutch for language %p', (language) => {
      const view = buildLetterView(input({ customer: { language } }));
      expect(view.language).toBe('nl');
      expect(view.subject).toMatch(/^Datalek/);
    });

    it('gives the tips in the customer’s language, numbered in the given order', () => {
      const view = buildLetterView(input({ customer: { language: 'en' }, tips: [tip('b'), tip('a')] }));
      expect(view.tips).toEqual([
        { id: 'b', number: 1, title: 'Title b', text: 'Text b' },
        { id: 'a', number: 2, title: 'Title a', text: 'Text a' },
      ]);
    });
  });

  describe('facts from the incident', () => {
    it('uses the English description and measures for English letters, the Dutch ones otherwise', () => {
      const incident = { description: 'Er is iets gebeurd.', measuresTaken: 'Wij hebben iets gedaan.', descriptionEn: 'Something happened.', measuresTakenEn: 'We did something.' };
      const en = buildLetterView(input({ customer: { language: 'en' }, incident }));
      const nl = buildLetterView(input({ customer: { language: 'nl' }, incident }));
      expect([en.description, en.measuresTaken]).toEqual([['Something happened.'], ['We did something.']]);
      expect([nl.description, nl.measuresTaken]).toEqual([['Er is iets gebeurd.'], ['Wij hebben iets gedaan.']]);
      const enWithoutEnglish = buildLetterView(input({ customer: { language: 'en' }, incident: { ...incident, descriptionEn: null, measuresTakenEn: null } }));
      expect(enWithoutEnglish.description).toEqual(['Er is iets gebeurd.']);
    });

    it('splits the description and the measures into paragraphs', () => {
      const view = buildLetterView(input());
      expect(view.description).toEqual(['A contractor photographed records.', 'The police arrested two people.']);
      expect(view.measuresTaken).toEqual(['We ended the contractor’s access.']);
    });

    it('gives the hotline phone and e-mail with tel: and mailto: links to exactly them', () => {
      const view = buildLetterView(input());
      expect(view).toMatchObject({
        hotlinePhone: '0800 765 4321',
        hotlinePhoneHref: 'tel:08007654321',
        hotlineEmail: 'datalek@polderstroom.example',
        hotlineEmailHref: 'mailto:datalek@polderstroom.example',
      });
    });

    it('formats the discovery date in the letter’s language, in Dutch time', () => {
      expect(buildLetterView(input()).discoveredDate).toBe('20 november 2026');
      expect(buildLetterView(input({ customer: { language: 'en' } })).discoveredDate).toBe('20 November 2026');
      expect(formatLetterDate(new Date('2026-11-20T23:30:00Z'), 'nl')).toBe('21 november 2026');
    });
  });

  it('gives the same view with precomputed incident facts as without', () => {
    const i = input({ customer: { language: 'en', formerCustomer: true } });
    expect(buildLetterView(i, incidentFacts(i.incident, 'en'))).toEqual(buildLetterView(i));
  });

  describe('links', () => {
    it('links only to the letter’s own page by token, with #confirm for the confirmation', () => {
      const view = buildLetterView(input());
      expect(view.letterUrl).toBe('https://datalek.polderstroom.example/l/AbCdEfGhIjKlMnOpQrStUv');
      expect(view.confirmUrl).toBe('https://datalek.polderstroom.example/l/AbCdEfGhIjKlMnOpQrStUv#confirm');
    });
  });
});

describe('letter text helpers', () => {
  it('cleanLine collapses whitespace and drops unsafe characters', () => {
    expect(cleanLine('  a\u0000b\u2066c\t d ')).toBe('abc d');
    expect(cleanLine(null)).toBe('');
  });

  it('paragraphs drops blank lines', () => {
    expect(paragraphs('one\r\n\r\n  two  \nthree')).toEqual(['one', 'two', 'three']);
  });

  it('telHref keeps a leading plus and the digits only', () => {
    expect(telHref('+31 (0)20-892 0189')).toBe('tel:+310208920189');
    expect(telHref('0800-1234')).toBe('tel:08001234');
  });
});
