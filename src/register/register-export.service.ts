import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '../audit/audit.service';
import { IncidentsService } from '../incidents/incidents.service';
import { buildAuthorityReport } from './authority-report';
import { AuthorityReportService } from './authority-report.service';
import { deadlineView } from './deadlines.service';
import { registerHeader, registerRow } from './register-csv';

/** The register export: one CSV row per incident, from the same figures as the authority report. */
@Injectable()
export class RegisterExportService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly reports: AuthorityReportService,
    private readonly audit: AuditService,
  ) {}

  async csv(actor: Actor): Promise<string> {
    const lines = [registerHeader()];
    const all = await this.incidents.all();
    for (const incident of all) {
      const figures = await this.reports.figures(incident.id);
      lines.push(registerRow({ report: buildAuthorityReport(figures), title: incident.title, deadlines: figures.deadlines.map(deadlineView) }));
    }
    await this.audit.record(actor, 'register.export', null, { incidents: all.length });
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }
}
