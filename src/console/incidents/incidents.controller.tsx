import { BadRequestException, Body, Controller, ConflictException, Get, HttpCode, Param, ParseIntPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CampaignsService } from '../../campaigns/campaigns.service';
import { IncidentsService } from '../../incidents/incidents.service';
import type { StaffMember } from '../../staff/staff-member.entity';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { pageContext, redirectTo, sendPage } from '../layout/render';
import { checkIncidentForm, INCIDENT_FIELDS, readIncidentForm } from './incident-form';
import { IncidentPage, IncidentsListPage, NewIncidentPage } from './incidents.pages';
import { CloseIncidentPage } from './retention.pages';
import { INCIDENTS } from './texts';

@ApiExcludeController()
@Controller('console/incidents')
@UseFilters(ConsoleExceptionFilter)
export class ConsoleIncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly campaigns: CampaignsService,
  ) {}

  @Get()
  @ConsolePage('comms', 'admin')
  async list(@Req() req: Request, @Res() res: Response, @CurrentStaff() staff: StaffMember): Promise<void> {
    const ctx = pageContext(req);
    sendPage(res, ctx, <IncidentsListPage ctx={ctx} incidents={await this.incidents.list()} canCreate={staff.role === 'comms' || staff.role === 'admin'} />);
  }

  @Get('new')
  @ConsolePage('comms', 'admin')
  newForm(@Req() req: Request, @Res() res: Response): void {
    const ctx = pageContext(req);
    sendPage(res, ctx, <NewIncidentPage ctx={ctx} errors={{}} />);
  }

  @Post()
  @HttpCode(200)
  @ConsolePage('comms', 'admin')
  async create(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>, @CurrentStaff() staff: StaffMember): Promise<void> {
    const ctx = pageContext(req);
    const t = INCIDENTS[ctx.lang];
    const form = readIncidentForm(body ?? {});
    const { problems, discoveredAtIso } = checkIncidentForm(form, new Date());
    const errors: Record<string, string> = {};
    // In the order of the form, so the summary reads top to bottom like the page.
    for (const field of INCIDENT_FIELDS) if (problems[field]) errors[field] = t.problems[field][problems[field]];
    if (Object.keys(errors).length === 0) {
      try {
        const created = await this.incidents.create({ ...form, discoveredAt: discoveredAtIso! }, staff);
        return redirectTo(res, `/console/incidents/${created.id}`);
      } catch (err) {
        if (!(err instanceof BadRequestException)) throw err;
        errors.discoveredAt = err.message;
      }
    }
    sendPage(res, ctx, <NewIncidentPage ctx={ctx} form={form} errors={errors} />);
  }

  @Get(':id')
  @ConsolePage('comms', 'admin')
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    const ctx = pageContext(req);
    const [incident, campaigns] = await Promise.all([this.incidents.getView(id), this.campaigns.listForIncident(id)]);
    sendPage(res, ctx, <IncidentPage ctx={ctx} incident={incident} campaigns={campaigns} isComms={staff.role === 'comms'} isAdmin={staff.role === 'admin'} />);
  }

  /** The check step before closing (admins): what will be removed and when, or what must happen first. */
  @Get(':id/close')
  @ConsolePage('admin')
  async closeCheck(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    const ctx = pageContext(req);
    const incident = await this.incidents.getView(id);
    if (incident.status !== 'open') return redirectTo(res, `/console/incidents/${id}`);
    const check = await this.incidents.closeCheck(id);
    sendPage(res, ctx, <CloseIncidentPage ctx={ctx} incident={incident} retentionDays={check.retentionDays} purgeAt={check.purgeAtIfClosedNow} work={check.work} />);
  }

  @Post(':id/close')
  @ConsolePage('admin')
  async close(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    try {
      await this.incidents.close(id, staff);
    } catch (err) {
      // Something started moving since the check page was shown: show it again, with what stops it now.
      if (!(err instanceof ConflictException)) throw err;
      return this.closeCheck(req, res, id);
    }
    redirectTo(res, `/console/incidents/${id}`);
  }
}
