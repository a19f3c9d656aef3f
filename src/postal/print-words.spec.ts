import { categoriesToMask, Category, TIER_SEVERITY } from '../customers/tiers';
import { buildLetterView } from '../letters/letter-view';
import type { LetterWave } from '../letters/wave-view';
import { selectTips } from '../letters/select-tips';
import { Block, printBlocks } from './print-words';

const exposed: Category[] = ['name', 'email', 'phone', 'customerNumber'];

function blocksFor(wave: LetterWave | undefined, largePrint = false): Block[] {
  const view = buildLetterView({
    incident: { company: 'Testbedrijf Fictief B.V.', hotlinePhone: '0800 000 1111', hotlineEmail: 'datalek@testbedrijf.example', discoveredAt: new Date('2026-11-20T09:00:00Z'), description: 'Een medewerker bekeek klantgegevens.', measuresTaken: 'Wij stopten zijn toegang.' },
    customer: { name: 'Mevrouw De Vries', language: 'nl', formerCustomer: false, tier: 'photographed', exposed },
    tips: selectTips({ categories: exposed, tier: 'photographed', birthDate: null, sendDate: new Date('2026-12-01T00:00:00Z') }),
    token: 'AbCdEfGhIjKlMnOpQrStUv',
    publicBaseUrl: 'https://datalek.testbedrijf.example',
    wave,
  });
  return printBlocks(view, 'AbCd EfGh', largePrint);
}

const text = (blocks: Block[]) => blocks.map((b) => ('text' in b ? b.text : 'runs' in b ? b.runs.map((r) => r.text).join('') : '')).join('\n');

describe(printBlocks.name, () => {
  it('prints a follow-up with the opening that says it follows the earlier letter, before the tier text', () => {
    const first = text(blocksFor(undefined));
    const followUp = text(blocksFor({ kind: 'warning', follows: { severity: TIER_SEVERITY.viewed, exposedMask: categoriesToMask(['name', 'email']) } }));
    expect(first).not.toMatch(/nieuwe brief/);
    expect(followUp).toMatch(/nieuwe brief/);
    expect(followUp).toMatch(/telefoonnummer/);
    expect(followUp.indexOf('nieuwe brief')).toBeLessThan(followUp.indexOf(first.split('\n')[3]));
  });

  it('prints an update with the team’s own paragraphs instead of the tier text', () => {
    const update = blocksFor({ kind: 'update', update: { nl: { subject: 'Nieuws over het datalek', body: 'Eerste alinea.\n\nTweede alinea.' } } });
    const words = text(update);
    expect(update[0]).toEqual({ kind: 'title', text: 'Nieuws over het datalek' });
    expect(words).toContain('Eerste alinea.');
    expect(words).toContain('Tweede alinea.');
    expect(words).not.toContain(text(blocksFor(undefined)).split('\n')[0]);
  });

  it('runs the tier text on until a bold paragraph, and lets a heading over one paragraph lead it', () => {
    const blocks = blocksFor(undefined);
    const paras = blocks.filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para').map((b) => b.runs.map((r) => r.text).join(''));
    // "We found a data breach at …" and the incident's own text are one paragraph on paper.
    expect(paras.some((p) => /ontdekten wij op .* Een medewerker bekeek klantgegevens\./.test(p))).toBe(true);
    // The measures have a heading of one paragraph: it leads the paragraph, in the headings' colour.
    const measures = blocks.find((b) => b.kind === 'para' && b.runs[0].text.startsWith('Wat hebben wij gedaan?'));
    expect(measures).toMatchObject({ runs: [{ text: 'Wat hebben wij gedaan? ', bold: true, heading: true }, { text: 'Wij stopten zijn toegang.' }] });
    expect(blocks).not.toContainEqual({ kind: 'heading', text: 'Wat hebben wij gedaan?' });
    // Headings over a list or several paragraphs stay headings.
    expect(blocks).toContainEqual({ kind: 'heading', text: 'Wat kunt u doen?' });
  });

  it('lists the exposed data with their meanings at 14 pt, and as categories in two columns at 16 pt', () => {
    const small = blocksFor(undefined);
    const large = blocksFor(undefined, true);
    expect(small.filter((b) => b.kind === 'bullet')).toHaveLength(exposed.length);
    expect(text(small)).toContain('Pas op voor nepmails.');
    expect(large.filter((b) => b.kind === 'bullet')).toHaveLength(0);
    expect(large.filter((b) => b.kind === 'columns')).toEqual([
      { kind: 'columns', items: ['Uw naam', 'Uw e-mailadres'] },
      { kind: 'columns', items: ['Uw telefoonnummer', 'Uw klantnummer'] },
    ]);
    // Everything else is the same at both sizes.
    const rest = (blocks: Block[]) => blocks.filter((b) => b.kind !== 'bullet' && b.kind !== 'columns');
    expect(rest(large)).toEqual(rest(small));
  });
});
