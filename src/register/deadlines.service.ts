import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, AuditService } from '../audit/audit.service';
import { CampaignLettersService } from '../campaigns/campaign-letters.service';
import type { Incident } from '../incidents/incident.entity';
import { IncidentsService, IncidentView } from '../incidents/incidents.service';
import type { IncidentFactsInput } from '../incidents/incident-facts';
import { awareAtLocked, computeDeadlines, Deadline, DeadlineFacts, dueAt, needsDelayReason, SubmissionPhase } from './deadline-rules';
import { DeadlineSubmission } from './deadline-submission.entity';

export interface DeadlineView {
  recipient: Deadline['recipient'];
  dueAt: string | null;
  status: Deadline['status'];
  submittedAt: string | null;
  delayReason: string | null;
}

export interface SubmissionView {
  id: number;
  incidentId: number;
  recipient: 'authority' | 'controller';
  phase: SubmissionPhase;
  submittedAt: string;
  reference: string | null;
  delayReason: string | null;
}

export interface NotificationInput {
  phase: SubmissionPhase;
  submittedAt: string;
  reference: string;
  delayReason?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function deadlineFacts(i: Incident): DeadlineFacts {
  return { role: i.role, awareAt: i.awareAt ?? i.discoveredAt, controllerDeadlineHours: i.controllerDeadlineHours, riskLevel: i.riskLevel };
}

export function deadlineView(d: Deadline): DeadlineView {
  return { recipient: d.recipient, dueAt: iso(d.dueAt), status: d.status, submittedAt: iso(d.submittedAt), delayReason: d.delayReason };
}

export function submissionView(s: DeadlineSubmission): SubmissionView {
  return { id: s.id, incidentId: s.incidentId, recipient: s.recipient, phase: s.phase, submittedAt: s.submittedAt.toISOString(), reference: s.reference, delayReason: s.delayReason };
}

/** An incident's deadlines and the notifications recorded against them. */
@Injectable()
export class DeadlinesService {
  constructor(
    @InjectRepository(DeadlineSubmission) private readonly submissions: Repository<DeadlineSubmission>,
    private readonly incidents: IncidentsService,
    private readonly letters: CampaignLettersService,
    private readonly audit: AuditService,
  ) {}

  /** The deadlines as they stand at `now`, for an incident already loaded. */
  async forIncident(incident: Incident, now = new Date()): Promise<Deadline[]> {
    const [subs, firstSent] = await Promise.all([this.submissionsOf(incident.id), this.letters.firstSentAtForIncident(incident.id)]);
    return computeDeadlines(deadlineFacts(incident), subs, firstSent, now);
  }

  async view(incidentId: number): Promise<DeadlineView[]> {
    return (await this.forIncident(await this.incidents.get(incidentId))).map(deadlineView);
  }

  /**
   * Every incident with its deadlines, newest first: what the console's Breach register page lists
   * (a late deadline is shown in red there, as `status: 'late'` is here).
   */
  async overview(now = new Date()): Promise<{ id: number; title: string; role: Incident['role']; awareAt: string; deadlines: DeadlineView[]; late: boolean }[]> {
    const all = (await this.incidents.all()).reverse();
    return Promise.all(
      all.map(async (i) => {
        const deadlines = (await this.forIncident(i, now)).map(deadlineView);
        return { id: i.id, title: i.title, role: i.role, awareAt: (i.awareAt ?? i.discoveredAt).toISOString(), deadlines, late: deadlines.some((d) => d.status === 'late') };
      }),
    );
  }

  submissionsOf(incidentId: number): Promise<DeadlineSubmission[]> {
    return this.submissions.find({ where: { incidentId }, order: { submittedAt: 'ASC', id: 'ASC' } });
  }

  /** PATCH /api/incidents/:id: the facts change, with awareAt held in place once a deadline was met. */
  async updateFacts(incidentId: number, input: IncidentFactsInput, actor: Actor): Promise<IncidentView> {
    const incident = await this.incidents.get(incidentId);
    return this.incidents.updateFacts(incidentId, input, actor, awareAtLocked(await this.forIncident(incident)));
  }

  /** Records a notification made in the authority's own form (its phase, time and case reference). */
  async recordAuthorityNotification(incidentId: number, input: NotificationInput, actor: Actor): Promise<SubmissionView & { deadline: DeadlineView | null }> {
    const incident = await this.incidents.get(incidentId);
    const submittedAt = new Date(input.submittedAt);
    if (Number.isNaN(submittedAt.getTime())) throw new BadRequestException('submittedAt must be an ISO-8601 date and time, e.g. 2026-11-22T14:00:00Z.');
    if (submittedAt.getTime() > Date.now() + 60_000) throw new BadRequestException('submittedAt lies in the future; record a notification once it has been made.');
    const earlier = (await this.submissionsOf(incidentId)).filter((s) => s.recipient === 'authority');
    if (input.phase === 'initial' && earlier.some((s) => s.phase === 'initial')) {
      throw new ConflictException(`Incident ${incidentId} already has an initial notification to the authority; record this one as a supplement or a withdrawal.`);
    }
    if (input.phase !== 'initial' && earlier.length === 0) {
      throw new BadRequestException(`A ${input.phase} follows an initial notification; incident ${incidentId} has none recorded yet, so record this one with phase "initial".`);
    }
    const due = dueAt(deadlineFacts(incident), 'authority');
    const delayReason = input.delayReason?.trim() || null;
    // Only the first notification is bound by the 72 hours; supplements follow as facts become known (Art. 33(4)).
    if (earlier.length === 0 && needsDelayReason(due, submittedAt) && !delayReason) {
      throw new BadRequestException(
        `This notification was made at ${submittedAt.toISOString()}, after the deadline of ${due!.toISOString()} (72 hours from awareAt); record the reasons for the delay in delayReason (GDPR Art. 33(1)).`,
      );
    }
    const saved = await this.submissions.save(
      this.submissions.create({ incidentId, recipient: 'authority', phase: input.phase, submittedAt, reference: input.reference.trim(), delayReason, recordedBy: typeof actor === 'object' ? actor.id : null }),
    );
    await this.audit.record(actor, 'register.authority-notification', `incident:${incidentId}`, { phase: input.phase, late: needsDelayReason(due, submittedAt) });
    const deadline = (await this.forIncident(incident)).find((d) => d.recipient === 'authority');
    return { ...submissionView(saved), deadline: deadline ? deadlineView(deadline) : null };
  }

  /** Records that the controller was told (the e-mail went out); the first one is the initial notification. */
  async recordControllerNotification(incidentId: number, input: { submittedAt: Date; reference: string; delayReason: string | null }, actor: Actor): Promise<DeadlineSubmission> {
    const earlier = (await this.submissionsOf(incidentId)).filter((s) => s.recipient === 'controller');
    return this.submissions.save(
      this.submissions.create({
        incidentId,
        recipient: 'controller',
        phase: earlier.length === 0 ? 'initial' : 'supplement',
        submittedAt: input.submittedAt,
        reference: input.reference,
        delayReason: input.delayReason,
        recordedBy: typeof actor === 'object' ? actor.id : null,
      }),
    );
  }
}
