import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CLI_ACTOR } from '../audit/audit.service';
import { printResult, progressBar } from '../common/cli-output';
import { isTier, Tier, TIERS } from '../customers/tiers';
import { ImportsService } from './imports.service';

interface Options {
  incident: number;
  tier: Tier;
  dryRun?: boolean;
}

@Command({
  name: 'import',
  arguments: '<file>',
  description: 'Import a CSV file of affected customers for one tier (the same work as an upload, run here); prints the import summary',
})
export class ImportCommand extends CommandRunner {
  constructor(private readonly imports: ImportsService) {
    super();
  }

  async run([file]: string[], options: Options): Promise<void> {
    const summary = await this.imports.importFile(options.incident, options.tier, options.dryRun ?? false, resolve(file), CLI_ACTOR, (percent) =>
      progressBar('import', percent, 100),
    );
    progressBar('import', 100, 100);
    printResult(summary);
    if (summary.status !== 'completed') throw new UnprocessableEntityException(summary.message ?? `import ${summary.id} ${summary.status}`);
  }

  @Option({ flags: '--incident <id>', description: 'Incident id', required: true })
  parseIncident(value: string): number {
    if (!/^\d+$/.test(value)) throw new BadRequestException('--incident must be a number (the incident id).');
    return Number(value);
  }

  @Option({ flags: '--tier <tier>', description: 'photographed, viewed or searched', required: true })
  parseTier(value: string): Tier {
    if (!isTier(value)) throw new BadRequestException(`--tier must be one of: ${TIERS.join(', ')}.`);
    return value;
  }

  @Option({ flags: '--dry-run', description: 'Check and count everything, write nothing' })
  parseDryRun(): boolean {
    return true;
  }
}
