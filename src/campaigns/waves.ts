import type { LetterChannel, LetterKind } from './letter.entity';

/** The most severe earlier warning of a customer in this incident, and every data category any warning named. */
export interface PriorWarning {
  severity: number;
  exposedMask: number;
}

/** What one letter of a campaign is: fixed when the campaign is approved, and covered by the approval. */
export interface PlannedLetter {
  kind: LetterKind;
  channel: LetterChannel;
  severity: number;
  exposedMask: number;
  followsSeverity: number | null;
  followsMask: number | null;
}

/**
 * new: never warned, gets a first warning · upgraded: warned only at a less severe tier, gets a
 * follow-up warning · alreadyWarned: warned at this tier already (a warning leaves them out; an
 * update goes to them) · neverWarned: an update leaves them out.
 */
export type WaveRole = 'new' | 'upgraded' | 'alreadyWarned' | 'neverWarned';

export interface WaveDecision {
  role: WaveRole;
  letter: Omit<PlannedLetter, 'channel'> | null;
}

/**
 * Who gets which letter in a warning or update campaign. A warning goes once per customer and
 * severity: to the never warned, and as a follow-up to those warned only at a less severe tier.
 * An update goes only to those already warned.
 */
export function waveDecision(kind: 'warning' | 'update', customer: { tierSeverity: number; exposedMask: number }, prior: PriorWarning | undefined): WaveDecision {
  const base = { severity: customer.tierSeverity, exposedMask: customer.exposedMask };
  if (kind === 'update') {
    return prior ? { role: 'alreadyWarned', letter: { kind: 'update', ...base, followsSeverity: null, followsMask: null } } : { role: 'neverWarned', letter: null };
  }
  if (!prior) return { role: 'new', letter: { kind: 'warning', ...base, followsSeverity: null, followsMask: null } };
  if (prior.severity >= customer.tierSeverity) return { role: 'alreadyWarned', letter: null };
  return { role: 'upgraded', letter: { kind: 'warning', ...base, followsSeverity: prior.severity, followsMask: prior.exposedMask } };
}

export interface WaveTally {
  recipients: number;
  email: number;
  post: number;
  /** Customers of the chosen tiers already warned at their tier (left out of a warning; the recipients of an update). */
  alreadyWarned: number;
  upgraded: number;
  /** Customers of the chosen tiers never warned (left out of an update). */
  neverWarned: number;
}

export function emptyTally(): WaveTally {
  return { recipients: 0, email: 0, post: 0, alreadyWarned: 0, upgraded: 0, neverWarned: 0 };
}

export function countRole(tally: WaveTally, role: WaveRole): void {
  if (role === 'alreadyWarned') tally.alreadyWarned++;
  else if (role === 'upgraded') tally.upgraded++;
  else if (role === 'neverWarned') tally.neverWarned++;
}

export function countLetter(tally: WaveTally, channel: LetterChannel): void {
  tally.recipients++;
  if (channel === 'email') tally.email++;
  else tally.post++;
}

/** The 400 for a campaign with nobody to send to, saying why and what to do instead. */
export function nobodyToSendTo(kind: 'warning' | 'update' | 'reminder', tiers: readonly string[], tally: WaveTally): string {
  const where = tiers.join(', ');
  if (kind === 'warning' && tally.alreadyWarned > 0) {
    return `Nobody to send to: all ${tally.alreadyWarned} customers in ${where} have already been warned at their current tier, and no one is warned twice. To tell them something new, create an update campaign (kind: update).`;
  }
  if (kind === 'update' && tally.neverWarned > 0) {
    return `Nobody to send to: none of the ${tally.neverWarned} customers in ${where} has been warned yet, and an update goes only to customers who were. Send a warning campaign first.`;
  }
  if (kind === 'reminder') return 'Nobody to send to: every customer of that campaign opened the letter’s link or confirmed reading it, or the campaign has no letters.';
  return `Nobody to send to: the incident has no affected customers in ${where}; import them first.`;
}
