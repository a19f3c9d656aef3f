import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CampaignLettersModule } from '../campaigns/campaign-letters.module';
import { CustomersModule } from '../customers/customers.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { MailModule } from '../mail/mail.module';
import { StaffModule } from '../staff/staff.module';
import { AuthorityReportService } from './authority-report.service';
import { BreachReport } from './breach-report.entity';
import { ControllerNotificationService } from './controller-notification.service';
import { DeadlineReminder } from './deadline-reminder.entity';
import { DeadlineSubmission } from './deadline-submission.entity';
import { DeadlinesService } from './deadlines.service';
import { IncidentRegisterController, RegisterController } from './register.controller';
import { RegisterExportService } from './register-export.service';
import { RegisterMailer } from './register-mailer.service';

/** The breach register: deadlines, the authority report draft, notifications, reminders and breach reports. */
@Module({
  imports: [TypeOrmModule.forFeature([DeadlineSubmission, DeadlineReminder, BreachReport]), AuditModule, StaffModule, MailModule, IncidentsModule, CustomersModule, CampaignLettersModule],
  controllers: [IncidentRegisterController, RegisterController],
  providers: [DeadlinesService, AuthorityReportService, ControllerNotificationService, RegisterExportService, RegisterMailer],
  exports: [DeadlinesService, AuthorityReportService, RegisterExportService],
})
export class RegisterModule {}
