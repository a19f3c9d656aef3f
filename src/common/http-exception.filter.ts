import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { describeError } from './json-logger';

const TOO_LARGE = 'The request body is larger than this server accepts; send less data.';

/**
 * The one exception filter: HttpExceptions (domain errors) keep their status and become
 * `{message}`; anything else is logged (without its message, which may quote data) and answered
 * with a generic 500.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    if (res.headersSent) return;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      let message: unknown = exception.message;
      if (typeof body === 'object' && body !== null && 'message' in body) message = (body).message;
      else if (typeof body === 'string') message = body;
      // Nest's own "Cannot GET /path?query" would echo a query string, which may hold personal data.
      // Some body parsers reach us already wrapped (413 "request entity too large"): say it as our own.
      if (status === 413 && /entity too large/i.test(String(message))) message = TOO_LARGE;
      if (typeof message === 'string' && /^Cannot [A-Z]+ \//.test(message)) {
        message = `There is no ${req.method} ${req.path.replace(/\/l\/[^/]+/, '/l/…')} here; see /api/docs for the API.`;
      }
      res.status(status).json({ message });
      return;
    }
    // body-parser's own errors (too large, malformed) are the client's: say so instead of a 500.
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus) {
      const message = parserStatus === 413 ? TOO_LARGE : 'The request body could not be read; check its format and Content-Type.';
      res.status(parserStatus).json({ message });
      return;
    }
    // Route only (no query string, no params values would be safer still, but routes hold tokens at most).
    this.logger.error({ ...describeError(exception), method: req.method, route: routeOf(req) });
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ message: 'Something went wrong on our side. It has been logged; please try again or contact the administrator.' });
  }
}

function routeOf(req: Request): string {
  const route = (req as { route?: { path?: string } }).route;
  return route?.path ?? req.path.replace(/\/l\/[^/]+/, '/l/:token');
}

function bodyParserStatus(e: unknown): number | null {
  const err = e as { type?: unknown; status?: unknown; expose?: unknown };
  return typeof err?.type === 'string' && err.expose === true && typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : null;
}
