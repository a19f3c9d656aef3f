import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CustomersService } from '../customers/customers.service';
import { Tier } from '../customers/tiers';
import type { ContactCounts } from '../hotline/contact-counts';
import { ContactsService } from '../hotline/contacts.service';
import { Incident } from './incident.entity';
import { applyFactsChange, BreachNature, FactsError, IncidentFacts, IncidentFactsInput, IncidentRole, NO_FACTS, RiskLevel } from './incident-facts';
import { closeBlocker, IncidentStatus, purgeAtFor, WorkInProgress } from './retention-rules';
import { readWorkInProgress } from './work-in-progress';

export interface IncidentInput extends IncidentFactsInput {
  title: string;
  company: string;
  hotlinePhone: string;
  hotlineEmail: string;
  discoveredAt: string;
  senderEmail?: string;
  description?: string;
  measuresTaken?: string;
  descriptionEn?: string;
  measuresTakenEn?: string;
  trackOpens?: boolean;
}

export interface IncidentView {
  id: number;
  title: string;
  company: string;
  senderEmail: string;
  hotlinePhone: string;
  hotlineEmail: string;
  discoveredAt: string;
  description: string;
  measuresTaken: string;
  descriptionEn: string | null;
  measuresTakenEn: string | null;
  trackOpens: boolean;
  createdAt: string;
  /** Breach-register facts; awareAt is the effective one (discoveredAt unless set). */
  role: IncidentRole;
  awareAt: string;
  controller: { name: string; email: string } | null;
  controllerDeadlineHours: number;
  nature: BreachNature[];
  riskLevel: RiskLevel | null;
  riskReasoning: string | null;
  subjectsMin: number | null;
  subjectsMax: number | null;
  consequences: string | null;
  measuresBefore: string | null;
  /** Dutch practice: processor → controller within 48 h; controller → Autoriteit Persoonsgegevens within 72 h. */
  deadlines: { notifyController: string; notifyAuthority: string };
  customers: Record<Tier, number> & { total: number };
  /** Hotline contacts: by outcome and tier, and how many customers reported a fraud attempt or being defrauded. */
  contacts: ContactCounts;
  /** Retention: `open`, `closed` (purge at purgeAt) or `purged` (the customers' personal data is gone). */
  status: IncidentStatus;
  closedAt: string | null;
  /** When the customers' personal data is (or was) removed; null while open. */
  purgeAt: string | null;
  purgedAt: string | null;
}

export interface ClosedIncident {
  id: number;
  status: Exclude<IncidentStatus, 'open'>;
  closedAt: string;
  purgeAt: string;
}

export type IncidentListItem = Pick<IncidentView, 'id' | 'title' | 'company' | 'discoveredAt' | 'createdAt' | 'status' | 'purgeAt'>;

// Letters default to Dutch; the English defaults are used for customers whose language is `en`.
const DEFAULT_DESCRIPTION = 'Iemand die voor ons werkte, had toegang tot klantgegevens en heeft die gebruikt zonder geldige reden.';
const DEFAULT_MEASURES = 'We hebben die toegang stopgezet, het datalek gemeld bij de Autoriteit Persoonsgegevens en we waarschuwen iedere betrokken klant.';
const DEFAULT_DESCRIPTION_EN = 'Someone who worked for us had access to customer records and used that access without a valid reason.';
const DEFAULT_MEASURES_EN = 'We stopped that access, reported the breach to the Autoriteit Persoonsgegevens and are warning every customer involved.';

