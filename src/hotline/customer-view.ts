import type { LetterTimelineRow } from '../campaigns/campaign-letters.service';
import type { Letter, LetterChannel, LetterState } from '../campaigns/letter.entity';
import type { AffectedCustomer } from '../customers/affected-customer.entity';
import type { Category, Tier } from '../customers/tiers';
import type { ContactOutcome } from './contact.entity';
import { maskEmail, maskPhone } from './masking';

/** Which wave a letter was: a first warning, a follow-up warning after the tier became more severe, an update, a reminder. */
export type LetterWaveKind = 'warning' | 'follow-up' | 'update' | 'reminder';

export interface LetterTimeline {
  campaignId: number;
  kind: LetterWaveKind;
  channel: LetterChannel;
  state: LetterState;
  sentAt: string | null;
  deliveredAt: string | null;
  bouncedAt: string | null;
  /** Postal moments: in a print batch, confirmed posted, came back as undeliverable. */
  printedAt: string | null;
  postedAt: string | null;
  returnedAt: string | null;
  clickedAt: string | null;
  acknowledgedAt: string | null;
}

export interface ContactLine {
  at: string;
  staff: string;
  outcome: ContactOutcome;
  notes: string | null;
}

/** What the hotline sees of one customer: masked contact data, never the birth date or IBAN. */
export interface HotlineCustomer {
  customerNumber: string;
  name: string;
  tier: Tier;
  exposed: Category[];
  emailMasked: string | null;
  phoneMasked: string | null;
  address: { postcode: string | null; houseNumber: string | null; houseNumberSuffix: string; city: string | null };
  language: 'nl' | 'en';
  letters: LetterTimeline[];
  contacts: ContactLine[];
  tips: string[];
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** Tip ids of all letters, newest letter first, each tip once. */
export function tipIdsToRepeat(letters: Pick<Letter, 'tipIds'>[]): string[] {
  const seen = new Set<string>();
  for (const l of [...letters].reverse()) for (const id of l.tipIds ?? []) seen.add(id);
  return [...seen];
}

/** Builds the answer field by field from an allow-list, so a new column never leaks by accident. */
export function hotlineCustomerView(
  customer: AffectedCustomer,
  letters: LetterTimelineRow[],
  contacts: ContactLine[],
  tips: string[],
): HotlineCustomer {
  return {
    customerNumber: customer.customerNumber,
    name: customer.name,
    tier: customer.tier,
    exposed: customer.exposed,
    emailMasked: maskEmail(customer.email),
    phoneMasked: maskPhone(customer.phone),
    address: { postcode: customer.postcode, houseNumber: customer.houseNumber, houseNumberSuffix: customer.houseNumberSuffix, city: customer.city },
    language: customer.language,
    letters: letters.map((l) => ({
      campaignId: l.campaignId,
      kind: l.kind === 'warning' && l.followsSeverity !== null && l.followsSeverity !== undefined ? 'follow-up' : l.kind,
      channel: l.channel,
      state: l.state,
      sentAt: iso(l.sentAt),
      deliveredAt: iso(l.deliveredAt),
      bouncedAt: iso(l.bouncedAt),
      printedAt: iso(l.printedAt),
      postedAt: iso(l.postedAt),
      returnedAt: iso(l.returnedAt),
      clickedAt: iso(l.firstClickAt),
      acknowledgedAt: iso(l.acknowledgedAt),
    })),
    contacts,
    tips,
  };
}
