import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CustomersModule } from '../customers/customers.module';
import { Incident } from '../incidents/incident.entity';
import { StaffModule } from '../staff/staff.module';
import { LetterPreviewService } from './letter-preview.service';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';

/** Reads incidents through their entity only: importing IncidentsModule would close a cycle. */
@Module({
  imports: [TypeOrmModule.forFeature([Incident]), CustomersModule, StaffModule, AuditModule],
  controllers: [LettersController],
  providers: [LettersService, LetterPreviewService],
  exports: [LettersService, LetterPreviewService],
})
export class LettersModule {}
