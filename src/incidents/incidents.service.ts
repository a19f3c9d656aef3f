import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, AuditService } from '../audit/audit.service';
import { CustomersService } from '../customers/customers.service';
import { Tier } from '../customers/tiers';
import type { ContactCounts } from '../hotline/contact-counts';
import { ContactsService } from '../hotline/contacts.service';
import { Incident } from './incident.entity';

export interface IncidentInput {
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
  /** Dutch practice: processor → controller within 48 h; controller → Autoriteit Persoonsgegevens within 72 h. */
  deadlines: { notifyController: string; notifyAuthority: string };
  customers: Record<Tier, number> & { total: number };
  /** Hotline contacts: by outcome and tier, and how many customers reported a fraud attempt or being defrauded. */
  contacts: ContactCounts;
}

// Letters default to Dutch; the English defaults are used for customers whose language is `en`.
const DEFAULT_DESCRIPTION = 'Iemand die voor ons werkte, had toegang tot klantgegevens en heeft die gebruikt zonder geldige reden.';
const DEFAULT_MEASURES = 'We hebben die toegang stopgezet, het datalek gemeld bij de Autoriteit Persoonsgegevens en we waarschuwen iedere betrokken klant.';
const DEFAULT_DESCRIPTION_EN = 'Someone who worked for us had access to customer records and used that access without a valid reason.';
const DEFAULT_MEASURES_EN = 'We stopped that access, reported the breach to the Autoriteit Persoonsgegevens and are warning every customer involved.';

@Injectable()
export class IncidentsService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    private readonly customers: CustomersService,
    private readonly audit: AuditService,
    private readonly contacts: ContactsService,
  ) {}

  async create(input: IncidentInput, actor: Actor): Promise<IncidentView> {
    const discoveredAt = new Date(input.discoveredAt);
    if (Number.isNaN(discoveredAt.getTime())) throw new BadRequestException('discoveredAt must be an ISO-8601 date and time, e.g. 2026-11-20T09:30:00Z.');
    if (discoveredAt.getTime() > Date.now() + 60_000) throw new BadRequestException('discoveredAt lies in the future; give the moment the breach was discovered.');
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
  async list(): Promise<Pick<IncidentView, 'id' | 'title' | 'company' | 'discoveredAt' | 'createdAt'>[]> {
    const rows = await this.incidents.find({ order: { id: 'DESC' }, take: 500 });
    return rows.map((i) => ({ id: i.id, title: i.title, company: i.company, discoveredAt: i.discoveredAt.toISOString(), createdAt: i.createdAt.toISOString() }));
  }

  async getView(id: number): Promise<IncidentView> {
    return this.view(await this.get(id));
  }

  private async view(i: Incident): Promise<IncidentView> {
    const [counts, contacts] = await Promise.all([this.customers.countByTier(i.id), this.contacts.countsForIncident(i.id)]);
    const hours = (h: number) => new Date(i.discoveredAt.getTime() + h * 3600_000).toISOString();
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
      deadlines: { notifyController: hours(48), notifyAuthority: hours(72) },
      customers: { ...counts, total: counts.photographed + counts.viewed + counts.searched },
      contacts,
    };
  }
}
