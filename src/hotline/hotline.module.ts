import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CampaignLettersModule } from '../campaigns/campaign-letters.module';
import { CustomersModule } from '../customers/customers.module';
import { LettersModule } from '../letters/letters.module';
import { StaffModule } from '../staff/staff.module';
import { TrackingModule } from '../tracking/tracking.module';
import { Contact } from './contact.entity';
import { ContactsService } from './contacts.service';
import { HotlineController } from './hotline.controller';
import { HotlineService } from './hotline.service';
import { LookupLimiter } from './lookup-limiter';

@Module({
  imports: [TypeOrmModule.forFeature([Contact]), CustomersModule, CampaignLettersModule, TrackingModule, LettersModule, AuditModule, StaffModule],
  controllers: [HotlineController],
  providers: [HotlineService, ContactsService, LookupLimiter],
  exports: [ContactsService, HotlineService],
})
export class HotlineModule {}
