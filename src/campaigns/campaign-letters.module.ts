import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from './campaign.entity';
import { CampaignLettersService } from './campaign-letters.service';
import { Letter } from './letter.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Letter, Campaign])],
  providers: [CampaignLettersService],
  exports: [CampaignLettersService],
})
export class CampaignLettersModule {}
