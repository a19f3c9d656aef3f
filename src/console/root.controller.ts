import { Controller, Get, Redirect, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createElement } from 'react';
import { StaffRequest } from '../staff/auth.guard';
import { ConsolePage } from '../staff/staff.decorators';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { NAV_ITEMS, Page } from './layout/page';
import { pageContext, redirectTo, sendPage } from './layout/render';
import { SHELL } from './layout/texts';

@ApiExcludeController()
@Controller()
@UseFilters(ConsoleExceptionFilter)
export class RootController {
  /** Staff work in the console; customers never come here (their links go to /l/…). */
  @Get()
  @Redirect('/console', 302)
  root(): void {}

  /** Comms and admin start at the incidents; other roles at a page listing what they may use. */
  @Get('console')
  @ConsolePage()
  home(@Req() req: Request, @Res() res: Response): void {
    const role = (req as StaffRequest).staff!.role;
    if (role === 'comms' || role === 'admin') return redirectTo(res, '/console/incidents');
    const ctx = pageContext(req);
    const items = NAV_ITEMS.filter((i) => i.roles.includes(role));
    sendPage(
      res,
      ctx,
      createElement(Page, { ctx, title: SHELL[ctx.lang].nav.home }, createElement('ul', null, ...items.map((i) => createElement('li', { key: i.href }, createElement('a', { href: i.href }, i.label[ctx.lang]))))),
    );
  }
}
