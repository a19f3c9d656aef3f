import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { IncidentView } from '../incidents/incidents.service';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { BreachReportsService, BreachReportView } from './breach-reports.service';
import { BreachReportIncidentDto, BreachReportsQuery, RejectBreachReportDto } from './breach-reports.dto';
import { PublicReportService } from './public-report.service';
import { REPORT_PAGE_HEADERS, ReportPage } from './report-page/report-pages';
import { reportLanguage } from './report-page/texts';

/** The public form at /report: anyone, no account, no cookies, no JavaScript. */
@ApiTags('breach reports')
@Controller('report')
export class PublicReportController {
  constructor(private readonly reports: PublicReportService) {}

  @Get()
  @ApiExcludeEndpoint()
  form(@Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response): void {
    send(res, this.reports.form(reportLanguage(lang, req.headers['accept-language'])));
  }

  @Post()
  @ApiExcludeEndpoint()
  async submit(@Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const language = reportLanguage(lang, req.headers['accept-language']);
    const result = await this.reports.submit(req.body, req.ip ?? req.socket.remoteAddress ?? 'unknown', language);
    // Post/redirect/get: reloading the thank-you page must not send the report again.
    if ('redirect' in result) res.redirect(303, result.redirect);
    else send(res, result);
  }

  @Get('received')
  @ApiExcludeEndpoint()
  received(@Query('lang') lang: unknown, @Query('ref') ref: unknown, @Req() req: Request, @Res() res: Response): void {
    send(res, this.reports.thanks(reportLanguage(lang, req.headers['accept-language']), ref));
  }
}

/** Admins read the reports and decide: reject with a reason, or make an incident of it. */
@ApiTags('breach reports')
@Controller('api/breach-reports')
export class BreachReportsController {
  constructor(private readonly reports: BreachReportsService) {}

  @Get()
  @StaffOnly('admin')
  list(@Query() q: BreachReportsQuery, @CurrentStaff() staff: StaffMember): Promise<BreachReportView[]> {
    return this.reports.list(staff, q.status);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @StaffOnly('admin')
  reject(@Param('id', ParseIntPipe) id: number, @Body() body: RejectBreachReportDto, @CurrentStaff() staff: StaffMember): Promise<BreachReportView> {
    return this.reports.reject(id, body.reason, staff);
  }

  @Post(':id/incident')
  @HttpCode(201)
  @StaffOnly('admin')
  toIncident(@Param('id', ParseIntPipe) id: number, @Body() body: BreachReportIncidentDto, @CurrentStaff() staff: StaffMember): Promise<{ report: BreachReportView; incident: IncidentView }> {
    return this.reports.toIncident(id, body, staff);
  }
}

function send(res: Response, page: ReportPage & { retryAfterSeconds?: number }): void {
  const headers: Record<string, string> = { ...REPORT_PAGE_HEADERS, 'Content-Length': String(Buffer.byteLength(page.body)) };
  if (page.retryAfterSeconds) headers['Retry-After'] = String(page.retryAfterSeconds);
  res.writeHead(page.status, headers);
  res.end(page.body);
}
