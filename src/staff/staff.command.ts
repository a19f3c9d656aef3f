import { Command, CommandRunner, Option } from 'nest-commander';
import { CLI_ACTOR } from '../audit/audit.service';
import { printResult } from '../common/cli-output';
import { StaffService } from './staff.service';

interface Options {
  name: string;
  role: string;
  email?: string;
}

@Command({ name: 'staff:create', description: 'Create a staff member and print their token (shown only once)' })
export class StaffCreateCommand extends CommandRunner {
  constructor(private readonly staff: StaffService) {
    super();
  }

  async run(_: string[], options: Options): Promise<void> {
    const created = await this.staff.create({ name: options.name, role: options.role, email: options.email }, CLI_ACTOR);
    printResult(created);
  }

  @Option({ flags: '--name <name>', description: 'Full name', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: 'comms, hotline or admin', required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--email <email>', description: 'Where staff notifications go (optional)' })
  parseEmail(value: string): string {
    return value;
  }
}
