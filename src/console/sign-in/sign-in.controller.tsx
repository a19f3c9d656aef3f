import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { toDataURL } from 'qrcode';
import { ConsoleSessions } from '../../staff/console-sessions';
import { SignInService } from '../../staff/sign-in.service';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { pageContext, redirectTo, sendPage } from '../layout/render';
import { CodePage, SetupInvalidPage, SetupPage, SignInPage } from './sign-in.pages';
import { SIGN_IN } from './texts';

type Form = Record<string, unknown>;
const field = (body: Form, name: string): string => (typeof body?.[name] === 'string' ? (body[name]) : '');

/** Set-up, sign-in (password, then authenticator code) and sign-out. Thin: the rules live in SignInService. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: ConsoleSessions,
  ) {}

  @Get('sign-in')
  async signInForm(@Req() req: Request, @Res() res: Response, @Query('done') done?: string, @Query('ended') ended?: string): Promise<void> {
    if (await this.sessions.currentStaffId(req)) return redirectTo(res, '/console');
    const ctx = pageContext(req);
    const t = SIGN_IN[ctx.lang];
    const notice = done === 'setup' ? t.setupDone : ended === 'signed-out' ? t.signedOut : undefined;
    sendPage(res, ctx, <SignInPage ctx={ctx} errors={{}} notice={notice} />);
  }

  @Post('sign-in')
  @HttpCode(200)
  async signInPost(@Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const email = field(body, 'email');
    const result = await this.signIn.checkPassword(email, field(body, 'password'), req.ip ?? '');
    if (result.ok) {
      await this.sessions.passwordAccepted(req, result.staffId);
      return redirectTo(res, '/console/sign-in/code');
    }
    const ctx = pageContext(req);
    const t = SIGN_IN[ctx.lang];
    sendPage(res, ctx, <SignInPage ctx={ctx} email={email} errors={{ email: result.locked ? t.locked : t.failed }} />);
  }

  @Get('sign-in/code')
  codeForm(@Req() req: Request, @Res() res: Response): void {
    if (!this.sessions.pendingStaffId(req)) return redirectTo(res, '/console/sign-in');
    const ctx = pageContext(req);
    sendPage(res, ctx, <CodePage ctx={ctx} errors={{}} />);
  }

  @Post('sign-in/code')
  @HttpCode(200)
  async codePost(@Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const pending = this.sessions.pendingStaffId(req);
    if (!pending) return redirectTo(res, '/console/sign-in');
    const result = await this.signIn.checkCode(pending, field(body, 'code'), req.ip ?? '');
    if (result.ok) {
      await this.sessions.signedIn(req, result.staffId);
      return redirectTo(res, '/console');
    }
    const ctx = pageContext(req);
    const t = SIGN_IN[ctx.lang];
    if (result.locked) {
      await this.sessions.end(req);
      return sendPage(res, ctx, <SignInPage ctx={ctx} errors={{ email: t.locked }} />);
    }
    sendPage(res, ctx, <CodePage ctx={ctx} errors={{ code: t.failed }} />);
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.sessions.end(req);
    redirectTo(res, '/console/sign-in?ended=signed-out');
  }

  @Get('setup/:token')
  async setupForm(@Req() req: Request, @Res() res: Response, @Param('token') token: string): Promise<void> {
    await this.renderSetup(req, res, token, {});
  }

  @Post('setup/:token')
  @HttpCode(200)
  async setupPost(@Req() req: Request, @Res() res: Response, @Param('token') token: string, @Body() body: Form): Promise<void> {
    const result = await this.signIn.completeSetup(token, field(body, 'password'), field(body, 'code'));
    if (result?.ok) return redirectTo(res, '/console/sign-in?done=setup');
    const t = SIGN_IN[pageContext(req).lang];
    const errors: Record<string, string> = {};
    if (result && !result.ok) {
      if (result.problems.password) errors.password = t.passwordProblems[result.problems.password];
      if (result.problems.code) errors.code = result.problems.code === 'missing' ? t.codeMissing : t.codeWrong;
    }
    await this.renderSetup(req, res, token, errors);
  }

  private async renderSetup(req: Request, res: Response, token: string, errors: Record<string, string>): Promise<void> {
    const ctx = pageContext(req);
    // The set-up link is a credential: it must not leak to other sites through the Referer header.
    res.setHeader('Referrer-Policy', 'no-referrer');
    const state = await this.signIn.setupState(token);
    if (!state) return sendPage(res, ctx, <SetupInvalidPage ctx={ctx} />, 404);
    const qr = await toDataURL(state.uri, { errorCorrectionLevel: 'M', margin: 2, width: 200 });
    sendPage(res, ctx, <SetupPage ctx={{ ...ctx, path: `/console/setup/${token}` }} token={token} name={state.member.name} secret={state.secret} qrDataUrl={qr} errors={errors} />);
  }
}
