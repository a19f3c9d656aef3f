import { countContacts, emptyContactCounts } from './contact-counts';

describe(countContacts.name, () => {
  it('is all zeros without contacts', () => {
    expect(countContacts([])).toEqual(emptyContactCounts());
    expect(emptyContactCounts().byOutcome).toEqual({ informed: 0, worried: 0, 'fraud-attempt': 0, 'fraud-victim': 0, 'callback-requested': 0, other: 0 });
  });

  it('counts contacts by outcome and tier, and distinct customers for fraud', () => {
    const counts = countContacts([
      { customerId: '1', outcome: 'fraud-attempt', tierSeverity: 3, count: 2 },
      { customerId: '1', outcome: 'informed', tierSeverity: 3, count: 1 },
      { customerId: '2', outcome: 'fraud-attempt', tierSeverity: 1, count: 1 },
      { customerId: '3', outcome: 'fraud-victim', tierSeverity: 2, count: 1 },
    ]);
    expect(counts).toEqual({
      total: 5,
      customers: 3,
      byOutcome: { informed: 1, worried: 0, 'fraud-attempt': 3, 'fraud-victim': 1, 'callback-requested': 0, other: 0 },
      byTier: { photographed: 3, viewed: 1, searched: 1 },
      customersReportingFraudAttempt: 2,
      customersDefrauded: 1,
    });
  });
});
