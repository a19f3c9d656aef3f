import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SUBMISSION_PHASES, SubmissionPhase } from './deadline-rules';

export class AuthorityNotificationDto {
  @ApiProperty({ enum: SUBMISSION_PHASES })
  @IsIn(SUBMISSION_PHASES, { message: `phase must be one of: ${SUBMISSION_PHASES.join(', ')}` })
  phase: SubmissionPhase;

  @ApiProperty({ example: '2026-11-22T14:00:00Z', description: "When the notification was made in the authority's form" })
  @IsISO8601({ strict: true }, { message: 'submittedAt must be an ISO-8601 date and time, e.g. 2026-11-22T14:00:00Z' })
  submittedAt: string;

  @ApiProperty({ example: 'M-2026-123456', description: 'The reference the authority gave the notification' })
  @IsString()
  @IsNotEmpty({ message: 'reference must be the reference the authority gave the notification' })
  @MaxLength(100)
  reference: string;

  @ApiPropertyOptional({ description: 'Required when the first notification comes after the 72 hours: why it was late' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  delayReason?: string;
}

export class ControllerNotificationDto {
  @ApiPropertyOptional({ description: 'For a supplement: what is new, in plain text (paragraphs separated by a blank line)' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  note?: string;

  @ApiPropertyOptional({ description: 'Why the controller is told after the agreed term' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  delayReason?: string;
}

export class ReportFormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'text'] })
  @IsOptional()
  @IsIn(['json', 'text'], { message: 'format must be json or text' })
  format?: 'json' | 'text';
}
