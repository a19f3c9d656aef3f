import { Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { printResult } from '../common/cli-output';
import { APP_CONFIG, AppConfig } from '../config/config';
import { keyringFor } from './keyring';
import { rotateKeys } from './rotate-keys';

@Command({
  name: 'keys:rotate',
  description: 'Re-seal every customer and contact note with the newest DATA_KEYS key (batches, resumable, safe while serving); prints what is left under each key id',
})
export class KeysRotateCommand extends CommandRunner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<void> {
    const result = await rotateKeys(this.db, keyringFor(this.config.dataKeys), {
      onBatch: (done) => process.stderr.write(`keys:rotate ${done} customers re-sealed\n`),
    });
    printResult(result);
  }
}
