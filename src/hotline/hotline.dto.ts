import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { CONTACT_OUTCOMES, ContactOutcome } from './contact.entity';

/**
 * The two lookup forms, for the API documentation only: the body is checked by `parseLookup`,
 * which can say in one message which forms are accepted (the generic validation cannot).
 */
export class LookupByCustomerNumberDto {
  @ApiProperty({ example: 1 })
  incidentId: number;

  @ApiProperty({ example: 'Caller asks whether her data was in the breach', minLength: 3, maxLength: 300 })
  reason: string;

  @ApiProperty({ example: 'K0000001', description: 'The complete customer number, exactly as on the letter' })
  customerNumber: string;
}

export class LookupByAddressDto {
  @ApiProperty({ example: 1 })
  incidentId: number;

  @ApiProperty({ example: 'Caller asks whether her data was in the breach', minLength: 3, maxLength: 300 })
  reason: string;

  @ApiProperty({ example: '1234 AB', description: 'Complete postcode; case and spaces do not matter' })
  postcode: string;

  @ApiProperty({ oneOf: [{ type: 'string', example: '12' }, { type: 'integer', example: 12 }], description: 'Digits only' })
  houseNumber: string | number;

  @ApiPropertyOptional({ example: 'A', description: 'Addition to the house number; 12 without a suffix does not match 12-A' })
  houseNumberSuffix?: string;

  @ApiPropertyOptional({ example: '1950-03-07', description: 'Needed when several customers share the address (YYYY-MM-DD or dd-mm-yyyy)' })
  birthDate?: string;
}

export class CreateContactDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  incidentId: number;

  @ApiProperty({ example: 'K0000001' })
  @IsString()
  @Length(1, 64)
  customerNumber: string;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  @IsIn(CONTACT_OUTCOMES, { message: `outcome must be one of: ${CONTACT_OUTCOMES.join(', ')}` })
  outcome: ContactOutcome;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What was said or agreed; no bank details' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class LookupsQueryDto {
  @ApiPropertyOptional({ example: '2026-11-24T00:00:00Z', description: 'Count lookups from this moment (default: the last 24 hours)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO-8601 date and time, e.g. 2026-11-24T00:00:00Z' })
  @Type(() => String)
  since?: string;
}

export class AlertsQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved', 'all'], default: 'all' })
  @IsOptional()
  @IsIn(['open', 'resolved', 'all'], { message: 'status must be open, resolved or all' })
  status?: 'open' | 'resolved' | 'all';
}

export class ResolveAlertDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Spoke with Henk: he was testing the new headset; no customer was called.', description: 'What you found; no customer details' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  resolution?: string;
}
