import { categoriesToMask, Category, Tier, TIER_SEVERITY } from '../customers/tiers';
import { cleanLine, formatLetterDate } from './letter-view';
import { newCategories, updateParagraphs, waveView } from './wave-view';

const letter = (language: 'nl' | 'en', tier: Tier, exposed: Category[] = ['name', 'email']) => ({
  language,
  tier,
  exposed,
  company: 'Polderstroom',
  subject: 'Datalek bij Polderstroom: iets',
  formatDate: (d: Date) => formatLetterDate(d, language),
  clean: cleanLine,
});

describe(waveView.name, () => {
  it('leaves a first warning as it is', () => {
    expect(waveView(undefined, letter('nl', 'viewed'))).toEqual({ subject: 'Datalek bij Polderstroom: iets', opening: null, update: null });
    expect(waveView({ kind: 'warning', follows: null }, letter('nl', 'viewed')).opening).toBeNull();
  });

  const pairs: [Tier, Tier][] = [
    ['searched', 'viewed'],
    ['searched', 'photographed'],
    ['viewed', 'photographed'],
  ];
  it.each(pairs.flatMap(([from, to]) => (['nl', 'en'] as const).map((lang) => [from, to, lang] as const)))('opens a follow-up from %s to %s (%s) with what changed', (from, to, lang) => {
    const view = waveView({ kind: 'warning', follows: { severity: TIER_SEVERITY[from], exposedMask: categoriesToMask(['name', 'email']) } }, letter(lang, to));
    expect(view.opening?.heading).toMatch(lang === 'nl' ? /nieuwe brief/ : /new letter/);
    expect(view.opening?.paragraphs).toHaveLength(2);
    expect(view.opening?.paragraphs[0]).toMatch(to === 'photographed' ? /(gefotografeerd|photographed)/ : /(geopend|open your details)/);
    expect(view.opening?.paragraphs[1]).toMatch(/(dezelfde gegevens|same details)/);
    expect(view.subject).toMatch(/^(Nieuwe informatie|New information)\. Datalek/);
  });

  it('names only the data that is new since the earlier warning', () => {
    const view = waveView({ kind: 'warning', follows: { severity: 1, exposedMask: categoriesToMask(['name', 'email']) } }, letter('nl', 'viewed', ['name', 'email', 'phone', 'birthDate', 'iban']));
    expect(view.opening?.paragraphs[1]).toBe('Het gaat nu ook om uw telefoonnummer, uw geboortedatum en uw bankrekeningnummer (IBAN).');
    expect(newCategories(['name', 'iban'], categoriesToMask(['name']))).toEqual(['iban']);
  });

  it('frames an update’s own text: subject says it is about the breach, paragraphs cleaned', () => {
    const view = waveView({ kind: 'update', update: { nl: { subject: 'Nieuws\u202E', body: 'Een\nregel.\n\n\n  Twee \u0007.' }, en: { subject: 'Data breach news', body: 'One.' } } }, letter('nl', 'viewed'));
    expect(view.subject).toBe('Datalek bij Polderstroom: Nieuws');
    expect(view.update).toEqual({ heading: 'Nieuws', intro: expect.stringMatching(/vervolg op onze eerdere brief over het datalek bij Polderstroom\.$/), paragraphs: ['Een regel.', 'Twee .'] });
    const en = waveView({ kind: 'update', update: { nl: { subject: 'x', body: 'y' }, en: { subject: 'Data breach news', body: 'One.' } } }, letter('en', 'viewed'));
    expect(en.subject).toBe('Data breach news');
  });

  it('opens a reminder with the date of the first letter', () => {
    const view = waveView({ kind: 'reminder', firstSentAt: new Date('2026-11-25T10:00:00Z') }, letter('nl', 'searched'));
    expect(view.subject).toBe('Herinnering. Datalek bij Polderstroom: iets');
    expect(view.opening?.paragraphs[0]).toMatch(/^Op 25 november 2026 stuurden wij u een brief/);
  });

  it('never puts a second full stop after a company name that ends in one', () => {
    const bv = { ...letter('nl', 'viewed'), company: 'Polderstroom B.V.' };
    const reminder = waveView({ kind: 'reminder', firstSentAt: new Date('2026-11-25T10:00:00Z') }, bv);
    const update = waveView({ kind: 'update', update: { nl: { subject: 'Nieuws', body: 'Een.' } } }, bv);
    expect(reminder.opening?.paragraphs[0]).toContain('bij Polderstroom B.V. Wij weten');
    expect(update.update?.intro).toMatch(/bij Polderstroom B\.V\.$/);
    expect(`${reminder.opening?.paragraphs.join(' ')} ${update.update?.intro} ${update.subject}`).not.toContain('..');
  });
});

describe(updateParagraphs.name, () => {
  it('splits on blank lines only', () => {
    expect(updateParagraphs('a\nb\n\n \nc\r\n\r\nd')).toEqual(['a\nb', 'c', 'd']);
  });
});
