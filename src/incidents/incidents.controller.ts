import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { CreateIncidentDto } from './incidents.dto';
import { ClosedIncident, IncidentsService, IncidentView } from './incidents.service';

@ApiTags('incidents')
@Controller('api/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @HttpCode(201)
  @StaffOnly('comms', 'admin')
  create(@Body() body: CreateIncidentDto, @CurrentStaff() staff: StaffMember): Promise<IncidentView> {
    return this.incidents.create(body, staff);
  }

  @Get(':id')
  @StaffOnly('comms', 'admin')
  get(@Param('id', ParseIntPipe) id: number): Promise<IncidentView> {
    return this.incidents.getView(id);
  }

  /** Closes the incident; RETENTION_DAYS later its customers' personal data is purged (README, "Retention and purge"). */
  @Post(':id/close')
  @HttpCode(200)
  @StaffOnly('admin')
  close(@Param('id', ParseIntPipe) id: number, @CurrentStaff() staff: StaffMember): Promise<ClosedIncident> {
    return this.incidents.close(id, staff);
  }
}
