import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { StaffGuard } from './auth.guard';
import { StaffCreateCommand } from './staff.command';
import { StaffMember } from './staff-member.entity';
import { StaffMailerService } from './staff-mailer.service';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffMember]), AuditModule, MailModule],
  providers: [StaffService, StaffGuard, StaffCreateCommand, StaffMailerService],
  exports: [StaffService, StaffGuard, StaffMailerService],
})
export class StaffModule {}
