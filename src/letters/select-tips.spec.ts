import { TIP_CATALOGUE, Tip, TipLanguage } from '../../emails/tips/catalogue';
import { CATEGORIES, Category, Tier, TIERS, isCategory, isTier } from '../customers/tiers';
import { ageOn, LARGE_PRINT_AGE, MAX_TIPS, MAX_TIPS_LARGE_PRINT, selectTips, tipById, tipTexts } from './select-tips';

const LANGUAGES: TipLanguage[] = ['nl', 'en'];
const CORE = ['never-share-pin', 'hang-up-call-back', 'no-unannounced-visits'];
const AGE_80_PLUS = ['fake-police', 'involve-someone-you-trust', 'door-chain'];
const SEND_DATE = new Date('2026-11-24T09:00:00Z');
/** 85 on SEND_DATE. */
const ELDERLY = '1941-03-02';
/** 45 on SEND_DATE. */
const YOUNGER = '1981-06-15';

function ids(input: Partial<Parameters<typeof selectTips>[0]>, catalogue?: readonly Tip[]): string[] {
  const full = { categories: [], tier: 'searched' as Tier, birthDate: null, sendDate: SEND_DATE, ...input };
  return selectTips(full, catalogue).map((t) => t.id);
}

function fixture(id: string, relevance: number, rule: Tip['rule'], tierBoost?: Tip['tierBoost']): Tip {
  return { id, relevance, rule, tierBoost, title: { nl: id, en: id }, text: { nl: id, en: id } };
}

