import { Module } from '@nestjs/common';
import { LettersService } from './letters.service';

@Module({ providers: [LettersService], exports: [LettersService] })
export class LettersModule {}
