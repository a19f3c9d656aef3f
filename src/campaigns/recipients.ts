import { createHash, Hash } from 'node:crypto';
import type { AffectedCustomer } from '../customers/affected-customer.entity';
import type { LetterChannel } from './letter.entity';
import type { PlannedLetter } from './waves';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `email` when the customer has a usable e-mail address, else `post` (the print house). */
export function channelFor(customer: Pick<AffectedCustomer, 'email'>): LetterChannel {
  return customer.email && EMAIL.test(customer.email.trim()) ? 'email' : 'post';
}

type RecipientFields = Pick<
  AffectedCustomer,
  'id' | 'email' | 'name' | 'street' | 'houseNumber' | 'houseNumberSuffix' | 'postcode' | 'city' | 'language' | 'tierSeverity' | 'exposedMask'
>;

/**
 * Hash over the recipient set in customer-id order: who gets a letter, by which channel, at which
 * address, and what decides the letter's content (language, tier, exposed data). An approval
 * covers exactly this; any change makes start refuse.
 */
export class RecipientsHasher {
  private readonly hash: Hash = createHash('sha256');
  count = 0;

  /** `content`: what every letter of the campaign says beyond the customer's data (its kind, an update's text). */
  constructor(content = '') {
    if (content) this.hash.update(`${content}\u001d`);
  }

  /** Customers must be added in ascending id order. `letter`: which letter they get, when it is not simply the first warning. */
  add(c: RecipientFields, letter?: Pick<PlannedLetter, 'kind' | 'channel' | 'followsSeverity' | 'followsMask'>): void {
    this.count++;
    const wave = letter && (letter.kind !== 'warning' || letter.followsSeverity !== null) ? [letter.kind, letter.followsSeverity ?? '', letter.followsMask ?? ''] : [];
    this.hash.update(
      [c.id, letter?.channel ?? channelFor(c), c.email ?? '', c.name, c.street ?? '', c.houseNumber ?? '', c.houseNumberSuffix, c.postcode ?? '', c.city ?? '', c.language, c.tierSeverity, c.exposedMask, ...wave].join('\u001f') + '\u001e',
    );
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export interface RecipientChange {
  added: number;
  removed: number;
  channelChanged: number;
}

/** Difference between the letters a campaign has (customer id → channel) and the customers it would have now. */
export function diffRecipients(letters: Map<string, LetterChannel>, current: Map<string, LetterChannel>): RecipientChange {
  let added = 0;
  let channelChanged = 0;
  for (const [id, channel] of current) {
    const had = letters.get(id);
    if (had === undefined) added++;
    else if (had !== channel) channelChanged++;
  }
  let removed = 0;
  for (const id of letters.keys()) if (!current.has(id)) removed++;
  return { added, removed, channelChanged };
}

/** One sentence for the 409 at start, saying what changed since the approval. */
export function describeApprovalChanges(change: { recipients?: RecipientChange & { detailsChanged: boolean }; template?: { approved: string; now: string } }): string {
  const parts: string[] = [];
  if (change.recipients) {
    const r = change.recipients;
    const bits: string[] = [];
    if (r.added) bits.push(`${r.added} added`);
    if (r.removed) bits.push(`${r.removed} removed`);
    if (r.channelChanged) bits.push(`${r.channelChanged} with a different channel`);
    if (r.detailsChanged || bits.length === 0) bits.push('contact details, tier, language or exposed data changed for some');
    parts.push(`the recipients changed since the approval (${bits.join(', ')})`);
  }
  if (change.template) parts.push(`the letter templates changed since the approval (approved version ${change.template.approved}, now ${change.template.now})`);
  return `Cannot start: ${parts.join(' and ')}. Ask a colleague to review and approve the campaign again.`;
}
