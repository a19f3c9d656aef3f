import { BadRequestException, Body, ConflictException, Controller, ForbiddenException, Get, HttpCode, HttpException, NotFoundException, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CONTACT_OUTCOMES, ContactOutcome } from '../../hotline/contact.entity';
import { HotlineService } from '../../hotline/hotline.service';
import { ACCEPTED_LOOKUPS } from '../../hotline/lookup-rules';
import { IncidentsService } from '../../incidents/incidents.service';
import type { StaffMember } from '../../staff/staff-member.entity';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import type { FieldErrors } from '../layout/components';
import { pageContext, redirectTo, sendPage } from '../layout/render';
import { LogCallPage, LookupNotice, LookupPage, ResultPage } from './hotline.pages';
import { checkLookupForm, fieldOfMessage, LookupForm, readLookupForm } from './lookup-form';
import { HOTLINE } from './texts';

/** The API's message without the list of accepted forms, which the page itself already shows. */
function shortMessage(err: HttpException): string {
  const body = err.getResponse() as { message?: unknown };
  const message = typeof body === 'object' && typeof body.message === 'string' ? body.message : err.message;
  return message.replace(ACCEPTED_LOOKUPS, '').trim();
}

/**
 * `Look up a caller`: every lookup goes through HotlineService, exactly like the API (audited,
 * limited, watched for browsing). Identifiers travel only in POST bodies, never in a URL.
 */
@ApiExcludeController()
@Controller('console/hotline')
@UseFilters(ConsoleExceptionFilter)
@ConsolePage('hotline')
export class ConsoleHotlineController {
  constructor(
    private readonly hotline: HotlineService,
    private readonly incidents: IncidentsService,
  ) {}

  @Get()
  async form(@Req() req: Request, @Res() res: Response, @Query('saved') saved?: string): Promise<void> {
    const ctx = pageContext(req);
    sendPage(res, ctx, <LookupPage ctx={ctx} incidents={await this.incidents.list()} errors={{}} notice={saved === '1' ? { kind: 'saved' } : undefined} />);
  }

  @Post()
  @HttpCode(200)
  async lookup(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>, @CurrentStaff() staff: StaffMember): Promise<void> {
    const ctx = pageContext(req);
    const t = HOTLINE[ctx.lang];
    const form = readLookupForm(body ?? {});
    const { problems, body: lookup } = checkLookupForm(form);
    const errors: FieldErrors = {};
    for (const [field, problem] of Object.entries(problems)) errors[field] = t.problems[field as keyof LookupForm]?.[problem] ?? problem;
    let notice: LookupNotice | undefined;
    if (lookup) {
      try {
        const { customer } = await this.hotline.lookup(staff, lookup);
        return sendPage(res, ctx, <ResultPage ctx={ctx} customer={customer} incidentId={Number(form.incidentId)} />);
      } catch (err) {
        if (err instanceof BadRequestException) errors[fieldOfMessage(shortMessage(err))] = shortMessage(err);
        else if (err instanceof ConflictException) errors.birthDate = t.askBirthDate;
        else if (err instanceof NotFoundException) notice = { kind: 'miss' };
        else if (err instanceof ForbiddenException) notice = { kind: 'suspended', message: shortMessage(err) };
        else if (err instanceof HttpException && err.getStatus() === 429) notice = { kind: 'refused', message: shortMessage(err) };
        else throw err;
      }
    }
    const status = notice?.kind === 'suspended' ? 403 : Object.keys(errors).length ? 400 : 200;
    sendPage(res, ctx, <LookupPage ctx={ctx} incidents={await this.incidents.list()} form={form} errors={errors} notice={notice} />, status);
  }

  @Post('contacts')
  @HttpCode(200)
  async logContact(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>, @CurrentStaff() staff: StaffMember): Promise<void> {
    const ctx = pageContext(req);
    const t = HOTLINE[ctx.lang];
    const text = (k: string) => (typeof body?.[k] === 'string' ? (body[k]) : '');
    const state = { incidentId: text('incidentId').trim(), customerNumber: text('customerNumber').trim(), outcome: text('outcome'), notes: text('notes') };
    const errors: FieldErrors = {};
    if (!(CONTACT_OUTCOMES as readonly string[]).includes(state.outcome)) errors.outcome = t.outcomeRequired;
    if (state.notes.length > 2000) errors.notes = t.notesTooLong;
    const incidentId = Number(state.incidentId);
    if (Object.keys(errors).length === 0) {
      try {
        await this.hotline.logContact(staff, { incidentId, customerNumber: state.customerNumber, outcome: state.outcome as ContactOutcome, notes: state.notes });
        // The next caller starts with an empty form; the address carries no personal data.
        return redirectTo(res, '/console/hotline?saved=1');
      } catch (err) {
        if (!(err instanceof HttpException) || err.getStatus() >= 500) throw err;
        errors.outcome = shortMessage(err);
      }
    }
    sendPage(res, ctx, <LogCallPage ctx={ctx} state={state} errors={errors} />, 400);
  }
}
