import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional } from 'class-validator';
import type { CampaignKind } from './campaign.entity';
import { Tier, TIERS } from '../customers/tiers';

export class CreateCampaignDto {
  @ApiProperty({ example: ['photographed', 'viewed', 'searched'], description: 'Which tiers of affected customers get a letter' })
  @IsArray({ message: 'tiers must be a list, e.g. ["photographed","viewed"]' })
  @ArrayNotEmpty({ message: 'tiers must name at least one tier' })
  @ArrayMaxSize(3)
  @IsIn(TIERS, { each: true, message: `each tier must be one of: ${TIERS.join(', ')}` })
  tiers: Tier[];

  @ApiPropertyOptional({ enum: ['warning', 'update', 'reminder'], default: 'warning', description: 'warning: once per customer and severity; update: the team’s own text to those already warned; reminder: to those who did not react to an earlier warning campaign' })
  @IsOptional()
  @IsIn(['warning', 'update', 'reminder'], { message: 'kind must be "warning", "update" or "reminder"' })
  kind?: CampaignKind;

  @ApiPropertyOptional({ description: 'Update campaigns: {nl: {subject, body}, en?: {subject, body}}; plain text, paragraphs separated by a blank line', example: { nl: { subject: 'Nieuws over het datalek', body: 'Eerste alinea.\n\nTweede alinea.' } } })
  @IsOptional()
  update?: unknown;

  @ApiPropertyOptional({ description: 'Reminder campaigns: {campaignId, afterDays}: the warning campaign to follow up, and after how many days without a click or read confirmation', example: { campaignId: 1, afterDays: 7 } })
  @IsOptional()
  reminder?: unknown;
}

export class ResolveLetterDto {
  @ApiProperty({ enum: ['sent', 'resend'], description: '`sent`: the customer has it after all; `resend`: send it again (may arrive twice)' })
  @IsIn(['sent', 'resend'], { message: 'outcome must be "sent" or "resend"' })
  outcome: 'sent' | 'resend';
}
