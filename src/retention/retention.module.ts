import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ImportsModule } from '../imports/imports.module';
import { MailModule } from '../mail/mail.module';
import { PostalModule } from '../postal/postal.module';
import { PurgeService } from './purge.service';
import { RETENTION_QUEUE, RetentionProcessor } from './retention.processor';

/** The retention sweep: purges closed incidents when due and deletes upload and print files no longer needed. */
@Module({
  imports: [BullModule.registerQueue({ name: RETENTION_QUEUE }), AuditModule, ImportsModule, PostalModule, MailModule],
  providers: [PurgeService, RetentionProcessor],
  exports: [PurgeService],
})
export class RetentionModule {}
