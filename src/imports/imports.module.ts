import { Module } from '@nestjs/common';

/** Filled in by the imports issue. */
@Module({})
export class ImportsModule {}
