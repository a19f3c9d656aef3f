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
