import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { AuditController } from './audit.controller';
import { AuditModule } from './audit.module';

@Module({ imports: [AuditModule, StaffModule], controllers: [AuditController] })
export class AuditHttpModule {}
