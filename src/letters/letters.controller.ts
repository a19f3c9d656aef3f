import { Controller, Get, Header, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { LetterPreviewService } from './letter-preview.service';

@ApiTags('letters')
@Controller('api/incidents/:id/customers/:customerNumber/letter')
export class LettersController {
  constructor(private readonly previews: LetterPreviewService) {}

  @Get()
  @StaffOnly('comms')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The letter exactly as it would be sent, with a placeholder link token' })
  // Personal data: never cached; the letter itself needs nothing but inline styles.
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  async preview(
    @Param('id', ParseIntPipe) id: number,
    @Param('customerNumber') customerNumber: string,
    @CurrentStaff() staff: StaffMember,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const html = await this.previews.previewHtml(id, customerNumber, staff);
    // Set only on success, so errors stay JSON.
    res.type('text/html; charset=utf-8');
    return html;
  }
}
