import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { StaffGuard } from './auth.guard';
import { StaffCreateCommand } from './staff.command';
import { StaffMember } from './staff-member.entity';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffMember]), AuditModule],
  providers: [StaffService, StaffGuard, StaffCreateCommand],
  exports: [StaffService, StaffGuard],
})
export class StaffModule {}
