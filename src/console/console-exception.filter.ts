import { ArgumentsHost, Catch, ExceptionFilter, ForbiddenException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createElement } from 'react';
import { describeError } from '../common/json-logger';
import { SignInRequired } from '../staff/console-page.guard';
import { Page } from './layout/page';
import { pageContext, sendPage } from './layout/render';
import { SHELL } from './layout/texts';

/**
 * Errors on console pages answer as pages: not signed in → to the sign-in page (303); no access,
 * not found and our own failures → a page in the member's language. Domain errors meant for a
 * form are caught by the page itself and shown next to the field.
 */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof SignInRequired) {
      res.redirect(303, '/console/sign-in');
      return;
    }
    const ctx = pageContext(req);
    const t = SHELL[ctx.lang];
    let status = 500;
    let title = t.broken;
    let body = t.brokenBody;
    if (exception instanceof ForbiddenException) [status, title, body] = [403, t.forbidden, t.forbiddenBody];
    else if (exception instanceof NotFoundException) [status, title, body] = [404, t.notFound, t.notFoundBody];
    else if (exception instanceof HttpException) [status, title, body] = [exception.getStatus(), t.broken, messageOf(exception) ?? t.brokenBody];
    else this.logger.error({ ...describeError(exception), method: req.method, route: (req as { route?: { path?: string } }).route?.path ?? 'console' });
    sendPage(res, ctx, createElement(Page, { ctx, title }, createElement('p', null, body), createElement('p', null, createElement('a', { href: '/console' }, t.nav.home))), status);
  }
}

function messageOf(e: HttpException): string | undefined {
  const body = e.getResponse();
  const message = typeof body === 'object' && body !== null && 'message' in body ? (body).message : e.message;
  return typeof message === 'string' ? message : Array.isArray(message) ? message.join(' ') : undefined;
}
