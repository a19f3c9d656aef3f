import type { SendFailureKind } from '../mail/send-failure';
import type { LetterState } from './letter.entity';

/**
 * Bull job id for a letter: the letter id for its first send, `<id>:<attempts>` for every later
 * one. Deterministic, so re-adding the job of a letter that still has one is a no-op in Bull.
 */
export function letterJobId(letterId: string, attempts: number): string {
  return attempts === 0 ? letterId : `${letterId}:${attempts}`;
}

const MAX_BACKOFF_MS = 3600_000;

/** Delay before the next try after `attempts` tries: base, 2×base, 4×base, … capped at one hour, with ±20% jitter so retries spread out. */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exact = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(exact * (0.8 + 0.4 * random()));
}

/** The letter's state after a failed try number `attempts` (1-based) of at most `maxAttempts`. */
export function stateAfterFailure(kind: SendFailureKind, attempts: number, maxAttempts: number): Extract<LetterState, 'retrying' | 'failed' | 'unknown'> {
  switch (kind) {
    case 'unknown':
      return 'unknown';
    case 'permanent':
      return 'failed';
    case 'transient':
      return attempts >= maxAttempts ? 'failed' : 'retrying';
  }
}

/** Redis key counting a campaign's consecutive send failures (under the installation's prefix, like Bull's keys). */
export function campaignFailureKey(queuePrefix: string, campaignId: number): string {
  return `${queuePrefix}:campaign-failures:${campaignId}`;
}

/** Redis key holding when that run of failures began (the database's clock, ISO), for retrying the letters it refused. */
export function campaignRunStartKey(queuePrefix: string, campaignId: number): string {
  return `${campaignFailureKey(queuePrefix, campaignId)}:since`;
}

/** Automatic resumes in a row (without a letter going out in between) before a person has to look. */
export const AUTO_RESUMES = 6;
const MAX_COOL_OFF_SECONDS = 1800;

/**
 * After a campaign paused itself: seconds until it tries again by itself, or null when a person
 * must resume it. Only temporary refusals (4xx, the relay unreachable) are waited out: a relay
 * that throttles or is down for maintenance comes back, and nobody should have to be awake for
 * it. A run of 5xx refusals or of lost connections after DATA means a set-up problem or letters
 * of unknown fate, and resuming by itself would fail or blur more letters.
 */
export function coolOffSeconds(kind: SendFailureKind, autoPausesBefore: number, firstSeconds: number): number | null {
  if (kind !== 'transient' || firstSeconds === 0 || autoPausesBefore >= AUTO_RESUMES) return null;
  return Math.min(firstSeconds * 2 ** autoPausesBefore, MAX_COOL_OFF_SECONDS);
}

const AUTOMATIC_PAUSE = 'Paused automatically after ';

/** Whether a campaign's `pausedReason` is one automaticPauseReason wrote (the console explains those in the reader's language). */
export function isAutomaticPause(pausedReason: string | null): boolean {
  return pausedReason?.startsWith(AUTOMATIC_PAUSE) ?? false;
}

/** The reason the console and the API show for an automatic pause (at most 300 characters, no personal data). */
export function automaticPauseReason(failures: number, kind: SendFailureKind, lastReason: string, coolOff: number | null, autoPausesBefore: number): string {
  const what = `${AUTOMATIC_PAUSE}${failures} consecutive send failures`;
  // No clock time here: the console shows `resumeAt` in the reader's own time zone beside it.
  const next =
    coolOff !== null
      ? ` Waits ${duration(coolOff)}, then sends again by itself (automatic resume ${autoPausesBefore + 1} of ${AUTO_RESUMES}); resume sooner if the relay is back.`
      : kind === 'transient'
        ? ` It has tried again by itself ${AUTO_RESUMES} times: check the SMTP relay, then resume.`
        : kind === 'permanent'
          ? ' The relay refuses the letters outright, which waiting will not change: check its settings (sender address, authentication, limits), then resume.'
          : ' The connection broke after the letters went out, so those letters are unknown: check the relay, then resume.';
  const room = 300 - what.length - next.length - ' (the last: ).'.length;
  return `${what} (the last: ${lastReason.slice(0, Math.max(20, room))}).${next}`.slice(0, 300);
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
