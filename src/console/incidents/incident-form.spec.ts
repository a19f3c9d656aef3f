import { checkIncidentForm, parseDiscoveredAt } from './incident-form';

describe('parseDiscoveredAt', () => {
  it('reads ISO-8601 with a zone as given', () => {
    expect(parseDiscoveredAt('2026-11-20T09:30:00Z')?.toISOString()).toBe('2026-11-20T09:30:00.000Z');
    expect(parseDiscoveredAt('2026-11-20T09:30+01:00')?.toISOString()).toBe('2026-11-20T08:30:00.000Z');
  });

  it('reads a time without zone as Dutch time, in winter and in summer', () => {
    expect(parseDiscoveredAt('2026-11-20 09:30')?.toISOString()).toBe('2026-11-20T08:30:00.000Z');
    expect(parseDiscoveredAt('20-07-2026 09:30')?.toISOString()).toBe('2026-07-20T07:30:00.000Z');
  });

  it('refuses what is not a real date and time', () => {
    for (const s of ['yesterday', '2026-02-30 10:00', '2026-11-20', '31-13-2026 10:00', '2026-11-20 25:00']) expect(parseDiscoveredAt(s)).toBeNull();
  });
});

describe('checkIncidentForm', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const ok = { title: 'Leak', company: 'Polderstroom', hotlinePhone: '0800 765 4321', hotlineEmail: 'datalek@polderstroom.example', discoveredAt: '2026-11-20 09:30' };

  it('accepts a complete form and gives the moment in UTC', () => {
    expect(checkIncidentForm(ok, now)).toEqual({ problems: {}, discoveredAtIso: '2026-11-20T08:30:00.000Z' });
  });

  it('names each field that is missing or wrong', () => {
    const { problems } = checkIncidentForm({ ...ok, title: '', hotlinePhone: 'call us', hotlineEmail: 'nope', discoveredAt: '2027-01-01 10:00' }, now);
    expect(problems).toEqual({ title: 'required', hotlinePhone: 'phone', hotlineEmail: 'email', discoveredAt: 'future' });
  });
});
