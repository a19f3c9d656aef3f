import { Module } from '@nestjs/common';

/** Filled in by the hotline issue. */
@Module({})
export class HotlineModule {}
