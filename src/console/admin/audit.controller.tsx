import { Body, ConflictException, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditService } from '../../audit/audit.service';
import { BrowsingAlertsService } from '../../hotline/browsing-alerts.service';
import type { StaffMember } from '../../staff/staff-member.entity';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { StaffService } from '../../staff/staff.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import type { FieldErrors } from '../layout/components';
import { pageContext, redirectTo, sendPage } from '../layout/render';
import { AlertsPage, AuditPage, LookupsPage } from './audit.pages';
import { auditCsv, checkAuditFilter, lookupsPerDay, readAuditFilter } from './audit-view';
import { ADMIN } from './texts';

const PAGE_SIZE = 50;
/** The export is for a report, not a backup: beyond this, narrow the filters. */
const CSV_MAX = 10000;

/** Admin: `Audit log` (filters, paging, CSV), `Lookups per staff member`, and the browsing alerts. */
@ApiExcludeController()
@Controller('console/admin')
@UseFilters(ConsoleExceptionFilter)
@ConsolePage('admin')
export class ConsoleAuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly staff: StaffService,
    private readonly alerts: BrowsingAlertsService,
  ) {}

  @Get('audit')
  async auditLog(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const ctx = pageContext(req);
    const t = ADMIN[ctx.lang];
    const form = readAuditFilter(query);
    const { problems, filter } = checkAuditFilter(form);
    const errors: FieldErrors = {};
    for (const [field, problem] of Object.entries(problems)) errors[field] = t.filterProblems[problem];
    const page = Math.max(1, Math.min(10000, Number(query.page) || 1));
    const [result, actions, staff] = await Promise.all([
      Object.keys(errors).length ? { events: [], more: false } : this.audit.search(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE),
      this.audit.actions(),
      this.staff.list(),
    ]);
    sendPage(res, ctx, <AuditPage ctx={ctx} form={form} errors={errors} events={result.events} page={page} more={result.more} actions={actions} staff={staff} />, Object.keys(errors).length ? 400 : 200);
  }

  @Get('audit.csv')
  async auditExport(@Res() res: Response, @Query() query: Record<string, unknown>, @CurrentStaff() admin: StaffMember): Promise<void> {
    const { problems, filter } = checkAuditFilter(readAuditFilter(query));
    if (Object.keys(problems).length) {
      res.status(400).type('text/plain').send(`The filter is not valid (${Object.keys(problems).join(', ')}); correct it on the Audit log page and download again.`);
      return;
    }
    const { events } = await this.audit.search(filter, 0, CSV_MAX);
    await this.audit.record(admin, 'audit.export', null, { events: events.length });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
    res.setHeader('Cache-Control', 'no-store');
    res.send(auditCsv(events));
  }

  @Get('lookups')
  async lookups(@Req() req: Request, @Res() res: Response, @Query('days') daysParam?: string): Promise<void> {
    const ctx = pageContext(req);
    const days = [1, 7, 14, 30].includes(Number(daysParam)) ? Number(daysParam) : 7;
    const now = new Date();
    const hours = await this.audit.countByActorPerHour('hotline.lookup', new Date(now.getTime() - (days + 1) * 86400_000));
    sendPage(res, ctx, <LookupsPage ctx={ctx} days={days} table={lookupsPerDay(hours, days, now)} />);
  }

  @Get('alerts')
  async alertList(@Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = pageContext(req);
    sendPage(res, ctx, <AlertsPage ctx={ctx} alerts={await this.alerts.list({})} errors={{}} />);
  }

  @Post('alerts/:id/resolve')
  @HttpCode(200)
  async resolve(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>, @CurrentStaff() admin: StaffMember): Promise<void> {
    const note = typeof body?.[`resolution-${id}`] === 'string' ? (body[`resolution-${id}`] as string) : '';
    const errors: FieldErrors = {};
    if (note.length > 1000) errors[`resolution-${id}`] = ADMIN[pageContext(req).lang].resolutionHint;
    else {
      try {
        await this.alerts.resolve(admin, id, note);
        return redirectTo(res, '/console/admin/alerts');
      } catch (err) {
        if (!(err instanceof ConflictException)) throw err;
        errors[`resolution-${id}`] = err.message;
      }
    }
    const ctx = pageContext(req);
    sendPage(res, ctx, <AlertsPage ctx={ctx} alerts={await this.alerts.list({})} errors={errors} />, 400);
  }
}
