import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { StaffModule } from '../staff/staff.module';
import { HealthController } from './health.controller';

@Module({ imports: [CampaignsModule, StaffModule], controllers: [HealthController] })
export class HealthModule {}
