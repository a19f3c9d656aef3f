import { Command, CommandRunner, Option } from 'nest-commander';
import { CLI_ACTOR } from '../audit/audit.service';
import { printResult } from '../common/cli-output';
import { StaffService } from './staff.service';

interface Options {
  name: string;
  role: string;
  email?: string;
}

@Command({ name: 'staff:create', description: 'Create a staff member and print their token (shown only once) and, with --email, a one-time console set-up link' })
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

@Command({ name: 'staff:disable', description: 'Disable a staff member: their token stops working and their console sessions end at once' })
export class StaffDisableCommand extends CommandRunner {
  constructor(private readonly staff: StaffService) {
    super();
  }

  async run(_: string[], options: { id: number }): Promise<void> {
    printResult(await this.staff.disable(options.id, CLI_ACTOR));
  }

  @Option({ flags: '--id <id>', description: 'The staff member id', required: true })
  parseId(value: string): number {
    if (!/^\d+$/.test(value)) throw new Error('--id must be a staff member id (a whole number).');
    return Number(value);
  }
}
