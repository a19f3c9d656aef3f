import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class BreachReportsQuery {
  @ApiPropertyOptional({ enum: ['new', 'rejected', 'incident'] })
  @IsOptional()
  @IsIn(['new', 'rejected', 'incident'], { message: 'status must be one of: new, rejected, incident' })
  status?: 'new' | 'rejected' | 'incident';
}

export class RejectBreachReportDto {
  @ApiProperty({ example: 'Not a breach: the reporter received their own invoice.' })
  @IsString()
  @IsNotEmpty({ message: 'reason must say why this report is not a breach' })
  @MaxLength(4000)
  reason: string;
}

export class BreachReportIncidentDto {
  @ApiPropertyOptional({ description: 'Default: "Breach report <reference>"' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: 'Default: the company of the latest incident' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({ description: 'Default: the hotline of the latest incident' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{5,30}$/, { message: 'hotlinePhone must be a phone number of digits, spaces and dashes, e.g. 0800 123 4567' })
  hotlinePhone?: string;

  @ApiPropertyOptional({ description: 'Default: the hotline of the latest incident' })
  @IsOptional()
  @IsEmail({}, { message: 'hotlineEmail must be an e-mail address' })
  hotlineEmail?: string;

  @ApiPropertyOptional({ description: 'Default: when the report came in' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'awareAt must be an ISO-8601 date and time, e.g. 2026-11-20T09:30:00Z' })
  awareAt?: string;

  @ApiPropertyOptional({ description: 'Default: when the report came in' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'discoveredAt must be an ISO-8601 date and time, e.g. 2026-11-20T09:30:00Z' })
  discoveredAt?: string;
}
