/**
 * An incident's breach-register facts (GDPR Art. 33) and the rules that keep them consistent.
 * Pure functions: the service stores what `applyFactsChange` returns and audits its `changed` list.
 */
export const INCIDENT_ROLES = ['controller', 'processor'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachNature = (typeof BREACH_NATURES)[number];

export const RISK_LEVELS = ['unlikely', 'risk', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const DEFAULT_CONTROLLER_DEADLINE_HOURS = 48;

export interface IncidentFacts {
  role: IncidentRole;
  /** Null: the same as discoveredAt. */
  awareAt: Date | null;
  controllerName: string | null;
  controllerEmail: string | null;
  controllerDeadlineHours: number;
  nature: BreachNature[] | null;
  riskLevel: RiskLevel | null;
  riskReasoning: string | null;
  subjectsMin: number | null;
  subjectsMax: number | null;
  consequences: string | null;
  measuresBefore: string | null;
}

/** A change as it arrives over HTTP (already type-checked by the DTO); `null` clears a value. */
export interface IncidentFactsInput {
  role?: IncidentRole;
  awareAt?: string | null;
  controller?: { name: string; email: string } | null;
  controllerDeadlineHours?: number;
  nature?: BreachNature[] | null;
  riskLevel?: RiskLevel | null;
  riskReasoning?: string | null;
  subjectsMin?: number | null;
  subjectsMax?: number | null;
  consequences?: string | null;
  measuresBefore?: string | null;
}

export const NO_FACTS: IncidentFacts = {
  role: 'controller',
  awareAt: null,
  controllerName: null,
  controllerEmail: null,
  controllerDeadlineHours: DEFAULT_CONTROLLER_DEADLINE_HOURS,
  nature: null,
  riskLevel: null,
  riskReasoning: null,
  subjectsMin: null,
  subjectsMax: null,
  consequences: null,
  measuresBefore: null,
};

/** A change that breaks a rule; its message says what to do. */
export class FactsError extends Error {
  constructor(
    message: string,
    /** `locked`: the change is well-formed but no longer allowed (409), else invalid (400). */
    readonly kind: 'invalid' | 'locked' = 'invalid',
  ) {
    super(message);
  }
}

function text(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/**
 * The facts after `input`, which fields changed, or a FactsError. `awareAtLocked`: a deadline that
 * runs from awareAt has been met, so moving it would rewrite when that deadline fell due.
 */
export function applyFactsChange(
  current: IncidentFacts,
  input: IncidentFactsInput,
  context: { discoveredAt: Date; now: Date; awareAtLocked: boolean },
): { facts: IncidentFacts; changed: (keyof IncidentFacts)[] } {
  const next: IncidentFacts = { ...current };
  if (input.role !== undefined) next.role = input.role;
  if (input.awareAt !== undefined) {
    const at = input.awareAt === null ? null : new Date(input.awareAt);
    if (at && Number.isNaN(at.getTime())) throw new FactsError('awareAt must be an ISO-8601 date and time, e.g. 2026-11-20T09:30:00Z.');
    if (at && at.getTime() > context.now.getTime() + 60_000) throw new FactsError('awareAt lies in the future; give the moment the organisation became aware of the breach.');
    next.awareAt = at;
  }
  if (input.controller !== undefined) {
    next.controllerName = text(input.controller?.name);
    next.controllerEmail = text(input.controller?.email);
  }
  if (input.controllerDeadlineHours !== undefined) next.controllerDeadlineHours = input.controllerDeadlineHours;
  if (input.nature !== undefined) next.nature = input.nature === null || input.nature.length === 0 ? null : [...new Set(input.nature)].sort();
  if (input.riskLevel !== undefined) next.riskLevel = input.riskLevel;
  if (input.riskReasoning !== undefined) next.riskReasoning = text(input.riskReasoning);
  if (input.subjectsMin !== undefined) next.subjectsMin = input.subjectsMin;
  if (input.subjectsMax !== undefined) next.subjectsMax = input.subjectsMax;
  if (input.consequences !== undefined) next.consequences = text(input.consequences);
  if (input.measuresBefore !== undefined) next.measuresBefore = text(input.measuresBefore);

  if (next.role === 'processor' && (!next.controllerName || !next.controllerEmail)) {
    throw new FactsError('A processor incident needs the controller to notify: controller: {name, email} (the client whose data this is).');
  }
  if (next.riskLevel === 'unlikely' && !next.riskReasoning) {
    throw new FactsError('riskLevel "unlikely" means the authority is not notified; record why in riskReasoning (Art. 33(5) asks for the reasoning).');
  }
  if (next.subjectsMin !== null && next.subjectsMax !== null && next.subjectsMin > next.subjectsMax) {
    throw new FactsError(`subjectsMin (${next.subjectsMin}) is larger than subjectsMax (${next.subjectsMax}); give the lowest and the highest estimate of the people involved.`);
  }
  const effectiveAware = (f: IncidentFacts) => (f.awareAt ?? context.discoveredAt).getTime();
  if (context.awareAtLocked && effectiveAware(next) !== effectiveAware(current)) {
    throw new FactsError('awareAt cannot move any more: a deadline counted from it has already been met. Record a correction as a supplement to the notification instead.', 'locked');
  }
  const changed = (Object.keys(next) as (keyof IncidentFacts)[]).filter((k) => !sameValue(current[k], next[k]));
  return { facts: next, changed };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.join(',') === b.join(',');
  return a === b;
}
