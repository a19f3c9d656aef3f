import { BadRequestException, ConflictException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { createElement } from 'react';
import { ControllerNotification } from '../../emails/staff/controller-notification';
import { Actor, AuditService } from '../audit/audit.service';
import { IncidentsService } from '../incidents/incidents.service';
import { SendFailure } from '../mail/mail-transport';
import { buildAuthorityReport } from './authority-report';
import { AuthorityReportService } from './authority-report.service';
import { dueAt, needsDelayReason } from './deadline-rules';
import { deadlineFacts, DeadlinesService, DeadlineView } from './deadlines.service';
import { RegisterMailer } from './register-mailer.service';

export interface ControllerNotificationResult {
  status: 'sent';
  phase: 'initial' | 'supplement';
  submittedAt: string;
  messageId: string;
  deadline: DeadlineView | null;
}

/**
 * A processor tells its controller (GDPR Art. 33(2)) by e-mail, with what Art. 33(3) asks: the
 * nature of the breach with the categories and approximate numbers of people and records, a
 * contact point, the likely consequences and the measures. The first one meets the controller
 * deadline; later ones are supplements. A late one is still sent (telling late beats not telling)
 * and shows as late unless a reason for the delay is given.
 */
@Injectable()
export class ControllerNotificationService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly reports: AuthorityReportService,
    private readonly deadlines: DeadlinesService,
    private readonly mailer: RegisterMailer,
    private readonly audit: AuditService,
  ) {}

  async notify(incidentId: number, input: { note?: string; delayReason?: string }, actor: Actor): Promise<ControllerNotificationResult> {
    const incident = await this.incidents.get(incidentId);
    if (incident.role !== 'processor' || !incident.controllerEmail || !incident.controllerName) {
      throw new ConflictException(`Incident ${incidentId} is not a processor incident with a controller to notify; set role "processor" and controller {name, email} first.`);
    }
    const figures = await this.reports.figures(incidentId);
    const report = buildAuthorityReport(figures);
    const phase = figures.submissions.some((s) => s.recipient === 'controller') ? 'supplement' : 'initial';
    const now = new Date();
    const due = dueAt(deadlineFacts(incident), 'controller');
    const delayReason = input.delayReason?.trim() || null;
    if (phase === 'supplement' && !input.note?.trim()) throw new BadRequestException('The controller was already notified; a supplement needs a note saying what is new.');
    const props = {
      phase,
      processor: incident.company,
      controller: incident.controllerName,
      incidentId,
      awareAt: report.s2.awareAt,
      summary: report.s3.summary,
      nature: report.s3.nature.map((n) => n.label),
      categories: report.s4.categories.map((c) => ({ label: c.label, people: c.people })),
      peopleMin: report.s5.min,
      peopleMax: report.s5.max,
      records: report.s4.approximateRecords,
      consequences: report.s7.consequences,
      riskLevel: report.s7.riskLevel,
      measuresTaken: report.s8.measuresTaken,
      informed:
        report.s8.informedPeople > 0
          ? `We have informed ${report.s8.informedPeople} of the people involved so far (first letter ${report.s8.firstInformedAt}).`
          : 'The people involved have not been informed by us yet.',
      contact: { phone: incident.hotlinePhone, email: incident.hotlineEmail },
      note: input.note?.trim() || null,
    } as const;
    const subject = phase === 'initial' ? `Personal data breach notification from ${incident.company} (incident ${incidentId})` : `Update: personal data breach at ${incident.company} (incident ${incidentId})`;
    let messageId: string;
    try {
      ({ messageId } = await this.mailer.send(incident.controllerEmail, subject, createElement(ControllerNotification, props), { name: incident.company, address: incident.senderEmail }));
    } catch (err) {
      if (err instanceof SendFailure) throw new ServiceUnavailableException(`The e-mail to the controller could not be sent (${err.reason}); nothing was recorded. Try again, or notify the controller another way.`);
      throw err;
    }
    await this.deadlines.recordControllerNotification(incidentId, { submittedAt: now, reference: messageId, delayReason }, actor);
    await this.audit.record(actor, 'register.controller-notification', `incident:${incidentId}`, { phase, late: needsDelayReason(due, now) });
    const deadline = (await this.deadlines.view(incidentId)).find((d) => d.recipient === 'controller') ?? null;
    return { status: 'sent', phase, submittedAt: now.toISOString(), messageId, deadline };
  }
}