describe(selectTips.name, () => {
  it('gives everyone the core tips first, in order of relevance', () => {
    expect(ids({ categories: ['name'] })).toEqual(CORE);
    for (const tier of TIERS) {
      for (const birthDate of [null, YOUNGER, ELDERLY]) {
        expect(ids({ categories: [...CATEGORIES], tier, birthDate }).slice(0, 3)).toEqual(CORE);
      }
    }
  });

  it.each<[Category, string[]]>([
    ['phone', ['spoofed-caller-id', 'payment-requests']],
    ['address', ['doorstep-tricks']],
    ['iban', ['check-bank-statements']],
    ['email', ['phishing-real-details']],
    ['birthDate', ['known-details-prove-nothing']],
    ['customerNumber', ['known-details-prove-nothing']],
    ['name', []],
  ])('adds the tips for exposed %s: %j', (category, expected) => {
    expect(ids({ categories: [category], birthDate: YOUNGER })).toEqual([...CORE, ...expected]);
  });

  it('gives a category tip only when one of its categories was exposed', () => {
    const categoryTips = TIP_CATALOGUE.filter((t) => t.rule.core !== true && t.rule.categories);
    expect(categoryTips.length).toBeGreaterThanOrEqual(5);
    for (const tip of categoryTips) {
      const triggers = (tip.rule.core !== true && tip.rule.categories) || [];
      for (const category of CATEGORIES) {
        expect({ tip: tip.id, category, chosen: ids({ categories: [category], tier: 'searched' }).includes(tip.id) }).toEqual({
          tip: tip.id,
          category,
          chosen: triggers.includes(category),
        });
      }
    }
  });

  it('gives the 80+ tips from the 80th birthday on, computed on the send date', () => {
    const sendDate = new Date('2026-11-24T00:00:00Z');
    // 80 is past LARGE_PRINT_AGE: one tip fewer, so one 80+ tip besides the core ones.
    const withAgeTips = [...CORE, ...AGE_80_PLUS].slice(0, MAX_TIPS_LARGE_PRINT);
    expect(ids({ birthDate: '1946-11-24', sendDate })).toEqual(withAgeTips);
    expect(ids({ birthDate: '1946-11-25', sendDate })).toEqual(CORE);
    expect(ids({ birthDate: '1946-11-25', sendDate: new Date('2026-11-25T00:00:00Z') })).toEqual(withAgeTips);
    expect(ids({ birthDate: '1930-01-01', sendDate })).toEqual(withAgeTips);
  });

  it.each([null, '', 'not a date', '24-11-1940', '1940-02-30', '1940-13-01', '2030-01-01'])(
    'gives no age tips when the birth date is missing or invalid (%j)',
    (birthDate) => {
      expect(ids({ categories: ['name'], tier: 'photographed', birthDate })).toEqual([...CORE, 'act-fast-if-tricked']);
    },
  );

  // Five: a printed letter must fit on one sheet at 16 pt, and readers of 80 remember a few tips better than many.
  it('never gives more than five tips', () => {
    expect(TIP_CATALOGUE.length).toBeGreaterThan(MAX_TIPS);
    expect(MAX_TIPS).toBe(5);
    for (const tier of TIERS) {
      for (const birthDate of [null, YOUNGER, ELDERLY]) {
        expect(ids({ categories: [...CATEGORIES], tier, birthDate }).length).toBeLessThanOrEqual(5);
      }
    }
    const many = Array.from({ length: 12 }, (_, i) => fixture(`t${i}`, i, { core: true }));
    expect(ids({}, many)).toEqual(['t11', 't10', 't9', 't8', 't7']);
  });

  // With four tips for 75 and older, the 80+ warning would otherwise lose to the doorstep and phone tips (boosted for this tier).
  it('keeps the 80+ tip for a photographed customer of 85 whose data was all exposed', () => {
    expect(ids({ categories: [...CATEGORIES], tier: 'photographed', birthDate: ELDERLY })).toEqual([...CORE, 'fake-police']);
  });

  it('ranks the 80+ tips above doorstep and phone tips when the record may only have shown up in a search', () => {
    expect(ids({ categories: [...CATEGORIES], tier: 'searched', birthDate: ELDERLY })).toEqual([...CORE, 'fake-police']);
  });

  // The same rule for e-mail and paper: the 16 pt letter of a customer of 75 and older must fit one sheet, and they read less.
  it('gives one tip fewer from the large-print age on, counted on the send date', () => {
    const all = { categories: [...CATEGORIES], tier: 'viewed' as Tier };
    const sendDate = new Date('2026-11-24T00:00:00Z');
    const bornAt = (age: number) => `${sendDate.getUTCFullYear() - age}-11-24`;
    expect(MAX_TIPS_LARGE_PRINT).toBe(MAX_TIPS - 1);
    expect(ids({ ...all, sendDate, birthDate: bornAt(LARGE_PRINT_AGE - 1) })).toHaveLength(MAX_TIPS);
    expect(ids({ ...all, sendDate, birthDate: bornAt(LARGE_PRINT_AGE) })).toHaveLength(MAX_TIPS_LARGE_PRINT);
    expect(ids({ ...all, sendDate, birthDate: null })).toHaveLength(MAX_TIPS);
  });

  it('adds what to do after being tricked only when someone actually saw the data', () => {
    expect(ids({ tier: 'searched' })).not.toContain('act-fast-if-tricked');
    expect(ids({ tier: 'viewed' })).toContain('act-fast-if-tricked');
    expect(ids({ tier: 'photographed' })).toContain('act-fast-if-tricked');
  });

  it('raises the tips for exposed data when criminals hold it', () => {
    const all = { categories: [...CATEGORIES], birthDate: YOUNGER };
    expect(ids({ ...all, tier: 'searched' })).toEqual([
      ...CORE,
      'doorstep-tricks',
      'spoofed-caller-id',
    ]);
    expect(ids({ ...all, tier: 'photographed' })).toEqual([
      ...CORE,
      'doorstep-tricks',
      'spoofed-caller-id',
    ]);
  });

  it('requires every condition of a rule to hold', () => {
    const catalogue = [fixture('core', 1, { core: true }), fixture('combined', 50, { categories: ['phone'], minTier: 'viewed', minAge: 80 })];
    expect(ids({ categories: ['phone'], tier: 'viewed', birthDate: ELDERLY }, catalogue)).toEqual(['core', 'combined']);
    expect(ids({ categories: ['email'], tier: 'viewed', birthDate: ELDERLY }, catalogue)).toEqual(['core']);
    expect(ids({ categories: ['phone'], tier: 'searched', birthDate: ELDERLY }, catalogue)).toEqual(['core']);
    expect(ids({ categories: ['phone'], tier: 'viewed', birthDate: YOUNGER }, catalogue)).toEqual(['core']);
  });

  it('orders core first, then by relevance plus tier boost, then by id, whatever the catalogue order', () => {
    const catalogue = [
      fixture('b-tie', 30, { minTier: 'searched' }),
      fixture('boosted', 10, { minTier: 'searched' }, { photographed: 25 }),
      fixture('a-tie', 30, { minTier: 'searched' }),
      fixture('core-low', 1, { core: true }),
      fixture('core-high', 2, { core: true }),
    ];
    expect(ids({ tier: 'viewed' }, catalogue)).toEqual(['core-high', 'core-low', 'a-tie', 'b-tie', 'boosted']);
    expect(ids({ tier: 'photographed' }, catalogue)).toEqual(['core-high', 'core-low', 'boosted', 'a-tie', 'b-tie']);
    expect(ids({ tier: 'photographed' }, [...catalogue].reverse())).toEqual(ids({ tier: 'photographed' }, catalogue));
  });

  it('does not change the catalogue', () => {
    const before = TIP_CATALOGUE.map((t) => t.id);
    ids({ categories: [...CATEGORIES], tier: 'photographed', birthDate: ELDERLY });
    expect(TIP_CATALOGUE.map((t) => t.id)).toEqual(before);
  });
});

