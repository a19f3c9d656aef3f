import { TIER_SEVERITY } from '../customers/tiers';
import { emptyTally, nobodyToSendTo, waveDecision } from './waves';

const customer = (tier: keyof typeof TIER_SEVERITY, exposedMask = 3) => ({ tierSeverity: TIER_SEVERITY[tier], exposedMask });

describe(waveDecision.name, () => {
  it('warns the never warned with a first warning', () => {
    expect(waveDecision('warning', customer('viewed'), undefined)).toEqual({
      role: 'new',
      letter: { kind: 'warning', severity: 2, exposedMask: 3, followsSeverity: null, followsMask: null },
    });
  });

  it('leaves out whoever was warned at their tier or a more severe one', () => {
    expect(waveDecision('warning', customer('viewed'), { severity: 2, exposedMask: 3 })).toEqual({ role: 'alreadyWarned', letter: null });
    expect(waveDecision('warning', customer('searched'), { severity: 3, exposedMask: 3 })).toEqual({ role: 'alreadyWarned', letter: null });
  });

  it('gives the upgraded a follow-up that knows the earlier tier and data', () => {
    expect(waveDecision('warning', customer('photographed', 7), { severity: 1, exposedMask: 3 })).toEqual({
      role: 'upgraded',
      letter: { kind: 'warning', severity: 3, exposedMask: 7, followsSeverity: 1, followsMask: 3 },
    });
  });

  it('sends an update only to those already warned', () => {
    expect(waveDecision('update', customer('viewed'), undefined)).toEqual({ role: 'neverWarned', letter: null });
    expect(waveDecision('update', customer('viewed'), { severity: 1, exposedMask: 3 })?.letter?.kind).toBe('update');
  });
});

describe(nobodyToSendTo.name, () => {
  it('says why nobody would get a letter and what to do instead', () => {
    expect(nobodyToSendTo('warning', ['viewed'], { ...emptyTally(), alreadyWarned: 4 })).toMatch(/all 4 customers in viewed have already been warned.*update campaign/);
    expect(nobodyToSendTo('update', ['viewed', 'searched'], { ...emptyTally(), neverWarned: 2 })).toMatch(/none of the 2 customers in viewed, searched has been warned yet.*warning campaign first/);
    expect(nobodyToSendTo('warning', ['searched'], emptyTally())).toMatch(/no affected customers in searched; import them first/);
  });
});
