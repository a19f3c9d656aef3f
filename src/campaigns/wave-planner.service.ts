import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AffectedCustomer } from '../customers/affected-customer.entity';
import { CustomersService } from '../customers/customers.service';
import { Tier, TIER_SEVERITY, TIERS } from '../customers/tiers';
import { IncidentStateService } from '../incidents/incident-state.service';
import { TrackingService } from '../tracking/tracking.service';
import type { Campaign, CampaignKind } from './campaign.entity';
import { channelFor } from './recipients';
import { parseReminderOption, selectReminders } from './reminders';
import { parseUpdateText, UpdateText, updateTextHash } from './update-text';
import { WarningLedger } from './warning-ledger.service';
import { countLetter, countRole, emptyTally, PlannedLetter, waveDecision, WaveTally } from './waves';

/** What decides a campaign's recipients and letters. */
export interface CampaignSpec {
  incidentId: number;
  tiers: Tier[];
  kind: CampaignKind;
  updateText: UpdateText | null;
  reminder: { campaignId: number; afterDays: number } | null;
}

/** What a comms member asks for (the body of POST /api/incidents/:id/campaigns). */
export interface CampaignRequest {
  tiers: Tier[];
  kind?: CampaignKind;
  update?: unknown;
  reminder?: unknown;
}

export interface PlannedRecipient {
  customer: AffectedCustomer;
  letter: PlannedLetter;
}

const PAGE = 5000;

/**
 * Works out, page by page in customer-id order, who gets which letter in a campaign: the wave
 * rules for warnings and updates (against the warnings ledger), the reminder rules for reminders.
 * The same pass serves planning (counts only), creating and approving letters, and the check at start.
 */
