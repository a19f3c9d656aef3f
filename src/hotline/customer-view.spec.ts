import type { LetterTimelineRow } from '../campaigns/campaign-letters.service';
import { AffectedCustomer } from '../customers/affected-customer.entity';
import { categoriesToMask, TIER_SEVERITY } from '../customers/tiers';
import { hotlineCustomerView, tipIdsToRepeat } from './customer-view';

function customer(): AffectedCustomer {
  return Object.assign(new AffectedCustomer(), {
    id: '7',
    incidentId: 1,
    customerNumber: 'K0000007',
    name: 'Jan Jansen',
    email: 'jan.jansen@example.nl',
    phone: '+31612345678',
    street: 'Dorpsstraat',
    houseNumber: '12',
    houseNumberSuffix: 'A',
    postcode: '1234 AB',
    city: 'Testdorp',
    birthDate: '1950-03-07',
    language: 'nl' as const,
    formerCustomer: false,
    tierSeverity: TIER_SEVERITY.viewed,
    exposedMask: categoriesToMask(['name', 'iban', 'birthDate']),
  });
}

function letter(id: string, fields: Partial<LetterTimelineRow>): LetterTimelineRow {
  return { id, campaignId: 3, kind: 'warning', followsSeverity: null, channel: 'email', state: 'sent', sentAt: null, deliveredAt: null, bouncedAt: null, printedAt: null, postedAt: null, returnedAt: null, tipIds: null, firstClickAt: null, acknowledgedAt: null, ...fields };
}

describe(hotlineCustomerView.name, () => {
  it('shows masked contact data and never the birth date, IBAN or street', () => {
    const view = hotlineCustomerView(customer(), [], [], []);
    expect(view).toMatchObject({
      customerNumber: 'K0000007',
      name: 'Jan Jansen',
      tier: 'viewed',
      exposed: ['name', 'birthDate', 'iban'],
      emailMasked: 'j***@example.nl',
      phoneMasked: '***678',
      address: { postcode: '1234 AB', houseNumber: '12', houseNumberSuffix: 'A', city: 'Testdorp' },
    });
    const text = JSON.stringify(view);
    expect(text).not.toContain('1950');
    expect(text).not.toContain('jan.jansen');
    expect(text).not.toContain('612345678');
    expect(text).not.toContain('Dorpsstraat');
    expect(Object.keys(view)).not.toContain('birthDate');
  });

  it('shows each letter with its first click and read confirmation, and says which wave it was', () => {
    const sent = new Date('2026-11-21T10:00:00Z');
    const clicked = new Date('2026-11-21T12:00:00Z');
    const view = hotlineCustomerView(
      customer(),
      [letter('1', { sentAt: sent, deliveredAt: sent, firstClickAt: clicked }), letter('2', { channel: 'post', state: 'pending', campaignId: 4, followsSeverity: 1 }), letter('3', { campaignId: 5, kind: 'update' })],
      [],
      [],
    );
    expect(view.letters).toEqual([
      { campaignId: 3, kind: 'warning', channel: 'email', state: 'sent', sentAt: sent.toISOString(), deliveredAt: sent.toISOString(), bouncedAt: null, printedAt: null, postedAt: null, returnedAt: null, clickedAt: clicked.toISOString(), acknowledgedAt: null },
      { campaignId: 4, kind: 'follow-up', channel: 'post', state: 'pending', sentAt: null, deliveredAt: null, bouncedAt: null, printedAt: null, postedAt: null, returnedAt: null, clickedAt: null, acknowledgedAt: null },
      { campaignId: 5, kind: 'update', channel: 'email', state: 'sent', sentAt: null, deliveredAt: null, bouncedAt: null, printedAt: null, postedAt: null, returnedAt: null, clickedAt: null, acknowledgedAt: null },
    ]);
  });
});

describe(tipIdsToRepeat.name, () => {
  it('lists the tips of the newest letter first, each once', () => {
    expect(tipIdsToRepeat([{ tipIds: ['a', 'b'] }, { tipIds: null }, { tipIds: ['c', 'a'] }])).toEqual(['c', 'a', 'b']);
  });
});
