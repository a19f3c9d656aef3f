/**
 * The admin's Audit log and Lookups pages as plain functions: reading the filter from a query
 * string, the CSV export (formula-safe), and lookups per member per Amsterdam day.
 */
import type { AuditView } from '../../audit/audit.service';
import { csvRow } from '../../campaigns/postal-csv';

export interface AuditFilterForm {
  action: string;
  staff: string;
  from: string;
  to: string;
}

export type AuditFilterProblem = 'action' | 'staff' | 'date' | 'order';

const ACTION = /^[a-z][a-z-]*\.[a-z][a-zA-Z-]*$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day in Amsterdam as the UTC instant it starts (or the next day's start, for `to`). */
export function amsterdamDayStart(day: string, next = false): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3]) + (next ? 1 : 0)];
  const noonUtc = Date.UTC(y, mo - 1, d, 12);
  if (new Date(Date.UTC(y, mo - 1, Number(m[3]))).getUTCDate() !== Number(m[3])) return null;
  // Amsterdam is UTC+1 or +2; its midnight is the UTC instant whose Amsterdam date is `day` at 00:00.
  const offset = amsterdamOffsetHours(noonUtc);
  return new Date(Date.UTC(y, mo - 1, d) - offset * 3600_000);
}

function amsterdamOffsetHours(instant: number): number {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(new Date(instant)));
  return (hour - new Date(instant).getUTCHours() + 24) % 24;
}

/** The Amsterdam calendar day (YYYY-MM-DD) of an instant. */
export function amsterdamDay(instant: Date): string {
  return instant.toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
}

export function readAuditFilter(query: Record<string, unknown>): AuditFilterForm {
  const get = (k: string) => (typeof query[k] === 'string' ? (query[k]).trim() : '');
  return { action: get('action'), staff: get('staff'), from: get('from'), to: get('to') };
}

export function checkAuditFilter(f: AuditFilterForm): { problems: Partial<Record<keyof AuditFilterForm, AuditFilterProblem>>; filter: { action?: string; actorId?: number; from?: Date; to?: Date } } {
  const problems: Partial<Record<keyof AuditFilterForm, AuditFilterProblem>> = {};
  const filter: { action?: string; actorId?: number; from?: Date; to?: Date } = {};
  if (f.action) {
    if (ACTION.test(f.action)) filter.action = f.action;
    else problems.action = 'action';
  }
  if (f.staff) {
    if (/^[1-9][0-9]{0,9}$/.test(f.staff)) filter.actorId = Number(f.staff);
    else problems.staff = 'staff';
  }
  if (f.from) {
    const from = amsterdamDayStart(f.from);
    if (from) filter.from = from;
    else problems.from = 'date';
  }
  if (f.to) {
    const to = amsterdamDayStart(f.to, true);
    if (to) filter.to = to;
    else problems.to = 'date';
  }
  if (filter.from && filter.to && filter.from >= filter.to) problems.to = 'order';
  return { problems, filter };
}

/** The query string for these filters (page links, CSV link); never holds personal data. */
export function filterQuery(f: AuditFilterForm, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) params.set(k, v);
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** Detail facts safe to show and export: free text a member typed (a lookup's reason) stays out of the export. */
export function describeDetail(detail: Record<string, unknown> | null, withFreeText: boolean): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([k, v]) => v !== null && v !== undefined && (withFreeText || (k !== 'reason' && k !== 'notes')))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)}`)
    .join('; ');
}

export function auditCsv(events: AuditView[]): string {
  // csvRow puts an apostrophe before a cell a spreadsheet would run as a formula.
  return 'at,actor,action,subject,detail\r\n' + events.map((e) => csvRow([e.at, e.actor, e.action, e.subject, describeDetail(e.detail, false)])).join('');
}

export interface LookupsTable {
  days: string[];
  rows: { actorId: number | null; actor: string; perDay: number[]; total: number }[];
}

/** Hourly counts (UTC) into one row per member and one column per Amsterdam day, oldest day first. */
export function lookupsPerDay(hours: { actorId: number | null; actor: string; hour: string; count: number }[], days: number, now: Date): LookupsTable {
  const dayList: string[] = [];
  for (let i = days - 1; i >= 0; i--) dayList.push(amsterdamDay(new Date(now.getTime() - i * 86400_000)));
  const unique = [...new Set(dayList)];
  const rows = new Map<string, { actorId: number | null; actor: string; perDay: number[]; total: number }>();
  for (const h of hours) {
    const col = unique.indexOf(amsterdamDay(new Date(h.hour)));
    if (col < 0) continue;
    const key = String(h.actorId);
    const row = rows.get(key) ?? { actorId: h.actorId, actor: h.actor, perDay: unique.map(() => 0), total: 0 };
    row.perDay[col] += h.count;
    row.total += h.count;
    rows.set(key, row);
  }
  return { days: unique, rows: [...rows.values()].sort((a, b) => b.total - a.total || a.actor.localeCompare(b.actor)) };
}
