import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Req, Res, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { copyFileSync, existsSync, unlinkSync } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { isTier, Tier } from '../../customers/tiers';
import { IncidentsService } from '../../incidents/incidents.service';
import type { ImportSummary } from '../../imports/imports.dto';
import { ImportsService } from '../../imports/imports.service';
import { CHECKED_UPLOAD_SECONDS } from '../../imports/upload-files.service';
import { CsvUploadInterceptor } from '../../imports/upload.interceptor';
import type { StaffMember } from '../../staff/staff-member.entity';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleStore } from '../console-store';
import { pageContext, redirectTo, sendFragment, sendPage } from '../layout/render';
import { CheckPage, ImportDonePage, ImportFailedPage, ImportProgress, ImportRunningPage, Problem, UploadPage } from './imports.pages';
import { IMPORTS } from './texts';

const SHOWN_PROBLEMS = 200;

interface StagedUpload {
  path: string;
  size: number;
  tier: Tier;
  incidentId: number;
}

/**
 * Upload → check (a dry-run import of a copy of the file) → import of the kept original, without
 * uploading again. The imports themselves are ImportsService's, exactly as the API runs them.
 */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@ConsolePage('comms')
export class ConsoleImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly incidents: IncidentsService,
    private readonly store: ConsoleStore,
  ) {}

  @Get('incidents/:id/upload')
  async uploadForm(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    const ctx = pageContext(req);
    sendPage(res, ctx, <UploadPage ctx={ctx} incident={await this.incidents.get(id)} errors={{}} />);
  }

  @Post('incidents/:id/upload')
  @HttpCode(200)
  @UseInterceptors(CsvUploadInterceptor)
  async upload(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseIntPipe) id: number,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: Record<string, unknown>,
    @CurrentStaff() staff: StaffMember,
  ): Promise<void> {
    const ctx = pageContext(req);
    const t = IMPORTS[ctx.lang];
    const incident = await this.incidents.get(id);
    const tier = body?.tier;
    const errors: Record<string, string> = {};
    if (!isTier(tier)) errors.tier = t.noTier;
    // An empty file input still arrives as a part, with no name and no bytes.
    if (!file || !file.originalname || file.size === 0) errors.file = t.noFile;
    if (Object.keys(errors).length || !file || !isTier(tier)) {
      if (file) removeQuietly(file.path);
      return sendPage(res, ctx, <UploadPage ctx={ctx} incident={incident} tier={typeof tier === 'string' ? tier : undefined} errors={errors} />);
    }
    // The check consumes (and deletes) a copy; the original waits for the import step.
    const copy = `${file.path}.check`;
    copyFileSync(file.path, copy);
    try {
      const check = await this.imports.upload(id, { path: copy, size: file.size }, { tier, dryRun: 'true' }, staff);
      await this.store.put('staged-upload', String(check.id), { path: file.path, size: file.size, tier, incidentId: id } satisfies StagedUpload, CHECKED_UPLOAD_SECONDS);
      redirectTo(res, `/console/imports/${check.id}`);
    } catch (err) {
      removeQuietly(file.path);
      throw err;
    }
  }

  @Get('imports/:id')
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    const ctx = pageContext(req);
    const summary = await this.imports.summary(id);
    if (summary.status === 'queued' || summary.status === 'processing') return sendPage(res, ctx, <ImportRunningPage ctx={ctx} summary={summary} />);
    if (summary.status === 'failed') return sendPage(res, ctx, <ImportFailedPage ctx={ctx} summary={summary} />);
    if (!summary.dryRun) return sendPage(res, ctx, <ImportDonePage ctx={ctx} summary={summary} />);
    const staged = await this.store.get<StagedUpload>('staged-upload', String(id));
    const canImport = Boolean(staged && existsSync(staged.path));
    sendPage(res, ctx, <CheckPage ctx={ctx} summary={summary} problems={await this.firstProblems(id)} canImport={canImport} />);
  }

  @Get('imports/:id/status')
  async status(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number): Promise<void> {
    sendFragment(res, <ImportProgress ctx={pageContext(req)} summary={await this.imports.summary(id)} />);
  }

  @Post('imports/:id/import')
  async importChecked(@Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<void> {
    const check: ImportSummary = await this.imports.summary(id);
    const staged = check.dryRun && check.status === 'completed' ? await this.store.take<StagedUpload>('staged-upload', String(id)) : null;
    if (!staged || !existsSync(staged.path)) return redirectTo(res, `/console/imports/${id}`);
    const started = await this.imports.upload(staged.incidentId, { path: staged.path, size: staged.size }, { tier: staged.tier, dryRun: 'false' }, staff);
    redirectTo(res, `/console/imports/${started.id}`);
  }

  @Get('imports/:id/rejects.csv')
  async rejects(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const lines = await this.imports.rejectsCsv(id);
    res.setHeader('Content-Disposition', `attachment; filename="import-${id}-problems.csv"`);
    return new StreamableFile(Readable.from(lines), { type: 'text/csv; charset=utf-8' });
  }

  /** The first problems of the rejects report, read from the same CSV the download gives. */
  private async firstProblems(id: number): Promise<Problem[]> {
    const lines = await this.imports.rejectsCsv(id);
    let text = '';
    let rows = -1;
    for await (const chunk of lines) {
      text += chunk;
      rows += chunk.split('\n').length - 1;
      if (rows >= SHOWN_PROBLEMS) break;
    }
    const parsed = Papa.parse<Problem>(text, { header: true, skipEmptyLines: true });
    return parsed.data.slice(0, SHOWN_PROBLEMS).map((p) => ({ ...p, column: p.column.replace(/^'(?=[=+\-@\t\r])/, '') }));
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
