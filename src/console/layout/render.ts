import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { StaffRequest } from '../../staff/auth.guard';
import { requestLang } from './i18n';
import type { PageContext } from './page';

/**
 * The console's Content-Security-Policy: nothing from anywhere else, our own stylesheet, and only
 * scripts carrying this response's nonce. Framed letter previews are served from our own origin
 * under their own, even stricter policy (letters/preview-frames.ts).
 */
export function consoleCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function pageContext(req: Request): PageContext {
  const staff = (req as StaffRequest).staff;
  return {
    lang: requestLang(req),
    nonce: randomBytes(16).toString('base64'),
    staff: staff ? { name: staff.name, role: staff.role } : null,
    path: req.path,
  };
}

/** Sends a rendered page (React elements are escaped by react-dom, so hostile names stay text). */
export function sendPage(res: Response, ctx: PageContext, page: ReactElement, status = 200): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', consoleCsp(ctx.nonce));
  // Pages show personal data and state that changes: never from a cache.
  res.setHeader('Cache-Control', 'no-store');
  res.send('<!doctype html>' + renderToStaticMarkup(page));
}

/** A fragment for live updates (polled by console.js): same escaping, no shell. */
export function sendFragment(res: Response, fragment: ReactElement): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.send(renderToStaticMarkup(fragment));
}

/** After a successful form post: GET the next page (303), so a reload never posts twice. */
export function redirectTo(res: Response, path: string): void {
  res.redirect(303, path);
}