@Injectable()
export class IncidentsService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly customers: CustomersService,
    private readonly audit: AuditService,
    private readonly contacts: ContactsService,
  ) {}

  async create(input: IncidentInput, actor: Actor): Promise<IncidentView> {
    const discoveredAt = new Date(input.discoveredAt);
    if (Number.isNaN(discoveredAt.getTime())) throw new BadRequestException('discoveredAt must be an ISO-8601 date and time, e.g. 2026-11-20T09:30:00Z.');
    if (discoveredAt.getTime() > Date.now() + 60_000) throw new BadRequestException('discoveredAt lies in the future; give the moment the breach was discovered.');
    const { facts } = factsOrHttpError(() => applyFactsChange(NO_FACTS, input, { discoveredAt, now: new Date(), awareAtLocked: false }));
    const saved = await this.incidents.save(
      this.incidents.create({
        title: input.title.trim(),
        company: input.company.trim(),
        senderEmail: (input.senderEmail ?? input.hotlineEmail).trim(),
        hotlinePhone: input.hotlinePhone.trim(),
        hotlineEmail: input.hotlineEmail.trim(),
        discoveredAt,
        description: input.description?.trim() || DEFAULT_DESCRIPTION,
        measuresTaken: input.measuresTaken?.trim() || DEFAULT_MEASURES,
        descriptionEn: input.descriptionEn?.trim() || (input.description?.trim() ? null : DEFAULT_DESCRIPTION_EN),
        measuresTakenEn: input.measuresTakenEn?.trim() || (input.measuresTaken?.trim() ? null : DEFAULT_MEASURES_EN),
        trackOpens: input.trackOpens ?? false,
        createdBy: typeof actor === 'object' ? actor.id : null,
        ...facts,
      }),
    );
    await this.audit.record(actor, 'incident.create', `incident:${saved.id}`);
    return this.view(saved);
  }

  /** The incident, or a 404 that says which id was not found. */
  async get(id: number): Promise<Incident> {
    const incident = await this.incidents.findOne({ where: { id } });
    if (!incident) throw new NotFoundException(`Incident ${id} does not exist.`);
    return incident;
  }

  /** Newest first, for the console's list (facts only; counts are on each incident's page). */
  async list(): Promise<IncidentListItem[]> {
    const rows = await this.incidents.find({ order: { id: 'DESC' }, take: 500 });
    return rows.map((i) => ({
      id: i.id,
      title: i.title,
      company: i.company,
      discoveredAt: i.discoveredAt.toISOString(),
      createdAt: i.createdAt.toISOString(),
      status: i.status,
      purgeAt: iso(i.purgeAt),
    }));
  }

  /**
   * Closes the incident (admin): its customers' personal data is purged RETENTION_DAYS later.
   * Closing twice answers the first close. 409 while something still moves (closeBlocker).
   *
   * Concurrency: the incident row is locked for update first. Approving and starting a campaign
   * and making a print batch read it with a shared lock inside their own transaction
   * (IncidentStateService), so either they commit first and are seen by the plain reads that
   * follow here (their snapshot is taken after the lock), or they wait and then see `closed`.
   * Nothing here waits for a campaign's lock while holding the incident's, so the two cannot
   * deadlock. An import queued in the same instant fails when it runs (ImportsService.run).
   */
  async close(id: number, actor: Actor): Promise<ClosedIncident> {
    return this.incidents.manager.transaction(async (tx) => {
      const [row]: Pick<Incident, 'status' | 'closedAt' | 'purgeAt'>[] = await tx.query('SELECT status, closedAt, purgeAt FROM incidents WHERE id = ? FOR UPDATE', [id]);
      if (!row) throw new NotFoundException(`Incident ${id} does not exist.`);
      if (row.status !== 'open') return view(row.status, row.closedAt!, row.purgeAt!);
      const work = await readWorkInProgress(tx, id);
      const blocker = closeBlocker(id, work);
      if (blocker) throw new ConflictException(blocker);
      const closedAt = new Date();
      const purgeAt = purgeAtFor(closedAt, this.config.retentionDays);
      await tx.query("UPDATE incidents SET status = 'closed', closedAt = ?, closedBy = ?, purgeAt = ? WHERE id = ?", [closedAt, typeof actor === 'object' ? actor.id : null, purgeAt, id]);
      await this.audit.record(actor, 'incident.close', `incident:${id}`, { purgeAt: purgeAt.toISOString(), retentionDays: this.config.retentionDays }, tx);
      return view('closed', closedAt, purgeAt);
    });

    function view(status: IncidentStatus, closedAt: Date, purgeAt: Date): ClosedIncident {
      return { id, status: status as ClosedIncident['status'], closedAt: new Date(closedAt).toISOString(), purgeAt: new Date(purgeAt).toISOString() };
    }
  }

  /** What closing now would mean, for the console's check step: when the purge would run and what still stops it. */
  async closeCheck(id: number): Promise<{ retentionDays: number; purgeAtIfClosedNow: string; work: WorkInProgress }> {
    await this.get(id);
    return {
      retentionDays: this.config.retentionDays,
      purgeAtIfClosedNow: purgeAtFor(new Date(), this.config.retentionDays).toISOString(),
      work: await readWorkInProgress(this.incidents.manager, id),
    };
  }

  async getView(id: number): Promise<IncidentView> {
    return this.view(await this.get(id));
  }

  /** Every incident, oldest first (the breach register has a row for each). */
  all(): Promise<Incident[]> {
    return this.incidents.find({ order: { id: 'ASC' } });
  }

  /**
   * Changes the breach-register facts and audits which fields changed (never their values).
   * `awareAtLocked` comes from the register: true once a deadline counted from awareAt was met.
   */
  async updateFacts(id: number, input: IncidentFactsInput, actor: Actor, awareAtLocked: boolean): Promise<IncidentView> {
    const incident = await this.get(id);
    const { facts, changed } = factsOrHttpError(() => applyFactsChange(factsOf(incident), input, { discoveredAt: incident.discoveredAt, now: new Date(), awareAtLocked }));
    if (changed.length > 0) {
      await this.incidents.update({ id }, Object.fromEntries(changed.map((k) => [k, facts[k]])));
      await this.audit.record(actor, 'incident.update', `incident:${id}`, { fields: changed });
    }
    return this.getView(id);
  }

  private async view(i: Incident): Promise<IncidentView> {
    const [counts, contacts] = await Promise.all([this.customers.countByTier(i.id), this.contacts.countsForIncident(i.id)]);
    const hours = (h: number) => new Date((i.awareAt ?? i.discoveredAt).getTime() + h * 3600_000).toISOString();
    return {
      id: i.id,
      title: i.title,
      company: i.company,
      senderEmail: i.senderEmail,
      hotlinePhone: i.hotlinePhone,
      hotlineEmail: i.hotlineEmail,
      discoveredAt: i.discoveredAt.toISOString(),
      description: i.description,
      measuresTaken: i.measuresTaken,
      descriptionEn: i.descriptionEn,
      measuresTakenEn: i.measuresTakenEn,
      trackOpens: i.trackOpens,
      createdAt: i.createdAt.toISOString(),
      role: i.role,
      awareAt: (i.awareAt ?? i.discoveredAt).toISOString(),
      controller: i.controllerName && i.controllerEmail ? { name: i.controllerName, email: i.controllerEmail } : null,
      controllerDeadlineHours: i.controllerDeadlineHours,
      nature: i.nature ?? [],
      riskLevel: i.riskLevel,
      riskReasoning: i.riskReasoning,
      subjectsMin: i.subjectsMin,
      subjectsMax: i.subjectsMax,
      consequences: i.consequences,
      measuresBefore: i.measuresBefore,
      // Kept for existing callers; GET /api/incidents/:id/deadlines has the full picture with statuses.
      deadlines: { notifyController: hours(i.controllerDeadlineHours), notifyAuthority: hours(72) },
      customers: { ...counts, total: counts.photographed + counts.viewed + counts.searched },
      contacts,
      status: i.status,
      closedAt: iso(i.closedAt),
      purgeAt: iso(i.purgeAt),
      purgedAt: iso(i.purgedAt),
    };
  }
}

/** The breach-register facts of a stored incident. */
export function factsOf(i: Incident): IncidentFacts {
  return {
    role: i.role,
    awareAt: i.awareAt,
    controllerName: i.controllerName,
    controllerEmail: i.controllerEmail,
    controllerDeadlineHours: i.controllerDeadlineHours,
    nature: i.nature,
    riskLevel: i.riskLevel,
    riskReasoning: i.riskReasoning,
    subjectsMin: i.subjectsMin,
    subjectsMax: i.subjectsMax,
    consequences: i.consequences,
    measuresBefore: i.measuresBefore,
  };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

function factsOrHttpError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FactsError) throw err.kind === 'locked' ? new ConflictException(err.message) : new BadRequestException(err.message);
    throw err;
  }
}
