import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseIntPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { isTier } from '../../customers/tiers';
import { IncidentsService } from '../../incidents/incidents.service';
import { LetterPreviewService } from '../../letters/letter-preview.service';
import { LettersService, PREVIEW_TOKEN } from '../../letters/letters.service';
import type { StaffMember } from '../../staff/staff-member.entity';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleStore } from '../console-store';
import { TIER_TEXTS } from '../layout/domain-texts';
import { pageContext, sendPage } from '../layout/render';
import { LetterFramePage, PreviewFormPage } from './letters.pages';
import { sampleCustomer } from './sample-customer';
import { LETTERS } from './texts';

const FRAME_SECONDS = 600;
/**
 * The framed letter's own policy: its inline styles and nothing else (no scripts, no requests), in
 * a sandbox, and only inside our own pages.
 */
const FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

interface Frame {
  html: string;
  staffId: number;
}

/** Letter previews: a customer's letter exactly as sent (looked up by POST, audited), and samples per tier and language. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@ConsolePage('comms')
export class ConsoleLettersController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly preview: LetterPreviewService,
    private readonly letters: LettersService,
    private readonly store: ConsoleStore,
  ) {}

  @Get('incidents/:id/preview')
  async form(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    const ctx = pageContext(req);
    sendPage(res, ctx, <PreviewFormPage ctx={ctx} incident={await this.incidents.get(id)} errors={{}} />);
  }

  @Post('incidents/:id/preview')
  @HttpCode(200)
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>, @CurrentStaff() staff: StaffMember): Promise<void> {
    const ctx = pageContext(req);
    const t = LETTERS[ctx.lang];
    const incident = await this.incidents.get(id);
    const customerNumber = typeof body?.customerNumber === 'string' ? body.customerNumber.trim() : '';
    if (!customerNumber) return sendPage(res, ctx, <PreviewFormPage ctx={ctx} incident={incident} errors={{ customerNumber: t.missing }} />);
    let html: string;
    try {
      html = await this.preview.previewHtml(id, customerNumber, staff);
    } catch (err) {
      if (!(err instanceof NotFoundException)) throw err;
      return sendPage(res, ctx, <PreviewFormPage ctx={ctx} incident={incident} customerNumber={customerNumber} errors={{ customerNumber: t.notFound }} />);
    }
    const frame = await this.frame(html, staff);
    sendPage(res, ctx, <LetterFramePage ctx={ctx} incidentId={id} title={t.resultTitle} intro={t.resultIntro} frameSrc={frame} />);
  }

  @Get('incidents/:id/samples/:tier/:lang')
  async sample(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @Param('tier') tier: string, @Param('lang') lang: string, @CurrentStaff() staff: StaffMember): Promise<void> {
    if (!isTier(tier) || (lang !== 'nl' && lang !== 'en')) throw new NotFoundException('There is no such sample letter.');
    const ctx = pageContext(req);
    const t = LETTERS[ctx.lang];
    const incident = await this.incidents.get(id);
    const letter = this.letters.render(incident, sampleCustomer(id, tier, lang), { token: PREVIEW_TOKEN, sendDate: new Date() });
    const frame = await this.frame(letter.html, staff);
    sendPage(res, ctx, <LetterFramePage ctx={ctx} incidentId={id} title={t.sampleTitle(TIER_TEXTS[ctx.lang][tier].label, t.languages[lang])} intro={t.sampleIntro} frameSrc={frame} />);
  }

  /** The letter itself, for the iframe: only for the member who asked for it, for a few minutes. */
  @Get('frames/:key')
  async frameContent(@Res() res: Response, @Param('key') key: string, @CurrentStaff() staff: StaffMember): Promise<void> {
    const frame = /^[A-Za-z0-9_-]{22}$/.test(key) ? await this.store.get<Frame>('letter-frame', key) : null;
    if (!frame || frame.staffId !== staff.id) throw new NotFoundException('This preview has expired; open it again.');
    res.setHeader('Content-Security-Policy', FRAME_CSP);
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(frame.html);
  }

  private async frame(html: string, staff: StaffMember): Promise<string> {
    const key = randomBytes(16).toString('base64url');
    await this.store.put('letter-frame', key, { html, staffId: staff.id } satisfies Frame, FRAME_SECONDS);
    return `/console/frames/${key}`;
  }
}
