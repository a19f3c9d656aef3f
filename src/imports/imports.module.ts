import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CustomersModule } from '../customers/customers.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { QUEUES } from '../queues/queues';
import { StaffModule } from '../staff/staff.module';
import { ImportCommand } from './import.command';
import { ImportIssue } from './import-issue.entity';
import { Import } from './import.entity';
import { ImportsController } from './imports.controller';
import { ImportsProcessor } from './imports.processor';
import { ImportsService } from './imports.service';
import { UploadFiles } from './upload-files.service';
import { CsvUploadInterceptor } from './upload.interceptor';

@Module({
  imports: [TypeOrmModule.forFeature([Import, ImportIssue]), BullModule.registerQueue({ name: QUEUES.imports }), IncidentsModule, CustomersModule, AuditModule, StaffModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsProcessor, ImportCommand, CsvUploadInterceptor, UploadFiles],
  exports: [ImportsService, UploadFiles],
})
export class ImportsModule {}
