import type { LetterState } from './letter.entity';

/**
 * The one rule every campaign state change answers to: a campaign is finished only when none of
 * its e-mail letters can still move. `pending` is in the list on purpose: an e-mail letter of a
 * started campaign that is still `pending` has not been released yet (or never will be, which is
 * a fault to report, not a reason to call the campaign done). Post letters never count here; they
 * go to the print house.
 */
export const OPEN_EMAIL_LETTER_STATES: readonly LetterState[] = ['pending', 'queued', 'sending', 'retrying'];

const OPEN_LIST = OPEN_EMAIL_LETTER_STATES.map((s) => `'${s}'`).join(',');

/**
 * SQL condition, true when the campaign row under `campaignAlias` still has an e-mail letter that
 * can move. Used by the cheap pre-check, by the guarded completion itself and by the tripwire, so
 * the three can never disagree about what "done" means.
 */
export function hasOpenEmailLetters(campaignAlias: string): string {
  return `EXISTS (SELECT 1 FROM letters open_l WHERE open_l.campaignId = ${campaignAlias}.id AND open_l.channel = 'email' AND open_l.state IN (${OPEN_LIST}))`;
}

/** Campaign statuses in which the letters have been released (start happened). */
export const STARTED_STATUSES = ['sending', 'paused', 'completed'] as const;
