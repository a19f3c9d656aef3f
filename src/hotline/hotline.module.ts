import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CampaignLettersModule } from '../campaigns/campaign-letters.module';
import { CustomersModule } from '../customers/customers.module';
import { IncidentStateModule } from '../incidents/incident-state.module';
import { LettersModule } from '../letters/letters.module';
import { StaffModule } from '../staff/staff.module';
import { TrackingModule } from '../tracking/tracking.module';
import { BrowsingAlert } from './browsing-alert.entity';
import { BrowsingAlertsController } from './browsing-alerts.controller';
import { BrowsingAlertsService } from './browsing-alerts.service';
import { Contact } from './contact.entity';
import { ContactsService } from './contacts.service';
import { HotlineController } from './hotline.controller';
import { HotlineService } from './hotline.service';
import { LookupLimiter } from './lookup-limiter';
import { LookupTrace } from './lookup-trace';

@Module({
  imports: [TypeOrmModule.forFeature([Contact, BrowsingAlert]), CustomersModule, IncidentStateModule, CampaignLettersModule, TrackingModule, LettersModule, AuditModule, StaffModule],
  controllers: [HotlineController, BrowsingAlertsController],
  providers: [HotlineService, ContactsService, LookupLimiter, LookupTrace, BrowsingAlertsService],
  exports: [ContactsService, HotlineService, BrowsingAlertsService],
})
export class HotlineModule {}
