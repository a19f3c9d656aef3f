import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn } from 'class-validator';
import { Tier, TIERS } from '../customers/tiers';

export class CreateCampaignDto {
  @ApiProperty({ example: ['photographed', 'viewed', 'searched'], description: 'Which tiers of affected customers get a letter' })
  @IsArray({ message: 'tiers must be a list, e.g. ["photographed","viewed"]' })
  @ArrayNotEmpty({ message: 'tiers must name at least one tier' })
  @ArrayMaxSize(3)
  @IsIn(TIERS, { each: true, message: `each tier must be one of: ${TIERS.join(', ')}` })
  tiers: Tier[];
}

export class ResolveLetterDto {
  @ApiProperty({ enum: ['sent', 'resend'], description: '`sent`: the customer has it after all; `resend`: send it again (may arrive twice)' })
  @IsIn(['sent', 'resend'], { message: 'outcome must be "sent" or "resend"' })
  outcome: 'sent' | 'resend';
}
