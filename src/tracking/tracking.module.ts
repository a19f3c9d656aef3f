import { Module } from '@nestjs/common';

/** Filled in by the tracking issue. */
@Module({})
export class TrackingModule {}
