import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CustomersService } from '../customers/customers.service';
import { Incident } from '../incidents/incident.entity';
import { personalDataGone, purgedLettersMessage } from '../incidents/retention-rules';
import type { StaffMember } from '../staff/staff-member.entity';
import { LettersService, PREVIEW_TOKEN } from './letters.service';

/** Staff preview of one customer's letter, exactly as it would be sent but with a placeholder link token. */
@Injectable()
export class LetterPreviewService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    private readonly customers: CustomersService,
    private readonly letters: LettersService,
    private readonly audit: AuditService,
  ) {}

  async previewHtml(incidentId: number, customerNumber: string, staff: StaffMember): Promise<string> {
    const incident = await this.incidents.findOne({ where: { id: incidentId } });
    if (!incident) throw new NotFoundException(`Incident ${incidentId} does not exist.`);
    if (personalDataGone(incident, new Date())) throw new GoneException(purgedLettersMessage(incidentId));
    const customer = await this.customers.findByNumber(incidentId, customerNumber);
    // The number is not echoed: it identifies a person.
    if (!customer) throw new NotFoundException(`Incident ${incidentId} has no affected customer with that customer number.`);
    const letter = this.letters.render(incident, customer, { token: PREVIEW_TOKEN, sendDate: new Date() });
    await this.audit.record(staff, 'letter.preview', `customer:${customer.id}`, {
      incidentId,
      tier: customer.tier,
      templateVersion: this.letters.templateVersion(),
      tipIds: letter.tipIds,
    });
    return letter.html;
  }
}
