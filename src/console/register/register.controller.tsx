import { Controller, Get, Param, ParseIntPipe, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { authorityReportText } from '../../register/authority-report';
import { AuthorityReportService } from '../../register/authority-report.service';
import { DeadlinesService } from '../../register/deadlines.service';
import { RegisterExportService } from '../../register/register-export.service';
import type { StaffMember } from '../../staff/staff-member.entity';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { pageContext, sendPage } from '../layout/render';
import { AuthorityReportPage, RegisterPage } from './register.pages';

/** Admin: `Breach register` (every incident's deadlines, late in red), the authority report draft as text, the register CSV. */
@ApiExcludeController()
@Controller('console/admin')
@UseFilters(ConsoleExceptionFilter)
@ConsolePage('admin')
export class ConsoleRegisterController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly reports: AuthorityReportService,
    private readonly register: RegisterExportService,
  ) {}

  @Get('register')
  async overview(@Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = pageContext(req);
    sendPage(res, ctx, <RegisterPage ctx={ctx} rows={await this.deadlines.overview()} />);
  }

  @Get('register/:id/authority-report')
  async authorityReport(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    const ctx = pageContext(req);
    const report = await this.reports.report(id);
    const title = (await this.deadlines.overview()).find((r) => r.id === id)?.title ?? `#${id}`;
    sendPage(res, ctx, <AuthorityReportPage ctx={ctx} title={title} text={authorityReportText(report)} />);
  }

  @Get('register.csv')
  async csv(@Res() res: Response, @CurrentStaff() admin: StaffMember): Promise<void> {
    const body = await this.register.csv(admin);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="breach-register.csv"');
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }
}
