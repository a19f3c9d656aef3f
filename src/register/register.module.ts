import { BullModule } from '@nestjs/bull';
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
import { BreachReportsController, PublicReportController } from './breach-reports.controller';
import { BreachReportsService } from './breach-reports.service';
import { ControllerNotificationService } from './controller-notification.service';
import { DeadlineReminder } from './deadline-reminder.entity';
import { DeadlineSubmission } from './deadline-submission.entity';
import { DeadlinesService } from './deadlines.service';
import { PublicReportService } from './public-report.service';
import { IncidentRegisterController, RegisterController } from './register.controller';
import { RegisterExportService } from './register-export.service';
import { RegisterMailer } from './register-mailer.service';
import { ReportLimiter } from './report-limiter';
import { REGISTER_QUEUE, RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';

/** The breach register: deadlines, the authority report draft, notifications, reminders and breach reports. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DeadlineSubmission, DeadlineReminder, BreachReport]),
    BullModule.registerQueue({ name: REGISTER_QUEUE }),
    AuditModule,
    StaffModule,
    MailModule,
    IncidentsModule,
    CustomersModule,
    CampaignLettersModule,
  ],
  controllers: [IncidentRegisterController, RegisterController, PublicReportController, BreachReportsController],
  providers: [
    DeadlinesService,
    AuthorityReportService,
    ControllerNotificationService,
    RegisterExportService,
    RegisterMailer,
    BreachReportsService,
    PublicReportService,
    ReportLimiter,
    RemindersService,
    RemindersProcessor,
  ],
  exports: [DeadlinesService, AuthorityReportService, RegisterExportService, BreachReportsService],
})
export class RegisterModule {}
