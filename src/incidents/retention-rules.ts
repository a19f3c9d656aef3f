/**
 * When an incident's personal data goes, and what stops an incident from being closed. Pure
 * functions: IncidentsService and the purge job (src/retention) act on what they return.
 */
export const INCIDENT_STATUSES = ['open', 'closed', 'purged'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

const DAY_MS = 86_400_000;

/** closedAt + RETENTION_DAYS whole days (0: the next purge sweep takes it). */
export function purgeAtFor(closedAt: Date, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 0) throw new RangeError(`retentionDays must be a whole number of days >= 0, not ${retentionDays}`);
  return new Date(closedAt.getTime() + retentionDays * DAY_MS);
}

/**
 * Whether the customers' personal data of this incident must no longer be used: purged, or the
 * purge is due (it may be under way, so some rows are already blank). Lookups, previews and
 * printing answer as if it were gone.
 */
export function personalDataGone(incident: { status: IncidentStatus; purgeAt: Date | null }, now: Date): boolean {
  if (incident.status === 'purged') return true;
  return incident.status === 'closed' && incident.purgeAt !== null && incident.purgeAt.getTime() <= now.getTime();
}

/** What is still moving in an incident; any of it stops closing (and a due purge waits for it). */
export interface WorkInProgress {
  /** Campaigns that are `sending`, or `approved` and about to be started. */
  campaigns: { id: number; status: string }[];
  /** Imports (not dry runs) that are queued or running. */
  imports: { id: number }[];
  /** Print batches whose PDFs are still being built (they read names and addresses). */
  printBatches: { id: number }[];
}

/**
 * Why the incident cannot be closed now, in words that say what to do; null when it can. Closing
 * never stops letters silently: a campaign still sending must be paused or finish first. An
 * approved campaign is one click from sending and has no way back to draft, so it must be started
 * (and complete, or be paused) first. Paused and draft campaigns may stay: closing freezes them.
 */
export function closeBlocker(incidentId: number, work: WorkInProgress): string | null {
  const sending = work.campaigns.filter((c) => c.status === 'sending');
  const approved = work.campaigns.filter((c) => c.status === 'approved');
  const parts: string[] = [];
  if (sending.length) {
    parts.push(`${campaignList(sending)} ${sending.length === 1 ? 'is' : 'are'} still sending: pause ${sending.length === 1 ? 'it' : 'them'} (no further letters go out) or wait until ${sending.length === 1 ? 'it has' : 'they have'} completed`);
  }
  if (approved.length) {
    parts.push(`${campaignList(approved)} ${approved.length === 1 ? 'is' : 'are'} approved but not started: start ${approved.length === 1 ? 'it' : 'them'} and let ${approved.length === 1 ? 'it' : 'them'} complete, or pause ${approved.length === 1 ? 'it' : 'them'} once started`);
  }
  if (work.imports.length) parts.push(`${work.imports.map((i) => `import ${i.id}`).join(', ')} ${work.imports.length === 1 ? 'is' : 'are'} still running: wait until ${work.imports.length === 1 ? 'it has' : 'they have'} finished`);
  if (work.printBatches.length) parts.push(`${work.printBatches.map((b) => `print batch ${b.id}`).join(', ')} ${work.printBatches.length === 1 ? 'is' : 'are'} still being built: wait until ${work.printBatches.length === 1 ? 'it is' : 'they are'} ready`);
  if (parts.length === 0) return null;
  return `Incident ${incidentId} cannot be closed yet: ${parts.join('; ')}. Then close it again.`;
}

function campaignList(campaigns: { id: number }[]): string {
  return campaigns.length === 1 ? `campaign ${campaigns[0].id}` : `campaigns ${campaigns.map((c) => c.id).join(', ')}`;
}

/** The 409 message for work refused on a closed (or purged) incident. */
export function closedMessage(incidentId: number, status: IncidentStatus, what: 'import' | 'campaign' | 'print'): string {
  const action = { import: 'import customers into it', campaign: 'create, approve, start or resume its campaigns', print: 'print its letters' }[what];
  return status === 'purged'
    ? `Incident ${incidentId} was closed and its customers' personal data has been removed; you can no longer ${action}.`
    : `Incident ${incidentId} is closed; you can no longer ${action}. Its customers' personal data is kept only until the purge.`;
}

/** The 410 message for a letter that can no longer be shown or printed: the person it was for is no longer on file. */
export function purgedLettersMessage(incidentId: number): string {
  return `The customers' personal data of incident ${incidentId} has been removed (the incident was closed); their letters can no longer be shown or printed. Counts and the register are kept.`;
}
