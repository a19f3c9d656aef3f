import type { IncidentRole, RiskLevel } from '../incidents/incident-facts';

/**
 * The notification deadlines of one incident, computed from its facts and what was submitted;
 * never typed in. Pure functions: times are instants (Date), so "72 hours" is 72 real hours
 * whatever the clocks do in between (a daylight-saving change makes it 71 or 73 on the wall).
 */
export const DEADLINE_RECIPIENTS = ['authority', 'controller', 'dataSubjects'] as const;
export type DeadlineRecipient = (typeof DEADLINE_RECIPIENTS)[number];
export type DeadlineStatus = 'open' | 'met' | 'late';

export const SUBMISSION_PHASES = ['initial', 'supplement', 'withdrawal'] as const;
export type SubmissionPhase = (typeof SUBMISSION_PHASES)[number];

/** GDPR Art. 33(1): the controller notifies the authority within 72 hours of becoming aware. */
export const AUTHORITY_HOURS = 72;
const HOUR_MS = 3_600_000;

export interface DeadlineFacts {
  role: IncidentRole;
  awareAt: Date;
  controllerDeadlineHours: number;
  riskLevel: RiskLevel | null;
}

export interface Submission {
  recipient: DeadlineRecipient;
  phase: SubmissionPhase;
  submittedAt: Date;
  delayReason: string | null;
}

export interface Deadline {
  recipient: DeadlineRecipient;
  /** Null for dataSubjects: the law says "without undue delay", not a number of hours. */
  dueAt: Date | null;
  status: DeadlineStatus;
  submittedAt: Date | null;
  delayReason: string | null;
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

/** When `recipient` must have been told, or null when there is no such deadline for these facts. */
export function dueAt(facts: DeadlineFacts, recipient: 'authority' | 'controller'): Date | null {
  if (recipient === 'authority') return facts.riskLevel === 'unlikely' ? null : addHours(facts.awareAt, AUTHORITY_HOURS);
  return facts.role === 'processor' ? addHours(facts.awareAt, facts.controllerDeadlineHours) : null;
}

/**
 * Open until the first submission; then met, or late when it came after the due time without a
 * recorded reason. Not submitted and past due is late too. Later supplements do not change it.
 */
function status(due: Date, first: Submission | undefined, now: Date): DeadlineStatus {
  if (!first) return now.getTime() > due.getTime() ? 'late' : 'open';
  return first.submittedAt.getTime() > due.getTime() && !first.delayReason ? 'late' : 'met';
}

/** The deadlines in a fixed order: authority, controller (processors only), dataSubjects. */
export function computeDeadlines(facts: DeadlineFacts, submissions: readonly Submission[], firstWarningSentAt: Date | null, now: Date): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const recipient of ['authority', 'controller'] as const) {
    const due = dueAt(facts, recipient);
    if (!due) continue;
    const first = firstSubmission(submissions, recipient);
    deadlines.push({ recipient, dueAt: due, status: status(due, first, now), submittedAt: first?.submittedAt ?? null, delayReason: first?.delayReason ?? null });
  }
  deadlines.push({ recipient: 'dataSubjects', dueAt: null, status: firstWarningSentAt ? 'met' : 'open', submittedAt: firstWarningSentAt, delayReason: null });
  return deadlines;
}

export function firstSubmission(submissions: readonly Submission[], recipient: DeadlineRecipient): Submission | undefined {
  return submissions.filter((s) => s.recipient === recipient).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())[0];
}

/** Whether a submission at `submittedAt` needs a reason for the delay (it comes after the due time). */
export function needsDelayReason(due: Date | null, submittedAt: Date): boolean {
  return due !== null && submittedAt.getTime() > due.getTime();
}

/** awareAt may no longer move once a deadline was met: the record of when it fell due must stay true. */
export function awareAtLocked(deadlines: readonly Deadline[]): boolean {
  return deadlines.some((d) => d.submittedAt !== null);
}

export const REMINDERS = { '24h': 24, '4h': 4 } as const;
export type Reminder = keyof typeof REMINDERS;

/**
 * The reminder due now for an open deadline, if any: the 4-hour one inside the last 4 hours, the
 * 24-hour one between 24 and 4 hours before. Only the most urgent is given, so an incident entered
 * 3 hours before its deadline gets one reminder, not two at once.
 */
export function reminderDue(deadline: Deadline, now: Date): Reminder | null {
  if (deadline.status !== 'open' || !deadline.dueAt) return null;
  const left = deadline.dueAt.getTime() - now.getTime();
  if (left <= 0) return null;
  if (left <= REMINDERS['4h'] * HOUR_MS) return '4h';
  if (left <= REMINDERS['24h'] * HOUR_MS) return '24h';
  return null;
}
