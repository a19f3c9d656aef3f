import { categoriesToMask, Category, TIER_SEVERITY } from '../customers/tiers';
import { buildLetterView } from '../letters/letter-view';
import type { LetterWave } from '../letters/wave-view';
import { selectTips } from '../letters/select-tips';
import { Block, printBlocks } from './print-words';

const exposed: Category[] = ['name', 'email', 'phone', 'customerNumber'];

function blocksFor(wave: LetterWave | undefined): Block[] {
  const view = buildLetterView({
    incident: { company: 'Testbedrijf Fictief B.V.', hotlinePhone: '0800 000 1111', hotlineEmail: 'datalek@testbedrijf.example', discoveredAt: new Date('2026-11-20T09:00:00Z'), description: 'Een medewerker bekeek klantgegevens.', measuresTaken: 'Wij stopten zijn toegang.' },
    customer: { name: 'Mevrouw De Vries', language: 'nl', formerCustomer: false, tier: 'photographed', exposed },
    tips: selectTips({ categories: exposed, tier: 'photographed', birthDate: null, sendDate: new Date('2026-12-01T00:00:00Z') }),
    token: 'AbCdEfGhIjKlMnOpQrStUv',
    publicBaseUrl: 'https://datalek.testbedrijf.example',
    wave,
  });
  return printBlocks(view, 'AbCd EfGh');
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
});
