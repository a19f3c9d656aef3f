import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { createElement } from 'react';
import { Repository } from 'typeorm';
import { BreachReportReceived } from '../../emails/staff/breach-report-received';
import { Actor, AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { IncidentsService, IncidentView } from '../incidents/incidents.service';
import { BreachReport, BreachReportStatus } from './breach-report.entity';
import { RegisterMailer } from './register-mailer.service';
import type { ReportValues } from './report-page/breach-report-form';
import type { ReportLanguage } from './report-page/texts';

export interface BreachReportView {
  id: number;
  reference: string;
  receivedAt: string;
  status: BreachReportStatus;
  whatHappened: string;
  noticedAt: string;
  organisation: string | null;
  reporterName: string;
  reporterEmail: string | null;
  reporterPhone: string | null;
  language: ReportLanguage;
  rejectReason: string | null;
  incidentId: number | null;
  decidedAt: string | null;
}

/** The incident made from a report; what the report does not say comes from the request or the latest incident. */
export interface ReportIncidentInput {
  title?: string;
  company?: string;
  hotlinePhone?: string;
  hotlineEmail?: string;
  awareAt?: string;
  discoveredAt?: string;
}

// No 0/O or 1/I/L: the reference is read aloud on the phone.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newReference(): string {
  return `MR-${Array.from({ length: 8 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')}`;
}

/** Suspected breaches reported through the public form, and what the admins decide about them. */
@Injectable()
export class BreachReportsService {
  constructor(
    @InjectRepository(BreachReport) private readonly reports: Repository<BreachReport>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly incidents: IncidentsService,
    private readonly mailer: RegisterMailer,
    private readonly audit: AuditService,
  ) {}

  /** Stores a checked report and tells the admins (without a word of its content); returns its reference. */
  async receive(values: ReportValues, language: ReportLanguage): Promise<string> {
    const receivedAt = new Date();
    const saved = await this.reports.save(
      this.reports.create({
        reference: newReference(),
        whatHappened: values.whatHappened,
        noticedAt: values.noticedAt,
        organisation: values.organisation || null,
        reporterName: values.name,
        reporterEmail: values.email || null,
        reporterPhone: values.phone || null,
        language,
        status: 'new',
        receivedAt,
      }),
    );
    await this.audit.record('customer', 'register.breach-report', `breach-report:${saved.id}`);
    await this.mailer.toAdmins(
      `New breach report ${saved.reference}`,
      createElement(BreachReportReceived, { reference: saved.reference, receivedAt: receivedAt.toISOString(), reportsUrl: `${this.config.publicBaseUrl}/api/breach-reports` }),
    );
    return saved.reference;
  }

  /** Newest first; reading them is audited, since they hold the reporters' contact details. */
  async list(actor: Actor, status?: BreachReportStatus): Promise<BreachReportView[]> {
    const rows = await this.reports.find({ where: status ? { status } : {}, order: { id: 'DESC' }, take: 500 });
    await this.audit.record(actor, 'register.breach-reports-read', null, { count: rows.length, status: status ?? 'all' });
    return rows.map(view);
  }

  async reject(id: number, reason: string, actor: Actor & { id: number }): Promise<BreachReportView> {
    const report = await this.undecided(id);
    const trimmed = reason.trim();
    if (!trimmed) throw new BadRequestException('Give the reason for rejecting this report (it is kept in the register).');
    await this.reports.update({ id: report.id, status: 'new' }, { status: 'rejected', rejectReason: trimmed, decidedBy: actor.id, decidedAt: new Date() });
    await this.audit.record(actor, 'register.breach-report-reject', `breach-report:${id}`);
    return view(await this.reports.findOneByOrFail({ id }));
  }

  /** Turns the report into an incident whose awareAt (and discoveredAt) default to when the report came in. */
  async toIncident(id: number, input: ReportIncidentInput, actor: Actor & { id: number }): Promise<{ report: BreachReportView; incident: IncidentView }> {
    const report = await this.undecided(id);
    const latest = (await this.incidents.all()).at(-1);
    const hotlinePhone = input.hotlinePhone ?? latest?.hotlinePhone;
    const hotlineEmail = input.hotlineEmail ?? latest?.hotlineEmail;
    if (!hotlinePhone || !hotlineEmail) {
      throw new BadRequestException('There is no earlier incident to take the hotline from; give hotlinePhone and hotlineEmail for the letters of this incident.');
    }
    const received = report.receivedAt.toISOString();
    const incident = await this.incidents.create(
      {
        title: input.title ?? `Breach report ${report.reference}`,
        company: input.company ?? latest?.company ?? report.organisation ?? 'Unknown organisation',
        hotlinePhone,
        hotlineEmail,
        discoveredAt: input.discoveredAt ?? received,
        awareAt: input.awareAt ?? received,
      },
      actor,
    );
    const res = await this.reports.update({ id: report.id, status: 'new' }, { status: 'incident', incidentId: incident.id, decidedBy: actor.id, decidedAt: new Date() });
    if (res.affected !== 1) throw new ConflictException(`Breach report ${id} was decided by someone else at the same time; incident ${incident.id} was created and may need to be checked.`);
    await this.audit.record(actor, 'register.breach-report-incident', `breach-report:${id}`, { incidentId: incident.id });
    return { report: view(await this.reports.findOneByOrFail({ id })), incident };
  }

  private async undecided(id: number): Promise<BreachReport> {
    const report = await this.reports.findOneBy({ id });
    if (!report) throw new NotFoundException(`Breach report ${id} does not exist.`);
    if (report.status !== 'new') throw new ConflictException(`Breach report ${id} was already decided (${report.status === 'rejected' ? 'rejected' : `incident ${report.incidentId}`}).`);
    return report;
  }
}

function view(r: BreachReport): BreachReportView {
  return {
    id: r.id,
    reference: r.reference,
    receivedAt: r.receivedAt.toISOString(),
    status: r.status,
    whatHappened: r.whatHappened,
    noticedAt: r.noticedAt,
    organisation: r.organisation,
    reporterName: r.reporterName,
    reporterEmail: r.reporterEmail,
    reporterPhone: r.reporterPhone,
    language: r.language,
    rejectReason: r.rejectReason,
    incidentId: r.incidentId,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
  };
}
