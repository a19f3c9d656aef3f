import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PostalLettersService } from '../../postal/postal-letters.service';
import { PrintBatchesService } from '../../postal/print-batches.service';
import type { StaffMember } from '../../staff/staff-member.entity';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { formatNumber } from '../layout/i18n';
import { pageContext, redirectTo, sendFragment, sendPage } from '../layout/render';
import { PostedCheckPage, PrintProgress, ReturnedCheckPage, ReturnedPage, ReturnRow } from './postal.pages';
import { MAX_REFERENCES, parseReferences, returnProblems } from './returned-form';
import { POSTAL } from './texts';

const text = (body: Record<string, unknown> | undefined) => (typeof body?.references === 'string' ? body.references.slice(0, 20_000) : '');

/**
 * Printed letters in the browser: batch progress, the files (audited downloads), Mark as posted,
 * and returned letters. Roles as the postal API has them; `Make print batch` is on the campaign page.
 */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
export class ConsolePostalController {
  constructor(
    private readonly batches: PrintBatchesService,
    private readonly letters: PostalLettersService,
  ) {}

  @Get('campaigns/:id/print-batches/progress')
  @ConsolePage('comms', 'admin')
  async progress(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    sendFragment(res, <PrintProgress lang={pageContext(req).lang} batches={await this.batches.forCampaign(id)} />);
  }

  /** The files hold names and addresses: only comms, each download audited by the service, never cached. */
  @Get('print-batches/:id/files/:file')
  @ConsolePage('comms')
  async file(@Param('id', ParseIntPipe) id: number, @Param('file') name: string, @Res({ passthrough: true }) res: Response, @CurrentStaff() staff: StaffMember): Promise<StreamableFile> {
    const f = await this.batches.file(id, name, staff);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(f.stream, { type: f.type, disposition: `attachment; filename="${f.name}"` });
  }

  @Get('print-batches/:id/posted')
  @ConsolePage('comms')
  async postedCheck(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    const ctx = pageContext(req);
    sendPage(res, ctx, <PostedCheckPage ctx={ctx} batch={await this.batches.view(id)} />);
  }

  @Post('print-batches/:id/posted')
  @HttpCode(200)
  @ConsolePage('comms')
  async posted(@Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    const batch = await this.batches.posted(id, staff);
    redirectTo(res, `/console/campaigns/${batch.campaignId}#batch-${id}`);
  }

  @Get('postal/returned')
  @ConsolePage('comms', 'hotline')
  returnedForm(@Req() req: Request, @Res() res: Response, @Query('recorded') recorded?: string): void {
    const ctx = pageContext(req);
    const n = /^\d{1,4}$/.test(recorded ?? '') ? Number(recorded) : undefined;
    sendPage(res, ctx, <ReturnedPage ctx={ctx} value="" errors={{}} recorded={n} />);
  }

  /** Back from the check page with what was typed. */
  @Post('postal/returned/change')
  @HttpCode(200)
  @ConsolePage('comms', 'hotline')
  change(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): void {
    const ctx = pageContext(req);
    sendPage(res, ctx, <ReturnedPage ctx={ctx} value={text(body)} errors={{}} />);
  }

  @Post('postal/returned/check')
  @HttpCode(200)
  @ConsolePage('comms', 'hotline')
  async check(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const ctx = pageContext(req);
    const value = text(body);
    const rows = await this.resolve(req, res, value);
    if (rows) sendPage(res, ctx, <ReturnedCheckPage ctx={ctx} value={value} rows={rows} />);
  }

  @Post('postal/returned')
  @HttpCode(200)
  @ConsolePage('comms', 'hotline')
  async record(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>, @CurrentStaff() staff: StaffMember): Promise<void> {
    // Checked again: the check page may be old, or the form sent by hand.
    const rows = await this.resolve(req, res, text(body));
    if (!rows) return;
    for (const r of rows) await this.batches.returned(r.letter.letterId, staff);
    redirectTo(res, `/console/postal/returned?recorded=${rows.length}`);
  }

  /** The typed lines as letters, or the form again with what is wrong (and what was typed). */
  private async resolve(req: Request, res: Response, value: string): Promise<ReturnRow[] | null> {
    const ctx = pageContext(req);
    const t = POSTAL[ctx.lang];
    const parsed = parseReferences(value);
    const problems: string[] = [];
    if (parsed.refs.length === 0 && parsed.invalid.length === 0) problems.push(t.noReferences);
    if (parsed.tooMany) problems.push(t.tooMany(formatNumber(MAX_REFERENCES, ctx.lang)));
    if (parsed.invalid.length) problems.push(t.invalidLines(parsed.invalid));
    const found = parsed.tooMany ? [] : await this.letters.lookUp(parsed.refs.map((r) => r.ref));
    if (!parsed.tooMany) {
      const wrong = returnProblems(parsed.refs, found);
      const unknown = wrong.filter((p) => p.problem === 'unknown').map((p) => p.line);
      const notPrinted = wrong.filter((p) => p.problem === 'notPrinted').map((p) => p.line);
      if (unknown.length) problems.push(t.unknownLines(unknown));
      if (notPrinted.length) problems.push(t.notPrintedLines(notPrinted));
    }
    if (problems.length) {
      sendPage(res, ctx, <ReturnedPage ctx={ctx} value={value} errors={{ references: problems.join('. ') }} />);
      return null;
    }
    return parsed.refs.map((r, i) => ({ text: r.text, letter: found[i]! }));
  }
}
