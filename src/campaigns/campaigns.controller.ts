import { Body, Controller, Get, Header, Headers, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { CampaignPreviewService } from './campaign-preview.service';
import { CampaignPlan, CampaignsService, CampaignView, CreatedCampaign } from './campaigns.service';
import { CreateCampaignDto, ResolveLetterDto } from './campaigns.dto';
import { MailEventsResult, MailEventsService } from './mail-events.service';
import type { CampaignStatus } from './campaign.entity';
import type { LetterState } from './letter.entity';

@ApiTags('campaigns')
@Controller('api')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly previews: CampaignPreviewService,
  ) {}

  @Post('incidents/:id/campaigns')
  @HttpCode(201)
  @StaffOnly('comms')
  create(@Param('id', ParseIntPipe) incidentId: number, @Body() body: CreateCampaignDto, @CurrentStaff() staff: StaffMember): Promise<CreatedCampaign> {
    return this.campaigns.create(incidentId, body, staff);
  }

  /** What creating this campaign would give (recipients, already warned, upgraded), without creating it. */
  @Post('incidents/:id/campaign-plans')
  @HttpCode(200)
  @StaffOnly('comms')
  plan(@Param('id', ParseIntPipe) incidentId: number, @Body() body: CreateCampaignDto): Promise<CampaignPlan> {
    return this.campaigns.plan(incidentId, body);
  }

  @Get('campaigns/:id')
  @StaffOnly('comms', 'admin')
  get(@Param('id', ParseIntPipe) id: number): Promise<CampaignView> {
    return this.campaigns.view(id);
  }

  /** The letter this customer gets in this campaign, exactly as it will be sent (placeholder link token). */
  @Get('campaigns/:id/customers/:customerNumber/letter')
  @StaffOnly('comms')
  @ApiProduces('text/html')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  async customerLetter(@Param('id', ParseIntPipe) id: number, @Param('customerNumber') customerNumber: string, @CurrentStaff() staff: StaffMember, @Res({ passthrough: true }) res: Response): Promise<string> {
    const html = await this.previews.forCustomer(id, customerNumber, staff);
    res.type('text/html; charset=utf-8');
    return html;
  }

  /** One letter of the campaign (a follow-up first, if there is one), optionally for a customer of that language: to read an update before approving it. */
  @Get('campaigns/:id/sample-letter')
  @StaffOnly('comms')
  @ApiProduces('text/html')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  async sampleLetter(@Param('id', ParseIntPipe) id: number, @Query('language') language: string | undefined, @CurrentStaff() staff: StaffMember, @Res({ passthrough: true }) res: Response): Promise<string> {
    const html = await this.previews.sample(id, language, staff);
    res.type('text/html; charset=utf-8');
    return html;
  }

  @Post('campaigns/:id/approve')
  @HttpCode(200)
  @StaffOnly('comms')
  approve(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<{ status: 'approved' }> {
    return this.campaigns.approve(id, staff);
  }

  @Post('campaigns/:id/start')
  @HttpCode(202)
  @StaffOnly('comms')
  start(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<{ status: 'sending' }> {
    return this.campaigns.start(id, staff);
  }

  @Post('campaigns/:id/pause')
  @HttpCode(200)
  @StaffOnly('comms')
  pause(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<{ status: CampaignStatus }> {
    return this.campaigns.pause(id, staff);
  }

  @Post('campaigns/:id/resume')
  @HttpCode(200)
  @StaffOnly('comms')
  resume(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<{ status: CampaignStatus }> {
    return this.campaigns.resume(id, staff);
  }

  /** CSV for the print house: name, address and letter id of every letter that must go by post. */
  @Get('campaigns/:id/postal')
  @StaffOnly('comms')
  async postal(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<StreamableFile> {
    const lines = this.campaigns.postalCsv(id, staff);
    // Pull the header first so a 404 is still a proper error answer, not a broken download.
    const first = await lines.next();
    const stream = Readable.from((async function* () {
      if (!first.done) yield first.value;
      yield* lines;
    })());
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="campaign-${id}-postal.csv"` });
  }

  @Post('letters/:id/resolve')
  @HttpCode(200)
  @StaffOnly('admin', 'comms')
  resolve(@Param('id', ParseIntPipe) id: number, @Body() body: ResolveLetterDto, @CurrentStaff() staff: StaffMember): Promise<{ id: string; state: LetterState }> {
    return this.campaigns.resolveLetter(String(id), body.outcome, staff);
  }
}

/** For the mail provider: no staff token, an HMAC signature instead. */
@ApiTags('webhooks')
@Controller('api/webhooks')
export class MailEventsController {
  constructor(private readonly events: MailEventsService) {}

  @Post('mail-events')
  @HttpCode(200)
  receive(@Req() req: RawBodyRequest<Request>, @Headers('x-signature') signature: string | undefined, @Body() body: unknown): Promise<MailEventsResult> {
    return this.events.receive(req.rawBody, signature, body);
  }
}
