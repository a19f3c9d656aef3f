import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IncidentFactsDto } from './incident-facts.dto';

export class CreateIncidentDto extends IncidentFactsDto {
  @ApiProperty({ example: 'Customer records photographed at a service contractor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Polderstroom Energie', description: 'Company name as customers know it; the letters come from this name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  company: string;

  @ApiProperty({ example: '0800 123 4567' })
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{5,30}$/, { message: 'hotlinePhone must be a phone number of digits, spaces and dashes, e.g. 0800 123 4567' })
  hotlinePhone: string;

  @ApiProperty({ example: 'datalek@polderstroom.example' })
  @IsEmail({}, { message: 'hotlineEmail must be an e-mail address, e.g. datalek@company.example' })
  hotlineEmail: string;

  @ApiProperty({ example: '2026-11-20T09:30:00Z', description: 'When the breach was discovered (ISO-8601)' })
  @IsISO8601({ strict: true }, { message: 'discoveredAt must be an ISO-8601 date and time, e.g. 2026-11-20T09:30:00Z' })
  discoveredAt: string;

  @ApiPropertyOptional({ description: 'From address of the letters; defaults to hotlineEmail' })
  @IsOptional()
  @IsEmail({}, { message: 'senderEmail must be an e-mail address' })
  senderEmail?: string;

  @ApiPropertyOptional({ description: 'Short, factual description of what happened, in Dutch (no personal data)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ description: 'What the company has done about it' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  measuresTaken?: string;

  @ApiPropertyOptional({ description: 'English version of description, for customers whose language is en (default: the Dutch text)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  descriptionEn?: string;

  @ApiPropertyOptional({ description: 'English version of measuresTaken' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  measuresTakenEn?: string;

  @ApiPropertyOptional({ description: 'Track opens with a 1×1 image (off by default for privacy)' })
  @IsOptional()
  @IsBoolean()
  trackOpens?: boolean;
}
