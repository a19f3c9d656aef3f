import { BadRequestException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CustomersService } from '../customers/customers.service';
import { IncidentsService } from '../incidents/incidents.service';
import { personalDataGone, purgedLettersMessage } from '../incidents/retention-rules';
import { LettersService, PREVIEW_TOKEN } from '../letters/letters.service';
import type { LetterKind } from './letter.entity';
import { LetterWaves } from './letter-waves.service';

type StaffActor = { id: number; name: string; role: string };

/**
 * A campaign's letters as they will be sent (follow-up openings, an update's own text, reminders),
 * with a placeholder link token: for one customer, or for the first recipient in a language so the
 * team can read their update before a colleague approves it.
 */
@Injectable()
export class CampaignPreviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly incidents: IncidentsService,
    private readonly customers: CustomersService,
    private readonly letters: LettersService,
    private readonly waves: LetterWaves,
    private readonly audit: AuditService,
  ) {}

  async forCustomer(campaignId: number, customerNumber: string, actor: StaffActor): Promise<string> {
    const incidentId = await this.incidentOf(campaignId);
    const customer = await this.customers.findByNumber(incidentId, customerNumber);
    // The number is not echoed: it identifies a person.
    if (!customer) throw new NotFoundException(`Incident ${incidentId} has no affected customer with that customer number.`);
    return this.render(campaignId, incidentId, String(customer.id), actor);
  }

  async sample(campaignId: number, language: string | undefined, actor: StaffActor): Promise<string> {
    if (language !== undefined && language !== 'nl' && language !== 'en') throw new BadRequestException('language must be "nl" or "en"');
    const incidentId = await this.incidentOf(campaignId);
    const rows: { customerId: string }[] = await this.db.query(
      `SELECT l.customerId FROM letters l JOIN affected_customers c ON c.id = l.customerId
        WHERE l.campaignId = ? ${language ? 'AND c.language = ?' : ''} ORDER BY l.followsSeverity IS NULL, l.id LIMIT 1`,
      language ? [campaignId, language] : [campaignId],
    );
    if (!rows[0]) throw new NotFoundException(`Campaign ${campaignId} has no letter${language ? ` to a customer whose language is ${language}` : ''}.`);
    return this.render(campaignId, incidentId, String(rows[0].customerId), actor);
  }

  private async incidentOf(campaignId: number): Promise<number> {
    const rows: { incidentId: number }[] = await this.db.query('SELECT incidentId FROM campaigns WHERE id = ?', [campaignId]);
    if (!rows[0]) throw new NotFoundException(`Campaign ${campaignId} does not exist.`);
    return Number(rows[0].incidentId);
  }

  private async render(campaignId: number, incidentId: number, customerId: string, actor: StaffActor): Promise<string> {
    const rows: { kind: LetterKind; followsSeverity: number | null; followsMask: number | null }[] = await this.db.query(
      'SELECT kind, followsSeverity, followsMask FROM letters WHERE campaignId = ? AND customerId = ?',
      [campaignId, customerId],
    );
    if (!rows[0]) throw new NotFoundException(`That customer gets no letter in campaign ${campaignId}.`);
    const r = rows[0];
    const [incident, customer, wave] = await Promise.all([
      this.incidents.get(incidentId),
      this.customers.findById(customerId),
      this.waves.waveFor({ campaignId, kind: r.kind, followsSeverity: r.followsSeverity === null ? null : Number(r.followsSeverity), followsMask: r.followsMask === null ? null : Number(r.followsMask) }),
    ]);
    if (!customer) throw new NotFoundException(`That customer gets no letter in campaign ${campaignId}.`);
    if (personalDataGone(incident, new Date())) throw new GoneException(purgedLettersMessage(incidentId));
    const letter = this.letters.render(incident, customer, { token: PREVIEW_TOKEN, sendDate: new Date(), wave });
    await this.audit.record(actor, 'letter.preview', `customer:${customer.id}`, { incidentId, campaignId, kind: r.kind, templateVersion: this.letters.templateVersion(), tipIds: letter.tipIds });
    return letter.html;
  }
}
