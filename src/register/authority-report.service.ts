import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CampaignLettersService } from '../campaigns/campaign-letters.service';
import { CustomersService } from '../customers/customers.service';
import { IncidentsService } from '../incidents/incidents.service';
import { AuthorityReport, buildAuthorityReport, PostedFigures, ReportFigures } from './authority-report';
import { DeadlinesService, submissionView } from './deadlines.service';
import { POSTED_LETTERS, PostedLetters } from './posted-letters';

/** Gathers the product's own figures for the authority report draft and the register. */
@Injectable()
export class AuthorityReportService {
  private readonly logger = new Logger('register');

  constructor(
    private readonly incidents: IncidentsService,
    private readonly customers: CustomersService,
    private readonly letters: CampaignLettersService,
    private readonly deadlines: DeadlinesService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async figures(incidentId: number, now = new Date()): Promise<ReportFigures> {
    const incident = await this.incidents.get(incidentId);
    const [view, categories, letters, posted, deadlines, submissions] = await Promise.all([
      this.incidents.getView(incidentId),
      this.customers.countByCategory(incidentId),
      this.letters.figuresForIncident(incidentId),
      this.posted(incidentId),
      this.deadlines.forIncident(incident, now),
      this.deadlines.submissionsOf(incidentId),
    ]);
    return { incident: view, categories, letters, posted, deadlines, submissions: submissions.map(submissionView), generatedAt: now };
  }

  async report(incidentId: number): Promise<AuthorityReport> {
    return buildAuthorityReport(await this.figures(incidentId));
  }

  private async posted(incidentId: number): Promise<PostedFigures | null> {
    let source: PostedLetters;
    try {
      source = this.moduleRef.get<PostedLetters>(POSTED_LETTERS, { strict: false });
    } catch {
      return null;
    }
    try {
      return await source.postedForIncident(incidentId);
    } catch (err) {
      this.logger.warn({ msg: 'posted letters could not be counted', incidentId, code: (err as { code?: string }).code });
      return null;
    }
  }
}
