import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { StaffGuard } from './auth.guard';
import { ConsolePageGuard } from './console-page.guard';
import { ConsoleSessionMiddleware, ConsoleSessions } from './console-sessions';
import { SignInLimiter } from './sign-in-limiter';
import { SignInService } from './sign-in.service';
import { StaffRedis } from './staff-redis';
import { StaffCreateCommand, StaffDisableCommand } from './staff.command';
import { StaffMember } from './staff-member.entity';
import { StaffMailerService } from './staff-mailer.service';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffMember]), AuditModule, MailModule],
  providers: [StaffService, StaffGuard, StaffCreateCommand, StaffDisableCommand, StaffMailerService, StaffRedis, ConsoleSessions, ConsoleSessionMiddleware, SignInLimiter, SignInService, ConsolePageGuard],
  exports: [StaffService, StaffGuard, StaffMailerService, ConsoleSessions, ConsoleSessionMiddleware, SignInService, ConsolePageGuard],
})
export class StaffModule {}
