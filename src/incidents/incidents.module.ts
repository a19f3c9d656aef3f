import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CustomersModule } from '../customers/customers.module';
import { HotlineModule } from '../hotline/hotline.module';
import { StaffModule } from '../staff/staff.module';
import { IncidentCreateCommand } from './incident.command';
import { IncidentStateModule } from './incident-state.module';
import { Incident } from './incident.entity';
import { IncidentsController } from './incidents.controller';
import { IncidentsService } from './incidents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Incident]), AuditModule, StaffModule, CustomersModule, HotlineModule, IncidentStateModule],
  controllers: [IncidentsController],
  providers: [IncidentsService, IncidentCreateCommand],
  exports: [IncidentsService, IncidentStateModule],
})
export class IncidentsModule {}
