/**
 * The New incident form, checked before the service is called so every problem can be shown next
 * to its field (the service checks again: it is the API's rule too). Pure functions.
 */
export interface IncidentForm {
  title: string;
  company: string;
  hotlinePhone: string;
  hotlineEmail: string;
  discoveredAt: string;
}

export type IncidentFormProblem = 'required' | 'too-long' | 'phone' | 'email' | 'date' | 'future';

export const INCIDENT_FIELDS: (keyof IncidentForm)[] = ['title', 'company', 'hotlinePhone', 'hotlineEmail', 'discoveredAt'];

export function readIncidentForm(body: Record<string, unknown>): IncidentForm {
  const get = (k: string) => (typeof body[k] === 'string' ? (body[k]).trim() : '');
  return { title: get('title'), company: get('company'), hotlinePhone: get('hotlinePhone'), hotlineEmail: get('hotlineEmail'), discoveredAt: get('discoveredAt') };
}

/** Problems by field, and the discovery moment as ISO-8601 (UTC) when it could be read. */
export function checkIncidentForm(form: IncidentForm, now: Date): { problems: Partial<Record<keyof IncidentForm, IncidentFormProblem>>; discoveredAtIso?: string } {
  const problems: Partial<Record<keyof IncidentForm, IncidentFormProblem>> = {};
  for (const k of INCIDENT_FIELDS) if (!form[k]) problems[k] = 'required';
  if (form.title.length > 200) problems.title = 'too-long';
  if (form.company.length > 200) problems.company = 'too-long';
  if (form.hotlinePhone && !/^\+?[0-9][0-9 ()-]{5,30}$/.test(form.hotlinePhone)) problems.hotlinePhone = 'phone';
  if (form.hotlineEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.hotlineEmail)) problems.hotlineEmail = 'email';
  let discoveredAtIso: string | undefined;
  if (form.discoveredAt) {
    const at = parseDiscoveredAt(form.discoveredAt);
    if (!at) problems.discoveredAt = 'date';
    else if (at.getTime() > now.getTime() + 60_000) problems.discoveredAt = 'future';
    else discoveredAtIso = at.toISOString();
  }
  return { problems, discoveredAtIso };
}

/**
 * A date and time as people type it: `2026-11-20 09:30`, `20-11-2026 09:30`, or ISO-8601 with a
 * zone (`2026-11-20T09:30:00Z`). Without a zone it is Dutch time (Europe/Amsterdam).
 */
export function parseDiscoveredAt(text: string): Date | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})\s+(\d{1,2})[:.](\d{2})$/.exec(s);
  let parts: [number, number, number, number, number, number];
  let zone: string | undefined;
  if (iso) {
    parts = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    zone = iso[7];
  } else if (dutch) {
    parts = [Number(dutch[3]), Number(dutch[2]), Number(dutch[1]), Number(dutch[4]), Number(dutch[5]), 0];
  } else return null;
  const [y, mo, d, h, mi, sec] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (new Date(asUtc).getUTCDate() !== d) return null;
  if (zone) {
    if (zone.toUpperCase() === 'Z') return new Date(asUtc);
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const offset = (Number(m[2]) * 60 + Number(m[3])) * (m[1] === '+' ? 1 : -1);
    return new Date(asUtc - offset * 60_000);
  }
  return new Date(asUtc - amsterdamOffsetMinutes(asUtc) * 60_000);
}

/** Europe/Amsterdam's offset from UTC (60 or 120 minutes) around a wall-clock time read as UTC. */
function amsterdamOffsetMinutes(wallAsUtc: number): number {
  const offsetAt = (instant: number) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .formatToParts(new Date(instant))
        .map((x) => [x.type, x.value]),
    );
    return (Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - instant) / 60_000;
  };
  const first = offsetAt(wallAsUtc);
  return offsetAt(wallAsUtc - first * 60_000);
}
