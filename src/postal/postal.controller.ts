import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { LetterPostalView, PrintBatchesService, PrintBatchView } from './print-batches.service';

@ApiTags('postal')
@Controller('api')
export class PostalController {
  constructor(private readonly batches: PrintBatchesService) {}

  @Post('campaigns/:id/print-batches')
  @HttpCode(202)
  @StaffOnly('comms')
  create(@Param('id', ParseIntPipe) campaignId: number, @CurrentStaff() staff: StaffMember): Promise<{ id: number; status: 'building'; letters: number }> {
    return this.batches.create(campaignId, staff);
  }

  @Get('campaigns/:id/print-batches')
  @StaffOnly('comms', 'admin')
  list(@Param('id', ParseIntPipe) campaignId: number): Promise<PrintBatchView[]> {
    return this.batches.forCampaign(campaignId);
  }

  @Get('print-batches/:id')
  @StaffOnly('comms', 'admin')
  get(@Param('id', ParseIntPipe) id: number): Promise<PrintBatchView> {
    return this.batches.view(id);
  }

  @Get('print-batches/:id/files/:file')
  @StaffOnly('comms')
  async file(@Param('id', ParseIntPipe) id: number, @Param('file') name: string, @CurrentStaff() staff: StaffMember): Promise<StreamableFile> {
    const f = await this.batches.file(id, name, staff);
    return new StreamableFile(f.stream, { type: f.type, disposition: `attachment; filename="${f.name}"` });
  }

  @Post('print-batches/:id/posted')
  @HttpCode(200)
  @StaffOnly('comms')
  posted(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<PrintBatchView & { posted: number }> {
    return this.batches.posted(id, staff);
  }

  @Post('letters/:id/returned')
  @HttpCode(200)
  @StaffOnly('comms', 'hotline')
  returned(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<LetterPostalView> {
    return this.batches.returned(String(id), staff);
  }

  /** By the reference printed on the letter (`<batch>-<sequence>`), as when scanning returned mail. */
  @Post('print-batches/:id/letters/:sequence/returned')
  @HttpCode(200)
  @StaffOnly('comms', 'hotline')
  returnedBySequence(@Param('id', ParseIntPipe) id: number, @Param('sequence', ParseIntPipe) sequence: number, @CurrentStaff() staff: StaffMember): Promise<LetterPostalView> {
    return this.batches.returnedBySequence(id, sequence, staff);
  }
}
