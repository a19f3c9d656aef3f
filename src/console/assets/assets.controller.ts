import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../../common/project-root';

const TYPES: Record<string, string> = { 'console.css': 'text/css; charset=utf-8', 'console.js': 'text/javascript; charset=utf-8' };
const cache = new Map<string, string>();

/** The console's own stylesheet and script, from our origin (the CSP allows nothing else). */
@ApiExcludeController()
@Controller('console/assets')
export class AssetsController {
  @Get(':file')
  @Header('Cache-Control', 'public, max-age=300')
  @Header('X-Content-Type-Options', 'nosniff')
  asset(@Param('file') name: string, @Res({ passthrough: true }) res: Response): string {
    const type = TYPES[name];
    if (!type) throw new NotFoundException('There is no such console asset.');
    let body = cache.get(name);
    if (body === undefined) {
      body = readFileSync(fromRoot('src/console/assets', name), 'utf8');
      cache.set(name, body);
    }
    res.type(type);
    return body;
  }
}
