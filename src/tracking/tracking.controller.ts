import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LandingService, PageResponse } from './landing.service';
import type { RequestSignals } from './link-scanners';

/** The customer's links: no authentication, outside /api, no cookies. */
@ApiExcludeController()
@Controller()
export class TrackingController {
  constructor(private readonly landing: LandingService) {}

  // Express also routes HEAD here; the service answers it without counting.
  @Get('l/:token')
  async page(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.landing.visit(token, signals(req), req.method === 'HEAD'));
  }

  @Post('l/:token/ack')
  async acknowledge(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.landing.acknowledge(token, signals(req)));
  }

  @Get('o/:file')
  async pixel(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.landing.pixel(file, signals(req), req.method === 'HEAD'));
  }
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function signals(req: Request): RequestSignals {
  return {
    userAgent: header(req, 'user-agent'),
    purpose: header(req, 'purpose'),
    secPurpose: header(req, 'sec-purpose'),
    xPurpose: header(req, 'x-purpose'),
    xMoz: header(req, 'x-moz'),
  };
}

function send(res: Response, page: PageResponse): void {
  res.writeHead(page.status, { ...page.headers, 'Content-Length': String(page.body.length) });
  res.end(page.body);
}
