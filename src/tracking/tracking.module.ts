import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignLettersModule } from '../campaigns/campaign-letters.module';
import { LetterEngagement } from './letter-engagement.entity';
import { TrackingService } from './tracking.service';

@Module({
  imports: [TypeOrmModule.forFeature([LetterEngagement]), CampaignLettersModule],
  providers: [TrackingService],
  exports: [TrackingService],
})
export class TrackingModule {}