describe(ageOn.name, () => {
  it('counts whole years, going up on the birthday itself', () => {
    expect(ageOn('1946-11-25', new Date('2026-11-24T23:59:59Z'))).toBe(79);
    expect(ageOn('1946-11-25', new Date('2026-11-25T00:00:00Z'))).toBe(80);
    expect(ageOn('1946-12-01', new Date('2026-11-30T12:00:00Z'))).toBe(79);
    expect(ageOn('1946-01-01', new Date('2026-12-31T12:00:00Z'))).toBe(80);
  });

  it('counts in UTC', () => {
    // 00:30 on the 25th in Amsterdam is still the 24th in UTC.
    expect(ageOn('1946-11-25', new Date('2026-11-25T00:30:00+01:00'))).toBe(79);
  });

  it('lets a 29 February birthday count from 1 March in other years', () => {
    expect(ageOn('1944-02-29', new Date('2025-02-28T12:00:00Z'))).toBe(80);
    expect(ageOn('1944-02-29', new Date('2024-02-28T12:00:00Z'))).toBe(79);
    expect(ageOn('1944-02-29', new Date('2024-02-29T12:00:00Z'))).toBe(80);
    expect(ageOn('1945-02-28', new Date('2025-02-28T12:00:00Z'))).toBe(80);
    expect(ageOn('1945-03-01', new Date('2025-02-28T12:00:00Z'))).toBe(79);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn('2026-11-24', SEND_DATE)).toBe(0);
  });

  it.each([null, undefined, '', 'abc', '1946-11-25T00:00:00Z', '25-11-1946', '1946-2-5', '1946-02-30', '1946-00-10', '2027-01-01'])(
    'is null for %j',
    (birthDate) => {
      expect(ageOn(birthDate, SEND_DATE)).toBeNull();
    },
  );

  it('is null when the date itself is invalid', () => {
    expect(ageOn('1946-11-25', new Date('nonsense'))).toBeNull();
  });
});

describe('TIP_CATALOGUE', () => {
  it('has unique, stable ids', () => {
    const all = TIP_CATALOGUE.map((t) => t.id);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has the three core tips', () => {
    expect(TIP_CATALOGUE.filter((t) => t.rule.core === true).map((t) => t.id)).toEqual(CORE);
  });

  it('has a title and text in both languages for every tip', () => {
    for (const tip of TIP_CATALOGUE) {
      for (const language of LANGUAGES) {
        expect(tip.title[language].trim()).not.toBe('');
        expect(tip.text[language].trim()).not.toBe('');
      }
      expect(tip.title.nl).not.toBe(tip.title.en);
      expect(tip.text.nl).not.toBe(tip.text.en);
    }
  });

  it('has rules that can be met and say something', () => {
    for (const tip of TIP_CATALOGUE) {
      expect(Number.isFinite(tip.relevance)).toBe(true);
      for (const [tier, boost] of Object.entries(tip.tierBoost ?? {})) {
        expect(isTier(tier)).toBe(true);
        expect(Number.isFinite(boost)).toBe(true);
      }
      const rule = tip.rule;
      if (rule.core === true) continue;
      expect({ id: tip.id, hasCondition: Boolean(rule.categories?.length || rule.minTier || rule.minAge !== undefined) }).toEqual({
        id: tip.id,
        hasCondition: true,
      });
      for (const c of rule.categories ?? []) expect(isCategory(c)).toBe(true);
      if (rule.minTier) expect(isTier(rule.minTier)).toBe(true);
      if (rule.minAge !== undefined) expect(Number.isInteger(rule.minAge) && rule.minAge > 0).toBe(true);
    }
  });

  it('is in short sentences an 85-year-old can read', () => {
    for (const tip of TIP_CATALOGUE) {
      for (const language of LANGUAGES) {
        const title = tip.title[language];
        const text = tip.text[language];
        expect({ id: tip.id, language, titleLength: title.length <= 60 }).toEqual({ id: tip.id, language, titleLength: true });
        expect({ id: tip.id, language, textLength: text.length <= 280 }).toEqual({ id: tip.id, language, textLength: true });
        // tipTexts joins title and text with ": ".
        expect(title).not.toMatch(/[.:!?;,]$/);
        expect(text).toMatch(/[.?!]$/);
        for (const sentence of text.split(/(?<=[.?!])\s+/)) {
          const words = sentence.split(/\s+/).length;
          expect({ id: tip.id, language, sentence, short: words <= 16 }).toEqual({ id: tip.id, language, sentence, short: true });
        }
      }
    }
  });

  it('contains no links, domains or e-mail addresses', () => {
    for (const tip of TIP_CATALOGUE) {
      for (const language of LANGUAGES) {
        for (const value of [tip.title[language], tip.text[language]]) {
          expect(value).not.toMatch(/:\/\/|www\.|@|\b[a-z0-9-]+\.(nl|com|org|net|eu|info|be)\b/i);
        }
      }
    }
  });
});

describe(tipTexts.name, () => {
  it('gives "title: text" in the requested language and order, skipping unknown ids', () => {
    const texts = tipTexts(['door-chain', 'no-such-tip', 'never-share-pin'], 'en');
    expect(texts).toEqual([
      `${tipById('door-chain')?.title.en}: ${tipById('door-chain')?.text.en}`,
      `${tipById('never-share-pin')?.title.en}: ${tipById('never-share-pin')?.text.en}`,
    ]);
    expect(tipTexts(['door-chain'], 'nl')[0]).toMatch(/^Gebruik een deurketting: /);
  });

  it('finds no tip for an unknown id', () => {
    expect(tipById('no-such-tip')).toBeUndefined();
  });
});
