import { BadRequestException, Body, Controller, Get, HttpCode, HttpException, Param, ParseIntPipe, Post, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { CampaignTripwire } from '../../campaigns/campaign-tripwire.service';
import { CampaignsService } from '../../campaigns/campaigns.service';
import { CustomersService } from '../../customers/customers.service';
import { isTier, Tier } from '../../customers/tiers';
import { IncidentsService } from '../../incidents/incidents.service';
import { LettersService } from '../../letters/letters.service';
import { PostalLettersService } from '../../postal/postal-letters.service';
import { PrintBatchesService } from '../../postal/print-batches.service';
import type { StaffMember } from '../../staff/staff-member.entity';
import { StaffService } from '../../staff/staff.service';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { pageContext, redirectTo, sendFragment, sendPage } from '../layout/render';
import { CampaignPage, CampaignStatus, NewCampaignPage } from './campaigns.pages';
import type { Printing } from '../postal/postal.pages';
import { POSTAL } from '../postal/texts';
import { CAMPAIGNS } from './texts';

/** The e-mails listed under "Letters that need a person"; beyond that the page says how many more. */
const NEEDS_PERSON_SHOWN = 50;

type Verb = 'approve' | 'start' | 'pause' | 'resume';

/** Campaigns in the browser: create, approve (another member), start, pause, resume, watch. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
export class ConsoleCampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly incidents: IncidentsService,
    private readonly customers: CustomersService,
    private readonly letters: LettersService,
    private readonly staff: StaffService,
    private readonly tripwire: CampaignTripwire,
    private readonly printBatches: PrintBatchesService,
    private readonly postalLetters: PostalLettersService,
  ) {}

  @Get('incidents/:id/campaigns/new')
  @ConsolePage('comms')
  async newForm(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.renderNew(req, res, id, [], {});
  }

  @Post('incidents/:id/campaigns')
  @HttpCode(200)
  @ConsolePage('comms')
  async create(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>, @CurrentStaff() staff: StaffMember): Promise<void> {
    const raw = body?.tiers;
    const tiers = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(isTier);
    const t = CAMPAIGNS[pageContext(req).lang];
    if (tiers.length === 0) return this.renderNew(req, res, id, [], { tiers: t.noTier });
    try {
      const created = await this.campaigns.create(id, tiers, staff);
      redirectTo(res, `/console/campaigns/${created.id}`);
    } catch (err) {
      // "Nobody to send to" and the like: said next to the tiers.
      if (!(err instanceof BadRequestException)) throw err;
      await this.renderNew(req, res, id, tiers, { tiers: err.message });
    }
  }

  @Get('campaigns/:id')
  @ConsolePage('comms', 'admin')
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    await this.renderCampaign(req, res, id, staff, {});
  }

  @Get('campaigns/:id/status')
  @ConsolePage('comms', 'admin')
  async status(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    sendFragment(res, <CampaignStatus lang={pageContext(req).lang} campaign={await this.campaigns.view(id)} />);
  }

  @Post('campaigns/:id/approve')
  @HttpCode(200)
  @ConsolePage('comms')
  approve(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    return this.act(req, res, id, 'approve', staff);
  }

  @Post('campaigns/:id/start')
  @HttpCode(200)
  @ConsolePage('comms')
  start(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    return this.act(req, res, id, 'start', staff);
  }

  @Post('campaigns/:id/pause')
  @HttpCode(200)
  @ConsolePage('comms')
  pause(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    return this.act(req, res, id, 'pause', staff);
  }

  @Post('campaigns/:id/resume')
  @HttpCode(200)
  @ConsolePage('comms')
  resume(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    return this.act(req, res, id, 'resume', staff);
  }

  /** `Make print batch (N letters)`: every waiting letter into one batch; refusals are said in the Printed letters section. */
  @Post('campaigns/:id/print-batches')
  @HttpCode(200)
  @ConsolePage('comms')
  async makePrintBatch(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    try {
      const batch = await this.printBatches.create(id, staff);
      redirectTo(res, `/console/campaigns/${id}#batch-${batch.id}`);
    } catch (err) {
      // Not started yet, or nothing left to print (another click, another member): said on the page, in its language.
      if (!(err instanceof HttpException) || err.getStatus() !== 409) throw err;
      const t = POSTAL[pageContext(req).lang];
      const { status } = await this.campaigns.view(id);
      await this.renderCampaign(req, res, id, staff, { printBatch: status === 'draft' || status === 'approved' ? t.notStartedError : t.nothingLeft });
    }
  }

  @Get('campaigns/:id/postal.csv')
  @ConsolePage('comms')
  async postal(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<StreamableFile> {
    const lines = this.campaigns.postalCsv(id, staff);
    const first = await lines.next();
    const stream = Readable.from(
      (async function* () {
        if (!first.done) yield first.value;
        yield* lines;
      })(),
    );
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="campaign-${id}-postal.csv"` });
  }

  private async act(req: Request, res: Response, id: number, verb: Verb, staff: StaffMember): Promise<void> {
    try {
      await this.campaigns[verb](id, staff);
      redirectTo(res, `/console/campaigns/${id}`);
    } catch (err) {
      // Refused (not approved yet, the creator approving, changed meanwhile): said on the page.
      if (!(err instanceof HttpException) || err.getStatus() >= 500 || err.getStatus() === 404) throw err;
      await this.renderCampaign(req, res, id, staff, { actions: err.message });
    }
  }

  private async renderNew(req: Request, res: Response, incidentId: number, checked: Tier[], errors: Record<string, string>): Promise<void> {
    const ctx = pageContext(req);
    const [incident, counts] = await Promise.all([this.incidents.get(incidentId), this.customers.countChannelsByTier(incidentId)]);
    sendPage(res, ctx, <NewCampaignPage ctx={ctx} incident={incident} counts={counts} checked={checked} errors={errors} />);
  }

  private async renderCampaign(req: Request, res: Response, id: number, staff: StaffMember, errors: Record<string, string>): Promise<void> {
    const ctx = pageContext(req);
    const campaign = await this.campaigns.view(id);
    const [incident, names, tripwire, printing] = await Promise.all([
      this.incidents.get(campaign.incidentId),
      this.staff.namesByIds(campaign.approvedBy ? [campaign.approvedBy] : []),
      campaign.status === 'draft' || campaign.status === 'approved' ? undefined : this.tripwire.check(),
      this.printing(id),
    ]);
    sendPage(
      res,
      ctx,
      <CampaignPage
        ctx={ctx}
        campaign={campaign}
        incident={incident}
        templateVersion={this.letters.templateVersion()}
        approverName={campaign.approvedBy ? (names.get(campaign.approvedBy) ?? null) : null}
        viewer={{ id: staff.id, role: staff.role }}
        errors={errors}
        tripwire={tripwire}
        printing={printing}
      />,
    );
  }

  private async printing(id: number): Promise<Printing> {
    const [awaiting, batches, needsPerson] = await Promise.all([this.postalLetters.awaiting(id), this.printBatches.forCampaign(id), this.postalLetters.needingPerson(id, NEEDS_PERSON_SHOWN)]);
    return { awaiting, batches, needsPerson };
  }
}
