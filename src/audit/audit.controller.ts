import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../staff/staff.decorators';
import { AuditQueryDto } from './audit.dto';
import { AuditService, AuditView } from './audit.service';

@ApiTags('audit')
@Controller('api/audit')
@StaffOnly('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQueryDto): Promise<AuditView[]> {
    return this.audit.list({ action: query.action, actorId: query.actor, limit: query.limit });
  }
}
