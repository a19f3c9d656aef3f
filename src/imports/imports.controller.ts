import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { StaffMember } from '../staff/staff-member.entity';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { ImportSummary, UploadImportDto } from './imports.dto';
import { ImportsService } from './imports.service';
import { CsvUploadInterceptor } from './upload.interceptor';
import type { Response } from 'express';

@ApiTags('imports')
@Controller('api')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('incidents/:id/imports')
  @HttpCode(202)
  @StaffOnly('comms')
  @UseInterceptors(CsvUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadImportDto })
  upload(
    @Param('id', ParseIntPipe) incidentId: number,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: Record<string, unknown>,
    @CurrentStaff() staff: StaffMember,
  ): Promise<{ id: number; status: 'queued' }> {
    return this.imports.upload(incidentId, file, body, staff);
  }

  @Get('imports/:id')
  @StaffOnly('comms')
  get(@Param('id', ParseIntPipe) id: number): Promise<ImportSummary> {
    return this.imports.summary(id);
  }

  @Get('imports/:id/rejects')
  @StaffOnly('comms')
  async rejects(@Param('id', ParseIntPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const lines = await this.imports.rejectsCsv(id);
    res.setHeader('Content-Disposition', `attachment; filename="import-${id}-rejects.csv"`);
    return new StreamableFile(Readable.from(lines), { type: 'text/csv; charset=utf-8' });
  }
}