@Injectable()
export class WavePlanner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly customers: CustomersService,
    private readonly ledger: WarningLedger,
    private readonly tracking: TrackingService,
    private readonly incidentState: IncidentStateService,
  ) {}

  /** Checks a request and turns it into what decides recipients and letters. */
  async specFor(incidentId: number, request: CampaignRequest): Promise<CampaignSpec> {
    const tiers = TIERS.filter((t) => request.tiers.includes(t));
    if (tiers.length === 0) throw new BadRequestException(`Choose at least one tier: ${TIERS.join(', ')}.`);
    const kind = request.kind ?? 'warning';
    await this.incidentState.assertOpen(incidentId, 'campaign');
    if (kind !== 'update' && request.update !== undefined) throw new BadRequestException(['update is only for campaigns of kind "update"; leave it out or set kind to "update"']);
    if (kind !== 'reminder' && request.reminder !== undefined) throw new BadRequestException(['reminder is only for campaigns of kind "reminder"; leave it out or set kind to "reminder"']);
    let updateText: UpdateText | null = null;
    if (kind === 'update') {
      const parsed = parseUpdateText(request.update);
      if (!parsed.ok) throw new BadRequestException(parsed.messages);
      updateText = parsed.value;
    }
    let reminder: CampaignSpec['reminder'] = null;
    if (kind === 'reminder') {
      const parsed = parseReminderOption(request.reminder);
      if (!parsed.ok) throw new BadRequestException(parsed.messages);
      reminder = parsed.value;
      await this.checkReminded(incidentId, reminder);
    }
    return { incidentId, tiers, kind, updateText, reminder };
  }

  private async checkReminded(incidentId: number, reminder: { campaignId: number; afterDays: number }): Promise<void> {
    const rows: { incidentId: number; kind: string; startedAt: Date | null }[] = await this.db.query('SELECT incidentId, kind, startedAt FROM campaigns WHERE id = ?', [reminder.campaignId]);
    const r = rows[0];
    if (!r || Number(r.incidentId) !== incidentId) throw new BadRequestException([`reminder.campaignId: incident ${incidentId} has no campaign ${reminder.campaignId}`]);
    if (r.kind !== 'warning') throw new BadRequestException([`reminder.campaignId: campaign ${reminder.campaignId} is an ${r.kind} campaign; reminders follow up warning campaigns`]);
    if (!r.startedAt) throw new BadRequestException([`reminder.campaignId: campaign ${reminder.campaignId} has not been started yet; there is nothing to remind of`]);
    const from = new Date(r.startedAt.getTime() + reminder.afterDays * 86_400_000);
    if (from.getTime() > Date.now()) {
      throw new BadRequestException([`reminder.afterDays: campaign ${reminder.campaignId} started on ${r.startedAt.toISOString().slice(0, 10)}; a reminder after ${reminder.afterDays} days can be created from ${from.toISOString().slice(0, 16).replace('T', ' ')} UTC`]);
    }
  }

  /** The spec of a stored campaign. */
  specOf(c: Campaign): CampaignSpec {
    return {
      incidentId: c.incidentId,
      tiers: c.tiers,
      kind: c.kind,
      updateText: c.updateText ? (JSON.parse(c.updateText) as UpdateText) : null,
      reminder: c.remindsCampaignId ? { campaignId: Number(c.remindsCampaignId), afterDays: Number(c.reminderAfterDays) } : null,
    };
  }


  /** Part of what an approval covers besides the recipients: the kind and the update text or reminder settings. */
  contentKey(spec: CampaignSpec): string {
    if (spec.kind === 'update') return `update:${updateTextHash(spec.updateText)}`;
    if (spec.kind === 'reminder') return `reminder:${spec.reminder?.campaignId}:${spec.reminder?.afterDays}`;
    return '';
  }

  async plan(spec: CampaignSpec, now = new Date()): Promise<WaveTally> {
    const tally = emptyTally();
    for await (const page of this.pages(spec, tally, now)) void page;
    return tally;
  }

  /** Pages of recipients in ascending customer id; `tally` is filled in along the way. */
  async *pages(spec: CampaignSpec, tally: WaveTally = emptyTally(), now = new Date()): AsyncGenerator<PlannedRecipient[]> {
    if (spec.kind === 'reminder') {
      yield* this.reminderPages(spec, tally, now);
      return;
    }
    const kind = spec.kind;
    const severities = spec.tiers.map((t) => TIER_SEVERITY[t]);
    let afterId = '0';
    for (;;) {
      const page = await this.customers.recipientsPage(spec.incidentId, severities, afterId, PAGE);
      if (page.length === 0) return;
      afterId = String(page[page.length - 1].id);
      const priors = await this.ledger.priorWarnings(
        spec.incidentId,
        page.map((c) => String(c.id)),
      );
      const out: PlannedRecipient[] = [];
      for (const customer of page) {
        const decision = waveDecision(kind, customer, priors.get(String(customer.id)));
        countRole(tally, decision.role);
        if (!decision.letter) continue;
        const letter: PlannedLetter = { ...decision.letter, channel: channelFor(customer) };
        countLetter(tally, letter.channel);
        out.push({ customer, letter });
      }
      if (out.length) yield out;
    }
  }

  private async *reminderPages(spec: CampaignSpec, tally: WaveTally, now: Date): AsyncGenerator<PlannedRecipient[]> {
    if (!spec.reminder) return;
    const severities = new Set(spec.tiers.map((t) => TIER_SEVERITY[t]));
    let afterCustomer = '0';
    for (;;) {
      const rows: { id: string; customerId: string; sentAt: Date | null }[] = await this.db.query(
        `SELECT l.id, l.customerId, COALESCE(l.sentAt, c.startedAt) sentAt FROM letters l JOIN campaigns c ON c.id = l.campaignId
          WHERE l.campaignId = ? AND c.startedAt IS NOT NULL AND l.customerId > ? ORDER BY l.customerId LIMIT ${PAGE}`,
        [spec.reminder.campaignId, afterCustomer],
      );
      if (rows.length === 0) return;
      afterCustomer = String(rows[rows.length - 1].customerId);
      const [engagement, customers] = await Promise.all([
        this.tracking.engagementFor(rows.map((r) => String(r.id))),
        this.customers.findByIds(rows.map((r) => String(r.customerId))),
      ]);
      const byId = new Map(customers.map((c) => [String(c.id), c]));
      const candidates = rows.flatMap((r) => {
        const customer = byId.get(String(r.customerId));
        if (!customer || !severities.has(customer.tierSeverity)) return [];
        const e = engagement.get(String(r.id));
        return [{ customerId: String(r.customerId), sentAt: r.sentAt, clickedAt: e?.firstClickAt ?? null, acknowledgedAt: e?.acknowledgedAt ?? null, birthDate: customer.birthDate, email: customer.email }];
      });
      const out: PlannedRecipient[] = [];
      for (const choice of selectReminders(candidates, { afterDays: spec.reminder.afterDays, now })) {
        const customer = byId.get(choice.customerId)!;
        const letter: PlannedLetter = { kind: 'reminder', channel: choice.channel, severity: customer.tierSeverity, exposedMask: customer.exposedMask, followsSeverity: null, followsMask: null };
        countLetter(tally, letter.channel);
        out.push({ customer, letter });
      }
      if (out.length) yield out;
    }
  }
}
