import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CustomersModule } from '../customers/customers.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { LettersModule } from '../letters/letters.module';
import { MailModule } from '../mail/mail.module';
import { QUEUES } from '../queues/queues';
import { StaffModule } from '../staff/staff.module';
import { TrackingModule } from '../tracking/tracking.module';
import { CampaignLettersModule } from './campaign-letters.module';
import { Campaign } from './campaign.entity';
import { CampaignTripwire } from './campaign-tripwire.service';
import { ReconcileProcessor, SendProcessor } from './campaign.processors';
import { CampaignsController, MailEventsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { Letter } from './letter.entity';
import { LetterQueue } from './letter-queue.service';
import { LetterSender } from './letter-sender.service';
import { MailEvent } from './mail-event.entity';
import { MailEventsService } from './mail-events.service';
import { Reconciler } from './reconciler.service';
import { LetterWaves } from './letter-waves.service';
import { CampaignPreviewService } from './campaign-preview.service';
import { WarningLedger } from './warning-ledger.service';
import { Warning } from './warning.entity';
import { WavePlanner } from './wave-planner.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Campaign, Letter, MailEvent, Warning]),
    BullModule.registerQueueAsync(
      {
        name: QUEUES.letters,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => ({
          // Bull's limiter counts in Redis, so SEND_RATE holds across every worker process.
          limiter: { max: config.sendRate, duration: 1000 },
          // A killed worker's jobs go back to waiting after 15 s; the letter row decides whether they still do anything.
          settings: { lockDuration: 15000, stalledInterval: 5000, maxStalledCount: 1 },
        }),
      },
      { name: QUEUES.maintenance },
    ),
    AuditModule,
    StaffModule,
    MailModule,
    IncidentsModule,
    CustomersModule,
    LettersModule,
    CampaignLettersModule,
    TrackingModule,
  ],
  controllers: [CampaignsController, MailEventsController],
  providers: [CampaignsService, CampaignTripwire, LetterQueue, LetterSender, Reconciler, MailEventsService, SendProcessor, ReconcileProcessor, WarningLedger, WavePlanner, LetterWaves, CampaignPreviewService],
  exports: [CampaignsService, CampaignTripwire, LetterWaves],
})
export class CampaignsModule {}
