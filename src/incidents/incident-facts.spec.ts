import { applyFactsChange, FactsError, IncidentFacts, NO_FACTS } from './incident-facts';

const discoveredAt = new Date('2026-11-20T09:00:00Z');
const now = new Date('2026-11-21T09:00:00Z');
const change = (current: IncidentFacts, input: Parameters<typeof applyFactsChange>[1], awareAtLocked = false) => applyFactsChange(current, input, { discoveredAt, now, awareAtLocked });
const processor: IncidentFacts = { ...NO_FACTS, role: 'processor', controllerName: 'Client BV', controllerEmail: 'dpo@client.example' };

describe('applyFactsChange', () => {
  it('lists the fields that changed, and nothing for a change to the same values', () => {
    const { facts, changed } = change(NO_FACTS, { riskLevel: 'high', nature: ['integrity', 'confidentiality', 'integrity'], subjectsMax: 10 });
    expect(changed).toEqual(['nature', 'riskLevel', 'subjectsMax']);
    expect(facts.nature).toEqual(['confidentiality', 'integrity']);
    expect(change(facts, { riskLevel: 'high', nature: ['confidentiality', 'integrity'] }).changed).toEqual([]);
  });

  it('needs a controller for a processor, and a reasoning for an unlikely risk', () => {
    expect(() => change(NO_FACTS, { role: 'processor' })).toThrow(/controller: \{name, email\}/);
    expect(change(NO_FACTS, { role: 'processor', controller: { name: 'Client BV', email: 'dpo@client.example' } }).facts.role).toBe('processor');
    expect(() => change(NO_FACTS, { riskLevel: 'unlikely', riskReasoning: '   ' })).toThrow(/riskReasoning/);
    expect(() => change(processor, { controller: null })).toThrow(FactsError);
  });

  it('refuses a minimum above the maximum, also when only one of them changes', () => {
    const { facts } = change(NO_FACTS, { subjectsMin: 5, subjectsMax: 10 });
    expect(() => change(facts, { subjectsMin: 11 })).toThrow('subjectsMin (11) is larger than subjectsMax (10)');
  });

  it('refuses an awareAt in the future', () => {
    expect(() => change(NO_FACTS, { awareAt: '2026-11-22T00:00:00Z' })).toThrow(/future/);
  });

  it('holds awareAt once locked, but allows restating the same moment and other changes', () => {
    const { facts } = change(NO_FACTS, { awareAt: '2026-11-20T10:00:00Z' });
    const err = (() => {
      try {
        change(facts, { awareAt: '2026-11-20T11:00:00Z' }, true);
      } catch (e) {
        return e as FactsError;
      }
    })();
    expect(err?.kind).toBe('locked');
    expect(change(facts, { awareAt: '2026-11-20T12:00:00+02:00', subjectsMax: 3 }, true).changed).toEqual(['subjectsMax']);
    // Clearing awareAt means "the same as discoveredAt": a move too.
    expect(() => change(facts, { awareAt: null }, true)).toThrow(/cannot move/);
  });
});
