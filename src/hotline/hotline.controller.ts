import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiExcludeEndpoint, ApiExtraModels, ApiNotFoundResponse, ApiTags, ApiTooManyRequestsResponse, getSchemaPath } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../staff/staff.decorators';
import { StaffMember } from '../staff/staff-member.entity';
import { HotlineCustomer } from './customer-view';
import { CreateContactDto, LookupByAddressDto, LookupByCustomerNumberDto, LookupsQueryDto } from './hotline.dto';
import { ContactCreated, HotlineService, LookupsPerStaff } from './hotline.service';

@ApiTags('hotline')
@ApiExtraModels(LookupByCustomerNumberDto, LookupByAddressDto)
@Controller('api/hotline')
export class HotlineController {
  constructor(private readonly hotline: HotlineService) {}

  /** The body is typed `unknown` on purpose: `parseLookup` is the one validator (see hotline.dto.ts). */
  @Post('lookup')
  @HttpCode(200)
  @StaffOnly('hotline')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(LookupByCustomerNumberDto) }, { $ref: getSchemaPath(LookupByAddressDto) }] } })
  @ApiNotFoundResponse({ description: 'No affected customer of this incident matches' })
  @ApiConflictResponse({ description: 'Several customers share the address: add birthDate' })
  @ApiTooManyRequestsResponse({ description: 'Lookup limit per staff member reached' })
  lookup(@Body() body: unknown, @CurrentStaff() staff: StaffMember): Promise<{ customer: HotlineCustomer }> {
    return this.hotline.lookup(staff, body);
  }

  /** Identifiers in a URL end up in access logs and browser history, so there is no GET lookup. */
  @Get('lookup')
  @ApiExcludeEndpoint()
  lookupByGet(): never {
    throw new HttpException('Look customers up with POST /api/hotline/lookup and the identifiers in the JSON body; identifiers never go in a URL.', HttpStatus.METHOD_NOT_ALLOWED);
  }

  @Post('contacts')
  @HttpCode(201)
  @StaffOnly('hotline')
  @ApiNotFoundResponse({ description: 'No affected customer of this incident has that number' })
  logContact(@Body() body: CreateContactDto, @CurrentStaff() staff: StaffMember): Promise<ContactCreated> {
    return this.hotline.logContact(staff, body);
  }

  @Get('lookups')
  @StaffOnly('admin')
  lookupsPerStaff(@Query() query: LookupsQueryDto): Promise<LookupsPerStaff> {
    return this.hotline.lookupsPerStaff(query.since ? new Date(query.since) : new Date(Date.now() - 24 * 3600_000));
  }
}
