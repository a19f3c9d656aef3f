import { ageOn } from '../letters/select-tips';
import type { LetterChannel } from './letter.entity';
import { channelFor } from './recipients';

/** Customers this old (birth date known) are reminded on paper: a second e-mail is the thing they are least likely to act on. */
export const REMINDER_POST_FROM_AGE = 75;
export const REMINDER_MAX_DAYS = 365;

/** One letter of the campaign being followed up, with what its customer did and what decides the channel. */
export interface ReminderCandidate {
  customerId: string;
  /** When the letter went out: sentAt for e-mail, the campaign's start for post. */
  sentAt: Date | null;
  clickedAt: Date | null;
  acknowledgedAt: Date | null;
  birthDate: string | null;
  email: string | null;
}

export interface ReminderChoice {
  customerId: string;
  channel: LetterChannel;
}

/**
 * Who gets a reminder, and how: customers whose letter went out at least `afterDays` days before
 * `now` and who neither opened its link nor confirmed reading it. Aged 75 or older on `now`: by
 * post; everybody else by e-mail when they have a usable address, else by post.
 */
export function selectReminders(candidates: readonly ReminderCandidate[], options: { afterDays: number; now: Date }): ReminderChoice[] {
  const cutoff = options.now.getTime() - options.afterDays * 86_400_000;
  const out: ReminderChoice[] = [];
  for (const c of candidates) {
    if (!c.sentAt || c.sentAt.getTime() > cutoff) continue;
    if (c.clickedAt || c.acknowledgedAt) continue;
    const age = ageOn(c.birthDate, options.now);
    out.push({ customerId: c.customerId, channel: age !== null && age >= REMINDER_POST_FROM_AGE ? 'post' : channelFor(c) });
  }
  return out;
}

/** Checks a reminder campaign's `reminder` field: `{campaignId, afterDays}`. */
export function parseReminderOption(input: unknown): { ok: true; value: { campaignId: number; afterDays: number } } | { ok: false; messages: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, messages: ['a reminder campaign needs reminder: {campaignId, afterDays}: the campaign to follow up and how many days after it went out'] };
  }
  const { campaignId, afterDays } = input as Record<string, unknown>;
  const messages: string[] = [];
  if (typeof campaignId !== 'number' || !Number.isInteger(campaignId) || campaignId < 1) messages.push('reminder.campaignId must be the id of an earlier campaign of this incident');
  if (typeof afterDays !== 'number' || !Number.isInteger(afterDays) || afterDays < 1 || afterDays > REMINDER_MAX_DAYS) messages.push(`reminder.afterDays must be a whole number of days from 1 to ${REMINDER_MAX_DAYS}`);
  return messages.length ? { ok: false, messages } : { ok: true, value: { campaignId: campaignId as number, afterDays: afterDays as number } };
}
