import { Module } from '@nestjs/common';

/** Filled in by the letters issue. */
@Module({})
export class LettersModule {}
