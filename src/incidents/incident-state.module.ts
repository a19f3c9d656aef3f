import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Incident } from './incident.entity';
import { IncidentStateService } from './incident-state.service';

@Module({
  imports: [TypeOrmModule.forFeature([Incident])],
  providers: [IncidentStateService],
  exports: [IncidentStateService],
})
export class IncidentStateModule {}
