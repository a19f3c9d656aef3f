import { Command, CommandRunner, Option } from 'nest-commander';
import { CLI_ACTOR } from '../audit/audit.service';
import { printResult } from '../common/cli-output';
import { IncidentsService } from './incidents.service';

interface Options {
  title: string;
  company: string;
  hotlinePhone: string;
  hotlineEmail: string;
  discoveredAt: string;
  senderEmail?: string;
  description?: string;
  measures?: string;
  descriptionEn?: string;
  measuresEn?: string;
}

@Command({ name: 'incident:create', description: 'Create an incident (one data breach)' })
export class IncidentCreateCommand extends CommandRunner {
  constructor(private readonly incidents: IncidentsService) {
    super();
  }

  async run(_: string[], o: Options): Promise<void> {
    const created = await this.incidents.create(
      { title: o.title, company: o.company, hotlinePhone: o.hotlinePhone, hotlineEmail: o.hotlineEmail, discoveredAt: o.discoveredAt, senderEmail: o.senderEmail, description: o.description, measuresTaken: o.measures, descriptionEn: o.descriptionEn, measuresTakenEn: o.measuresEn },
      CLI_ACTOR,
    );
    printResult(created);
  }

  @Option({ flags: '--title <title>', required: true })
  title(v: string): string {
    return v;
  }
  @Option({ flags: '--company <name>', required: true })
  company(v: string): string {
    return v;
  }
  @Option({ flags: '--hotline-phone <phone>', required: true })
  hotlinePhone(v: string): string {
    return v;
  }
  @Option({ flags: '--hotline-email <email>', required: true })
  hotlineEmail(v: string): string {
    return v;
  }
  @Option({ flags: '--discovered-at <iso>', description: 'ISO-8601, e.g. 2026-11-20T09:30:00Z', required: true })
  discoveredAt(v: string): string {
    return v;
  }
  @Option({ flags: '--sender-email <email>', description: 'From address of the letters (default: hotline e-mail)' })
  senderEmail(v: string): string {
    return v;
  }
  @Option({ flags: '--description <text>', description: 'What happened, in one or two sentences (Dutch)' })
  description(v: string): string {
    return v;
  }
  @Option({ flags: '--measures <text>', description: 'What the company has done about it' })
  measures(v: string): string {
    return v;
  }
  @Option({ flags: '--description-en <text>', description: 'English version of --description' })
  descriptionEn(v: string): string {
    return v;
  }
  @Option({ flags: '--measures-en <text>', description: 'English version of --measures' })
  measuresEn(v: string): string {
    return v;
  }
}
