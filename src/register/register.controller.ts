import { Body, Controller, Get, Header, HttpCode, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IncidentFactsDto } from '../incidents/incident-facts.dto';
import type { IncidentView } from '../incidents/incidents.service';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { AuthorityReport, authorityReportText } from './authority-report';
import { AuthorityReportService } from './authority-report.service';
import { ControllerNotificationResult, ControllerNotificationService } from './controller-notification.service';
import { DeadlinesService, DeadlineView, SubmissionView } from './deadlines.service';
import { AuthorityNotificationDto, ControllerNotificationDto, ReportFormatQuery } from './register.dto';
import { RegisterExportService } from './register-export.service';

/** An incident's register facts, deadlines, authority report draft and notifications. */
@ApiTags('breach register')
@Controller('api/incidents/:id')
export class IncidentRegisterController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly reports: AuthorityReportService,
    private readonly controllerNotifications: ControllerNotificationService,
  ) {}

  /** Lives here, not in the incidents module: whether awareAt may still move depends on the deadlines. */
  @Patch()
  @StaffOnly('comms', 'admin')
  updateFacts(@Param('id', ParseIntPipe) id: number, @Body() body: IncidentFactsDto, @CurrentStaff() staff: StaffMember): Promise<IncidentView> {
    return this.deadlines.updateFacts(id, body, staff);
  }

  @Get('deadlines')
  @StaffOnly('comms', 'admin')
  list(@Param('id', ParseIntPipe) id: number): Promise<DeadlineView[]> {
    return this.deadlines.view(id);
  }

  @Get('authority-report')
  @StaffOnly('comms', 'admin')
  @ApiProduces('application/json', 'text/plain')
  async authorityReport(@Param('id', ParseIntPipe) id: number, @Query() q: ReportFormatQuery, @Res({ passthrough: true }) res: Response): Promise<AuthorityReport | string> {
    const report = await this.reports.report(id);
    if (q.format !== 'text') return report;
    res.type('text/plain; charset=utf-8');
    return authorityReportText(report);
  }

  @Post('authority-notifications')
  @HttpCode(201)
  @StaffOnly('admin')
  notifyAuthority(@Param('id', ParseIntPipe) id: number, @Body() body: AuthorityNotificationDto, @CurrentStaff() staff: StaffMember): Promise<SubmissionView> {
    return this.deadlines.recordAuthorityNotification(id, body, staff);
  }

  @Post('controller-notification')
  @HttpCode(202)
  @StaffOnly('admin')
  notifyController(@Param('id', ParseIntPipe) id: number, @Body() body: ControllerNotificationDto, @CurrentStaff() staff: StaffMember): Promise<ControllerNotificationResult> {
    return this.controllerNotifications.notify(id, body, staff);
  }
}

/** The Art. 33(5) register of every incident, as CSV. */
@ApiTags('breach register')
@Controller('api/register')
export class RegisterController {
  constructor(private readonly register: RegisterExportService) {}

  @Get()
  @StaffOnly('admin')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="breach-register.csv"')
  async csv(@CurrentStaff() staff: StaffMember): Promise<string> {
    return this.register.csv(staff);
  }
}
