import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignLettersModule } from '../campaigns/campaign-letters.module';
import { CustomersModule } from '../customers/customers.module';
import { Incident } from '../incidents/incident.entity';
import { LettersModule } from '../letters/letters.module';
import { LandingService } from './landing.service';
import { LetterEngagement } from './letter-engagement.entity';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';

@Module({
  // The incident is read through its entity, not IncidentsModule, which will depend on this module's users.
  imports: [TypeOrmModule.forFeature([LetterEngagement, Incident]), CampaignLettersModule, CustomersModule, LettersModule],
  controllers: [TrackingController],
  providers: [TrackingService, LandingService],
  exports: [TrackingService],
})
export class TrackingModule {}
