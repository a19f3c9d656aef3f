import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createElement } from 'react';
import { StaffInviteEmail } from '../../../emails/staff/staff-invite';
import { AuditService } from '../../audit/audit.service';
import { isRole } from '../../staff/roles';
import type { StaffMember } from '../../staff/staff-member.entity';
import { StaffMailerService } from '../../staff/staff-mailer.service';
import { ConsolePage, CurrentStaff } from '../../staff/staff.decorators';
import { StaffService } from '../../staff/staff.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import type { FieldErrors } from '../layout/components';
import { pageContext, redirectTo, sendPage } from '../layout/render';
import { InviteForm, InvitePage, LinkOncePage, MemberPage, StaffListPage, StaffRow } from './staff.pages';
import { ADMIN } from './texts';

/** Admin: `Staff` — invite (set-up link by e-mail, shown once), change role, reset authenticator, disable. */
@ApiExcludeController()
@Controller('console/admin/staff')
@UseFilters(ConsoleExceptionFilter)
@ConsolePage('admin')
export class ConsoleStaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly audit: AuditService,
    private readonly mailer: StaffMailerService,
  ) {}

  private async rows(): Promise<StaffRow[]> {
    const members = await this.staff.list();
    const last = await this.audit.lastAtBySubject('staff.sign-in', members.map((m) => `staff:${m.id}`));
    return members.map((m) => ({ ...m, lastSignIn: last.get(`staff:${m.id}`) ?? null }));
  }

  private async row(id: number): Promise<StaffRow> {
    const member = (await this.rows()).find((m) => m.id === id);
    if (!member) throw new BadRequestException(`Staff member ${id} does not exist.`);
    return member;
  }

  /** Sends the set-up link; the page shows it once whatever the mail did. */
  private mailSetupLink(member: { id: number; name: string; role: string }, setupUrl: string, admin: StaffMember, reset: boolean): Promise<boolean> {
    const subject = reset ? 'Set up your console sign-in again' : 'Your invitation to the fraud-warning console';
    return this.mailer.sendToStaff(member.id, subject, createElement(StaffInviteEmail, { name: member.name, role: member.role, invitedBy: admin.name, setupUrl, reset }));
  }

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = pageContext(req);
    sendPage(res, ctx, <StaffListPage ctx={ctx} staff={await this.rows()} />);
  }

  @Get('new')
  inviteForm(@Req() req: Request, @Res() res: Response): void {
    const ctx = pageContext(req);
    sendPage(res, ctx, <InvitePage ctx={ctx} errors={{}} />);
  }

  @Post()
  @HttpCode(200)
  async invite(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>, @CurrentStaff() admin: StaffMember): Promise<void> {
    const ctx = pageContext(req);
    const t = ADMIN[ctx.lang];
    const text = (k: string) => (typeof body?.[k] === 'string' ? (body[k]).trim() : '');
    const form: InviteForm = { name: text('name'), email: text('email'), role: text('role') };
    const errors: FieldErrors = {};
    if (!form.name || form.name.length > 100) errors.name = t.problems.name;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) errors.email = t.problems.email;
    if (!isRole(form.role)) errors.role = t.problems.role;
    if (Object.keys(errors).length === 0) {
      try {
        const created = await this.staff.create(form, admin);
        const mailed = await this.mailSetupLink(created, created.setupUrl!, admin, false);
        return sendPage(res, ctx, <LinkOncePage ctx={ctx} title={t.invitedTitle(created.name)} setupUrl={created.setupUrl!} mailedTo={mailed ? created.email : null} />);
      } catch (err) {
        if (!(err instanceof BadRequestException)) throw err;
        errors.email = err.message;
      }
    }
    sendPage(res, ctx, <InvitePage ctx={ctx} form={form} errors={errors} />, 400);
  }

  @Get(':id')
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() admin: StaffMember, @Query('done') done?: string): Promise<void> {
    const ctx = pageContext(req);
    const t = ADMIN[ctx.lang];
    const member = await this.row(id);
    const notice = done === 'role' ? t.roleChanged : done === 'disabled' ? t.disabled(Number(req.query.sessions) || 0) : undefined;
    sendPage(res, ctx, <MemberPage ctx={ctx} member={member} self={member.id === admin.id} notice={notice} errors={{}} />);
  }

  @Post(':id/role')
  @HttpCode(200)
  async changeRole(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>, @CurrentStaff() admin: StaffMember): Promise<void> {
    this.refuseSelf(id, admin, req);
    const role = typeof body?.role === 'string' ? body.role : '';
    if (!isRole(role)) {
      const ctx = pageContext(req);
      return sendPage(res, ctx, <MemberPage ctx={ctx} member={await this.row(id)} self={false} errors={{ role: ADMIN[ctx.lang].problems.role }} />, 400);
    }
    await this.staff.changeRole(id, role, admin);
    redirectTo(res, `/console/admin/staff/${id}?done=role`);
  }

  @Post(':id/reset-authenticator')
  @HttpCode(200)
  async resetAuthenticator(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() admin: StaffMember): Promise<void> {
    this.refuseSelf(id, admin, req);
    const ctx = pageContext(req);
    const member = await this.row(id);
    const { setupUrl } = await this.staff.resetAuthenticator(id, admin);
    const mailed = await this.mailSetupLink(member, setupUrl, admin, true);
    sendPage(res, ctx, <LinkOncePage ctx={ctx} title={ADMIN[ctx.lang].resetTitle(member.name)} setupUrl={setupUrl} mailedTo={mailed ? member.email : null} />);
  }

  @Post(':id/disable')
  @HttpCode(200)
  async disable(@Req() req: Request, @Res() res: Response, @Param('id', ParseIntPipe) id: number, @CurrentStaff() admin: StaffMember): Promise<void> {
    this.refuseSelf(id, admin, req);
    const { sessionsEnded } = await this.staff.disable(id, admin);
    redirectTo(res, `/console/admin/staff/${id}?done=disabled&sessions=${sessionsEnded}`);
  }

  /** An admin who demotes or disables themselves could leave nobody to manage staff. */
  private refuseSelf(id: number, admin: StaffMember, req: Request): void {
    if (id === admin.id) throw new BadRequestException(ADMIN[pageContext(req).lang].notYourself);
  }
}
