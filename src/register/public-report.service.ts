import { Injectable } from '@nestjs/common';
import { BreachReportsService } from './breach-reports.service';
import { ReportLimiter } from './report-limiter';
import { EMPTY_VALUES, readReportForm } from './report-page/breach-report-form';
import { renderRefused, renderReportForm, renderThanks, ReportPage } from './report-page/report-pages';
import type { ReportLanguage } from './report-page/texts';

const REFERENCE = /^MR-[2-9A-HJKMNP-Z]{8}$/;

/** The public form's flow: check the limit, then the fields, then store; pages are pure renders. */
@Injectable()
export class PublicReportService {
  constructor(
    private readonly reports: BreachReportsService,
    private readonly limiter: ReportLimiter,
  ) {}

  form(language: ReportLanguage): ReportPage {
    return renderReportForm(language, EMPTY_VALUES);
  }

  async submit(body: unknown, ip: string, language: ReportLanguage): Promise<(ReportPage & { retryAfterSeconds?: number }) | { redirect: string }> {
    const checked = readReportForm(body, language);
    if (!checked.ok) return renderReportForm(language, checked.values, checked.errors);
    // Counted only for reports that would be stored: a person correcting a typo is not held back.
    const verdict = await this.limiter.take(ip);
    if (!verdict.allowed) return { ...renderRefused(language, 'limited', verdict.retryAfterSeconds), retryAfterSeconds: verdict.retryAfterSeconds };
    const reference = await this.reports.receive(checked.values, language);
    return { redirect: `/report/received?lang=${language}&ref=${reference}` };
  }

  /** The thank-you page; a malformed reference (typed into the address bar) gets the form instead. */
  thanks(language: ReportLanguage, ref: unknown): ReportPage {
    return typeof ref === 'string' && REFERENCE.test(ref) ? renderThanks(language, ref) : this.form(language);
  }
}
