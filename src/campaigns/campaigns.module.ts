import { Module } from '@nestjs/common';

/** Filled in by the campaigns issue. */
@Module({})
export class CampaignsModule {}
