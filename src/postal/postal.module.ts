import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { POSTED_LETTERS } from '../register/posted-letters';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CustomersModule } from '../customers/customers.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { LettersModule } from '../letters/letters.module';
import { QUEUES } from '../queues/queues';
import { StaffModule } from '../staff/staff.module';
import { BatchFiles } from './batch-files.service';
import { PostalController } from './postal.controller';
import { PostalLettersService } from './postal-letters.service';
import { PrintBatchesService } from './print-batches.service';
import { PrintProcessor } from './print.processor';
import { PrintRenderService } from './print-render.service';

/** Print batches, the printed letter and the postal moments of letters (printed, posted, returned). */
@Module({
  imports: [
    // A killed worker's file job goes back to waiting; the file's own lease decides whether it still does anything.
    BullModule.registerQueue({ name: QUEUES.print, settings: { lockDuration: 60000, stalledInterval: 15000, maxStalledCount: 1 } }),
    AuditModule,
    StaffModule,
    CampaignsModule,
    CustomersModule,
    IncidentsModule,
    LettersModule,
  ],
  controllers: [PostalController],
  // The breach register counts posted letters through this token (it must not depend on postal).
  providers: [PrintBatchesService, PostalLettersService, PrintRenderService, PrintProcessor, BatchFiles, { provide: POSTED_LETTERS, useExisting: PrintBatchesService }],
  exports: [PrintBatchesService, PostalLettersService, BatchFiles],
})
export class PostalModule {}
