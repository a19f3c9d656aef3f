import { TIER_SEVERITY, Tier, TIERS, tierFromSeverity } from '../customers/tiers';
import { CONTACT_OUTCOMES, ContactOutcome } from './contact.entity';

/** What the police and the regulator will ask: how many called, and how many were approached or defrauded. */
export interface ContactCounts {
  total: number;
  /** Distinct customers with at least one contact. */
  customers: number;
  byOutcome: Record<ContactOutcome, number>;
  byTier: Record<Tier, number>;
  customersReportingFraudAttempt: number;
  customersDefrauded: number;
}

/** One row per (customer, outcome) with the customer's tier severity and the number of contacts. */
export interface ContactCountRow {
  customerId: string;
  outcome: string;
  tierSeverity: number;
  count: number;
}

export function emptyContactCounts(): ContactCounts {
  return {
    total: 0,
    customers: 0,
    byOutcome: Object.fromEntries(CONTACT_OUTCOMES.map((o) => [o, 0])) as Record<ContactOutcome, number>,
    byTier: Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>,
    customersReportingFraudAttempt: 0,
    customersDefrauded: 0,
  };
}

export function countContacts(rows: ContactCountRow[]): ContactCounts {
  const counts = emptyContactCounts();
  const customers = new Set<string>();
  const attempt = new Set<string>();
  const defrauded = new Set<string>();
  for (const r of rows) {
    counts.total += r.count;
    customers.add(r.customerId);
    if (r.outcome in counts.byOutcome) counts.byOutcome[r.outcome as ContactOutcome] += r.count;
    if (Object.values(TIER_SEVERITY).includes(r.tierSeverity)) counts.byTier[tierFromSeverity(r.tierSeverity)] += r.count;
    if (r.outcome === 'fraud-attempt') attempt.add(r.customerId);
    if (r.outcome === 'fraud-victim') defrauded.add(r.customerId);
  }
  counts.customers = customers.size;
  counts.customersReportingFraudAttempt = attempt.size;
  counts.customersDefrauded = defrauded.size;
  return counts;
}
