/**
 * Rules that flag a staff member whose lookups look like browsing rather than answering callers.
 * The breach this product answers was an insider at customer service who went through records by
 * postcode and age; these rules look for the traces such browsing leaves in the lookups themselves.
 *
 * Plain functions over one member's recent lookups (oldest first). A trace entry holds only what
 * the rules need: when, the outcome, the kind of identifier and, for address lookups, a keyed hash
 * of the postcode with the house number, so neighbouring numbers can be seen without storing the
 * address itself.
 */

export type BrowsingRule = 'misses-in-a-row' | 'burst' | 'outside-hours' | 'address-walk';
export const BROWSING_RULES: readonly BrowsingRule[] = ['misses-in-a-row', 'burst', 'outside-hours', 'address-walk'];

export interface TraceEntry {
  /** Epoch milliseconds. */
  at: number;
  /** Only admitted lookups are traced; `ambiguous` means the address exists (several people). */
  result: 'hit' | 'miss' | 'ambiguous';
  kind: 'customerNumber' | 'address' | 'address+birthDate';
  /** Keyed hash of the postcode (never the postcode) and the house number; address lookups only. */
  street?: string;
  houseNumber?: number;
}

export interface WorkingHours {
  /** Minutes after local midnight when the hotline opens, 0–1440. */
  from: number;
  /** Minutes after local midnight when it closes; before `from` means the shift runs past midnight. */
  to: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which those hours hold. */
  days: number[];
  /** IANA time zone the hours are in, e.g. Europe/Amsterdam. */
  timeZone: string;
}

/** Thresholds; 0 turns a rule off. */
export interface BrowsingThresholds {
  missesInARow: number;
  burstLookups: number;
  burstWindowSeconds: number;
  outsideHoursLookups: number;
  workingHours: WorkingHours;
  walkNumbers: number;
  /** Largest step between "neighbouring" numbers: 2 follows one side of a street (2, 4, 6 …). */
  walkMaxStep: number;
  walkWindowSeconds: number;
}

/** What a rule saw: the rule, one sentence for the admin, and the counts behind it (never values). */
export interface Finding {
  rule: BrowsingRule;
  summary: string;
  facts: Record<string, number>;
}

export function missesInARow(trace: readonly TraceEntry[], t: BrowsingThresholds): Finding | null {
  if (t.missesInARow <= 0) return null;
  let run = 0;
  for (let i = trace.length - 1; i >= 0 && trace[i].result === 'miss'; i--) run++;
  if (run < t.missesInARow) return null;
  return { rule: 'misses-in-a-row', summary: `${run} lookups in a row found nobody (threshold ${t.missesInARow}).`, facts: { misses: run, threshold: t.missesInARow } };
}

function recent(trace: readonly TraceEntry[], windowSeconds: number): TraceEntry[] {
  if (trace.length === 0) return [];
  const newest = trace[trace.length - 1].at;
  return trace.filter((e) => e.at > newest - windowSeconds * 1000);
}

export function burst(trace: readonly TraceEntry[], t: BrowsingThresholds): Finding | null {
  if (t.burstLookups <= 0) return null;
  const count = recent(trace, t.burstWindowSeconds).length;
  if (count < t.burstLookups) return null;
  const minutes = Math.round(t.burstWindowSeconds / 6) / 10;
  return {
    rule: 'burst',
    summary: `${count} lookups within ${minutes} minutes (threshold ${t.burstLookups}): more than callers on the line can explain.`,
    facts: { lookups: count, threshold: t.burstLookups, windowSeconds: t.burstWindowSeconds },
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

let lastLocal: { minute: number; timeZone: string; value: { weekday: number; minutes: number } } | undefined;

/** Local weekday (1–7) and minutes after midnight of `at` in `timeZone`. */
export function localTime(at: number, timeZone: string): { weekday: number; minutes: number } {
  // Every lookup asks for (nearly) the same minute; formatting it costs more than the rest of the rules.
  const minute = Math.floor(at / 60_000);
  if (lastLocal && lastLocal.minute === minute && lastLocal.timeZone === timeZone) return lastLocal.value;
  const value = formatLocal(at, timeZone);
  lastLocal = { minute, timeZone, value };
  return value;
}

function formatLocal(at: number, timeZone: string): { weekday: number; minutes: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAYS[parts.weekday], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function withinWorkingHours(at: number, h: WorkingHours): boolean {
  const { weekday, minutes } = localTime(at, h.timeZone);
  if (h.from <= h.to) return h.days.includes(weekday) && minutes >= h.from && minutes < h.to;
  // A shift past midnight belongs to the day it started on.
  if (minutes >= h.from) return h.days.includes(weekday);
  return minutes < h.to && h.days.includes(weekday === 1 ? 7 : weekday - 1);
}

/** Counts the traced lookups outside working hours; only a lookup outside hours can raise it. */
export function outsideHours(trace: readonly TraceEntry[], t: BrowsingThresholds): Finding | null {
  if (t.outsideHoursLookups <= 0 || trace.length === 0) return null;
  if (withinWorkingHours(trace[trace.length - 1].at, t.workingHours)) return null;
  const count = trace.filter((e) => !withinWorkingHours(e.at, t.workingHours)).length;
  if (count < t.outsideHoursLookups) return null;
  const { minutes } = localTime(trace[trace.length - 1].at, t.workingHours.timeZone);
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return {
    rule: 'outside-hours',
    summary: `${count} lookup${count === 1 ? '' : 's'} outside working hours, the latest at ${clock} (${t.workingHours.timeZone}).`,
    facts: { lookups: count, threshold: t.outsideHoursLookups, localMinutes: minutes },
  };
}

/** Longest run of distinct numbers where each follows the previous by at most `maxStep`. */
export function longestWalk(numbers: readonly number[], maxStep: number): number {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  let best = sorted.length ? 1 : 0;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] - sorted[i - 1] <= maxStep ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** Address lookups in one postcode going through neighbouring house numbers (hits and misses alike). */
export function addressWalk(trace: readonly TraceEntry[], t: BrowsingThresholds): Finding | null {
  if (t.walkNumbers <= 0 || trace.length === 0) return null;
  const newest = trace[trace.length - 1];
  if (newest.street === undefined) return null;
  const numbers = recent(trace, t.walkWindowSeconds)
    .filter((e) => e.street === newest.street && e.houseNumber !== undefined)
    .map((e) => e.houseNumber as number);
  const walk = longestWalk(numbers, t.walkMaxStep);
  if (walk < t.walkNumbers) return null;
  return {
    rule: 'address-walk',
    summary: `${walk} neighbouring house numbers in one postcode looked up within ${Math.round(t.walkWindowSeconds / 60)} minutes (threshold ${t.walkNumbers}).`,
    facts: { houseNumbers: walk, threshold: t.walkNumbers, windowSeconds: t.walkWindowSeconds },
  };
}

/** Every rule the newest lookup completes, most telling first. */
export function findBrowsing(trace: readonly TraceEntry[], t: BrowsingThresholds): Finding[] {
  return [addressWalk(trace, t), missesInARow(trace, t), burst(trace, t), outsideHours(trace, t)].filter((f): f is Finding => f !== null);
}
