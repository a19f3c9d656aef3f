import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { AlertView, BrowsingAlertsService } from './browsing-alerts.service';
import { AlertsQueryDto, ResolveAlertDto } from './hotline.dto';

@ApiTags('hotline')
@Controller('api/hotline/alerts')
@StaffOnly('admin')
export class BrowsingAlertsController {
  constructor(private readonly alerts: BrowsingAlertsService) {}

  @Get()
  list(@Query() query: AlertsQueryDto): Promise<AlertView[]> {
    return this.alerts.list(query);
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such alert' })
  get(@Param('id', ParseIntPipe) id: number): Promise<AlertView> {
    return this.alerts.get(id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'No such alert' })
  @ApiConflictResponse({ description: 'The alert was already resolved' })
  resolve(@Param('id', ParseIntPipe) id: number, @Body() body: ResolveAlertDto, @CurrentStaff() admin: StaffMember): Promise<AlertView> {
    return this.alerts.resolve(admin, id, body.resolution ?? null);
  }
}
