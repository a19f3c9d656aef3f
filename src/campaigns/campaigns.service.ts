import { BadRequestException, ConflictException, ForbiddenException, GoneException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CustomersService } from '../customers/customers.service';
import type { Tier } from '../customers/tiers';
import { IncidentStateService } from '../incidents/incident-state.service';
import { LettersService } from '../letters/letters.service';
import { newLinkToken } from '../tracking/link-token';
import { TrackingService } from '../tracking/tracking.service';
import type { Campaign, CampaignKind, CampaignStatus } from './campaign.entity';
import type { LetterChannel, LetterState } from './letter.entity';
import { LetterQueue } from './letter-queue.service';
import { csvRow, POSTAL_HEADER, postalReason } from './postal-csv';
import { describeApprovalChanges, diffRecipients, RecipientsHasher } from './recipients';
import { campaignFailureKey, campaignRunStartKey } from './send-policy';
import { UpdateText, updateTextHash } from './update-text';
import { WarningLedger } from './warning-ledger.service';
import { CampaignRequest, CampaignSpec, WavePlanner } from './wave-planner.service';
import { emptyTally, nobodyToSendTo, PlannedLetter, WaveTally } from './waves';

export interface CampaignCounts {
  total: number;
  email: number;
  post: number;
  pending: number;
  queued: number;
  sending: number;
  sent: number;
  retrying: number;
  failed: number;
  unknown: number;
  delivered: number;
  bounced: number;
  /** Postal moments (postal module): in a finished print batch, confirmed posted, came back. */
  printed: number;
  posted: number;
  returned: number;
  clicked: number;
  acknowledged: number;
  /** Letters dropped at start because another campaign had just warned that customer at that severity. */
  alreadyWarned: number;
  /** Reminders sent (started reminder campaigns) for this campaign's letters. */
  reminded: number;
}

export interface CampaignView {
  id: number;
  incidentId: number;
  status: CampaignStatus;
  kind: CampaignKind;
  tiers: Tier[];
  update: UpdateText | null;
  reminder: { campaignId: number; afterDays: number } | null;
  createdBy: number;
  approvedBy: number | null;
  approvedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  pausedReason: string | null;
  /** When a campaign that paused itself on temporary SMTP refusals sends again by itself. */
  resumeAt: string | null;
  templateVersion: string | null;
  counts: CampaignCounts;
}

/** What a campaign would be, before it is created (the console shows it) and as created. */
export interface CampaignPlan extends WaveTally {
  kind: CampaignKind;
  tiers: Tier[];
}

export type { CampaignRequest };

export interface CreatedCampaign extends CampaignPlan {
  id: number;
  incidentId: number;
  status: 'draft';
}


type StaffActor = { id: number; name: string; role: string };

/**
 * Campaign lifecycle: draft (letters created) → approved by a second comms member → sending →
 * paused/sending → completed. Post letters stay `pending`: they are never e-mailed; the print house
 * takes them from the postal list, together with e-mail letters that failed, bounced or whose
 * outcome is unknown.
 *
 * Concurrency (several API and worker processes): every status change is either one guarded
 * update or a transaction that first locks the campaign row (`FOR UPDATE`): approve, start and
 * resolving a letter. Completion (reconciler) is one guarded update on the invariant in
 * campaign-invariants.ts, which no other transition can make true early: start releases the
 * letters in the same transaction that says `sending`.
 */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger('campaigns');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly customers: CustomersService,
    private readonly letters: LettersService,
    private readonly tracking: TrackingService,
    private readonly audit: AuditService,
    private readonly queue: LetterQueue,
    private readonly planner: WavePlanner,
    private readonly ledger: WarningLedger,
    private readonly incidentState: IncidentStateService,
  ) {}

  /**
   * Who a campaign would reach, without creating it: the counts `create` answers, for the console
   * to show before anybody commits to it. Bad requests are 400s saying what to change.
   */
  async plan(incidentId: number, request: CampaignRequest): Promise<CampaignPlan> {
    const spec = await this.planner.specFor(incidentId, request);
    return { kind: spec.kind, tiers: spec.tiers, ...(await this.planner.plan(spec)) };
  }

  /** `request` may still be a bare list of tiers (a warning campaign), as callers written before campaign kinds pass it. */
  async create(incidentId: number, request: CampaignRequest | Tier[], actor: StaffActor): Promise<CreatedCampaign> {
    const spec = await this.planner.specFor(incidentId, Array.isArray(request) ? { tiers: request } : request);
    const { kind, tiers } = spec;
    const planned = await this.planner.plan(spec);
    if (planned.recipients === 0) throw new BadRequestException(nobodyToSendTo(kind, tiers, planned));
    const res: { insertId: number } = await this.db.query(
      "INSERT INTO campaigns (incidentId, tiers, status, createdBy, kind, updateText, remindsCampaignId, reminderAfterDays) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)",
      [incidentId, JSON.stringify(tiers), actor.id, kind, spec.updateText && JSON.stringify(spec.updateText), spec.reminder?.campaignId ?? null, spec.reminder?.afterDays ?? null],
    );
    const id = Number(res.insertId);
    const { hash, tally } = await this.syncLetters(this.db, id, spec);
    if (tally.recipients === 0) {
      // Another campaign warned them all in the moments since the plan.
      await this.db.query("DELETE FROM campaigns WHERE id = ? AND status = 'draft'", [id]);
      throw new BadRequestException(nobodyToSendTo(kind, tiers, tally));
    }
    await this.db.query('UPDATE campaigns SET recipientsHash = ? WHERE id = ?', [hash, id]);
    await this.audit.record(actor, 'campaign.create', `campaign:${id}`, {
      incidentId,
      kind,
      tiers,
      recipients: tally.recipients,
      email: tally.email,
      post: tally.post,
      alreadyWarned: tally.alreadyWarned,
      upgraded: tally.upgraded,
      ...(spec.updateText ? { updateTextHash: updateTextHash(spec.updateText) } : {}),
      ...(spec.reminder ? { reminder: spec.reminder } : {}),
    });
    return { id, incidentId, status: 'draft', kind, tiers, ...tally };
  }

  /**
   * Concurrency: the whole approval is one transaction holding the campaign row (`FOR UPDATE`), so
   * a start (which takes the same lock) never runs while the letters are being re-synced, and two
   * approvals run one after the other. A crash mid-approval leaves the letters as they were.
   */
  async approve(id: number, actor: StaffActor): Promise<{ id: number; status: 'approved'; recipients: number; email: number; post: number; templateVersion: string }> {
    const c = await this.campaign(id);
    if (c.createdBy === actor.id) throw new ForbiddenException('You created this campaign; another member of the communications team must approve it.');
    const templateVersion = this.letters.templateVersion();
    const spec = this.planner.specOf(c);
    const synced = await this.db.transaction(async (tx) => {
      const { status } = await this.lock(tx, id);
      if (status !== 'draft' && status !== 'approved') throw new ConflictException(`Campaign ${id} is ${status}; only a draft or approved campaign can be approved.`);
      await this.incidentState.assertOpen(c.incidentId, 'campaign', tx);
      // The approval covers the recipients and their letters as they are now: bring the (still unsent) letters in line first.
      const sync = await this.syncLetters(tx, id, spec);
      if (sync.tally.recipients === 0) throw new ConflictException(`${nobodyToSendTo(spec.kind, spec.tiers, sync.tally)} This campaign cannot be approved.`);
      await tx.query("UPDATE campaigns SET status = 'approved', approvedBy = ?, approvedAt = UTC_TIMESTAMP(3), recipientsHash = ?, templateVersion = ? WHERE id = ?", [
        actor.id,
        sync.hash,
        templateVersion,
        id,
      ]);
      return sync;
    });
    const { email, post } = synced.tally;
    await this.audit.record(actor, 'campaign.approve', `campaign:${id}`, {
      kind: spec.kind,
      recipients: email + post,
      email,
      post,
      templateVersion,
      ...(spec.updateText ? { updateTextHash: updateTextHash(spec.updateText) } : {}),
      lettersChangedSinceCreation: synced.change,
    });
    return { id, status: 'approved', recipients: email + post, email, post, templateVersion };
  }

  async start(id: number, actor: StaffActor): Promise<{ id: number; status: 'sending' }> {
    const c = await this.campaign(id);
    if (c.status === 'draft') throw new ConflictException(`Campaign ${id} is not approved yet; a member of the communications team other than its creator must approve it first.`);
    if (c.status !== 'approved') throw new ConflictException(`Campaign ${id} has already been started (status ${c.status}).`);
    const now = await this.recipientsNow(c);
    const templateVersion = this.letters.templateVersion();
    const recipientsChanged = now.hash !== c.recipientsHash;
    const templateChanged = templateVersion !== c.templateVersion;
    if (recipientsChanged || templateChanged) {
      const diff = recipientsChanged ? diffRecipients(await this.letterChannels(id), now.channels) : undefined;
      throw new ConflictException(
        describeApprovalChanges({
          recipients: diff && { ...diff, detailsChanged: diff.added + diff.removed + diff.channelChanged === 0 },
          template: templateChanged ? { approved: c.templateVersion ?? 'none', now: templateVersion } : undefined,
        }),
      );
    }
    // One transaction: the campaign says `sending` at the same instant its letters say `queued`, so
    // no reader (the reconciler in any process) can see a started campaign with unreleased letters.
    // The row lock also waits out an approval in progress; the hash is checked again under it.
    const queued = await this.db.transaction(async (tx) => {
      const locked = await this.lock(tx, id);
      if (locked.status !== 'approved') throw new ConflictException(`Campaign ${id} has already been started (status ${locked.status}).`);
      // Under the shared lock: a close in progress either finishes first (and this refuses) or sees this start.
      await this.incidentState.assertOpen(c.incidentId, 'campaign', tx);
      if (locked.recipientsHash !== now.hash || locked.templateVersion !== templateVersion) {
        throw new ConflictException(`Campaign ${id} was approved again while it was being started; reload it, check what was approved and start again.`);
      }
      // Warnings once per customer and severity: the ledger's key decides, also against a campaign starting right now elsewhere.
      await this.ledger.recordAtStart(tx, id);
      const released: { affectedRows: number } = await tx.query("UPDATE letters SET state = 'queued' WHERE campaignId = ? AND channel = 'email' AND state = 'pending'", [id]);
      await tx.query("UPDATE campaigns SET status = 'sending', startedAt = UTC_TIMESTAMP(3) WHERE id = ?", [id]);
      return released.affectedRows;
    });
    await this.audit.record(actor, 'campaign.start', `campaign:${id}`, { queued });
    this.enqueueInBackground(id);
    return { id, status: 'sending' };
  }

  /**
   * Concurrency: one guarded update. Letters already claimed finish; jobs taken while paused find
   * the campaign not `sending`, do nothing and end. The reconciler completes only `sending`
   * campaigns, so a paused one stays paused even when it has nothing left to send.
   */
  async pause(id: number, actor: StaffActor): Promise<{ id: number; status: CampaignStatus }> {
    const res: { affectedRows: number } = await this.db.query("UPDATE campaigns SET status = 'paused', pausedReason = ?, resumeAt = NULL WHERE id = ? AND status = 'sending'", [
      `Paused by staff member #${actor.id}`,
      id,
    ]);
    if (res.affectedRows !== 1) {
      const c = await this.campaign(id);
      throw new ConflictException(`Campaign ${id} is ${c.status}; only a sending campaign can be paused.`);
    }
    await this.audit.record(actor, 'campaign.pause', `campaign:${id}`);
    return { id, status: 'paused' };
  }

  /**
   * Concurrency: one guarded update, then jobs for every waiting letter (deterministic job ids, so
   * a job still in Redis is not doubled). A job that is still finishing its "paused, skip" run
   * when its letter is re-added makes that add a no-op; the reconciler sees the letter without a
   * job and adds it again. Either way the claim's guarded update lets one send through.
   */
  async resume(id: number, actor: StaffActor): Promise<{ id: number; status: CampaignStatus }> {
    // A closed incident's paused campaigns stay paused (the purge also waits while one sends).
    await this.incidentState.assertOpen((await this.campaign(id)).incidentId, 'campaign');
    const retried = await this.retryRefused(id);
    // A person looked: the next automatic pause starts with the shortest cool-off again.
    const res: { affectedRows: number } = await this.db.query(
      "UPDATE campaigns SET status = 'sending', pausedReason = NULL, resumeAt = NULL, autoPauses = 0, refusedSince = NULL WHERE id = ? AND status = 'paused'",
      [id],
    );
    if (res.affectedRows !== 1) {
      const c = await this.campaign(id);
      throw new ConflictException(`Campaign ${id} is ${c.status}; only a paused campaign can be resumed.`);
    }
    await this.queue.queue.client.del(campaignFailureKey(this.config.queuePrefix, id), campaignRunStartKey(this.config.queuePrefix, id));
    await this.audit.record(actor, 'campaign.resume', `campaign:${id}`, retried ? { lettersRetried: retried } : undefined);
    // Jobs taken while paused did nothing and are gone; give every waiting letter one again.
    this.enqueueInBackground(id);
    return { id, status: 'sending' };
  }

  /**
   * The reconciler's half of an automatic pause: campaigns whose cool-off is over send again.
   * Guarded by `resumeAt`, so a person's pause (which clears it) is never undone and several
   * reconcilers resume a campaign once. The failure count starts one short of the limit, so the
   * first letter refused again pauses it again (with a longer cool-off) instead of fifty more.
   */
  async resumeCooledOff(): Promise<number[]> {
    const due: { id: number; incidentId: number }[] = await this.db.query("SELECT id, incidentId FROM campaigns WHERE status = 'paused' AND resumeAt <= UTC_TIMESTAMP(3)");
    const resumed: number[] = [];
    for (const { id, incidentId } of due.map((r) => ({ id: Number(r.id), incidentId: Number(r.incidentId) }))) {
      if ((await this.incidentState.statusOf(incidentId)) !== 'open') {
        // A closed incident's campaigns stay paused, as for a person's resume; stop asking.
        await this.db.query("UPDATE campaigns SET resumeAt = NULL WHERE id = ? AND status = 'paused'", [id]);
        continue;
      }
      // While still paused (see retryRefused); a second reconciler finds those letters queued already.
      const retried = await this.retryRefused(id);
      const res: { affectedRows: number } = await this.db.query(
        "UPDATE campaigns SET status = 'sending', pausedReason = NULL, resumeAt = NULL WHERE id = ? AND status = 'paused' AND resumeAt <= UTC_TIMESTAMP(3)",
        [id],
      );
      if (res.affectedRows !== 1) continue;
      await this.queue.queue.client.set(campaignFailureKey(this.config.queuePrefix, id), String(Math.max(0, this.config.sendFailurePauseAfter - 1)), 'EX', 86400);
      await this.audit.record(SYSTEM_ACTOR, 'campaign.resume', `campaign:${id}`, { automatic: true, ...(retried ? { lettersRetried: retried } : {}) });
      this.enqueueInBackground(id);
      resumed.push(id);
    }
    return resumed;
  }

  /**
   * The e-mail letters the relay refused for good during the run of failures that paused the
   * campaign go back to `queued`: a run of refusals across many customers is the relay's doing
   * (a wrong sender address, a lapsed login), not their addresses', and they should still get
   * the e-mail. Safe to send: a refusal means the relay did not take the letter. Letters already
   * in a print batch stay as they are (they are on paper).
   */
  private async retryRefused(id: number): Promise<number> {
    // Under the campaign's lock, which a new print batch takes too: a letter goes either to paper or back to e-mail.
    return this.db.transaction(async (tx) => {
      await this.lock(tx, id);
      const res: { affectedRows: number } = await tx.query(
        `UPDATE letters l JOIN campaigns c ON c.id = l.campaignId SET l.state = 'queued', l.nextAttemptAt = NULL
          WHERE c.id = ? AND c.status = 'paused' AND c.refusedSince IS NOT NULL AND l.campaignId = ? AND l.channel = 'email' AND l.state = 'failed' AND l.updatedAt >= c.refusedSince
            AND NOT EXISTS (SELECT 1 FROM print_items i WHERE i.letterId = l.id)`,
        [id, id],
      );
      return res.affectedRows;
    });
  }

  async view(id: number): Promise<CampaignView> {
    const c = await this.campaign(id);
    return {
      id: c.id,
      incidentId: c.incidentId,
      status: c.status,
      kind: c.kind,
      tiers: c.tiers,
      update: c.updateText ? (JSON.parse(c.updateText) as UpdateText) : null,
      reminder: c.remindsCampaignId ? { campaignId: Number(c.remindsCampaignId), afterDays: Number(c.reminderAfterDays) } : null,
      createdBy: c.createdBy,
      approvedBy: c.approvedBy,
      approvedAt: c.approvedAt ? c.approvedAt.toISOString() : null,
      startedAt: c.startedAt ? c.startedAt.toISOString() : null,
      completedAt: c.completedAt ? c.completedAt.toISOString() : null,
      pausedReason: c.pausedReason,
      resumeAt: c.resumeAt ? c.resumeAt.toISOString() : null,
      templateVersion: c.templateVersion,
      counts: await this.counts(id),
    };
  }

  /** The campaigns of an incident, newest first (for the console's incident page). */
  async listForIncident(incidentId: number): Promise<{ id: number; status: CampaignStatus; tiers: Tier[]; createdAt: string }[]> {
    const rows: { id: number; status: CampaignStatus; tiers: string | Tier[]; createdAt: Date }[] = await this.db.query('SELECT id, status, tiers, createdAt FROM campaigns WHERE incidentId = ? ORDER BY id DESC', [incidentId]);
    return rows.map((r) => ({ id: Number(r.id), status: r.status, tiers: typeof r.tiers === 'string' ? (JSON.parse(r.tiers) as Tier[]) : r.tiers, createdAt: new Date(r.createdAt).toISOString() }));
  }

  async counts(id: number): Promise<CampaignCounts> {
    const [[r], engagement] = await Promise.all([
      this.db.query<Record<string, string | null>[]>(
        `SELECT COUNT(*) total, SUM(channel = 'email') email, SUM(channel = 'post') post,
                SUM(state = 'pending') pending, SUM(state = 'queued') queued, SUM(state = 'sending') sending, SUM(state = 'sent') sent,
                SUM(state = 'retrying') retrying, SUM(state = 'failed') failed, SUM(state = 'unknown') unknown,
                SUM(deliveredAt IS NOT NULL AND bouncedAt IS NULL) delivered, SUM(bouncedAt IS NOT NULL) bounced,
                SUM(printedAt IS NOT NULL) printed, SUM(postedAt IS NOT NULL) posted, SUM(returnedAt IS NOT NULL) returned,
                (SELECT alreadyWarnedAtStart FROM campaigns WHERE id = ?) alreadyWarned,
                (SELECT COUNT(*) FROM letters rl JOIN campaigns rc ON rc.id = rl.campaignId WHERE rc.remindsCampaignId = ? AND rc.startedAt IS NOT NULL) reminded
           FROM letters WHERE campaignId = ?`,
        [id, id, id],
      ),
      this.tracking.countsForCampaign(id),
    ]);
    const n = (k: string) => Number(r?.[k] ?? 0);
    return {
      total: n('total'),
      email: n('email'),
      post: n('post'),
      pending: n('pending'),
      queued: n('queued'),
      sending: n('sending'),
      sent: n('sent'),
      retrying: n('retrying'),
      failed: n('failed'),
      unknown: n('unknown'),
      delivered: n('delivered'),
      bounced: n('bounced'),
      printed: n('printed'),
      posted: n('posted'),
      returned: n('returned'),
      clicked: engagement.clicked,
      acknowledged: engagement.acknowledged,
      alreadyWarned: n('alreadyWarned'),
      reminded: n('reminded'),
    };
  }

  /** The postal list as CSV lines (header first): post letters, and e-mail letters that failed, bounced or are unknown. */
  async *postalCsv(id: number, actor: StaffActor): AsyncGenerator<string> {
    const c = await this.campaign(id);
    if (await this.incidentState.personalDataGone(c.incidentId)) {
      throw new GoneException(`The customers' personal data of incident ${c.incidentId} has been removed (it was closed); the postal list of campaign ${id} no longer exists.`);
    }
    await this.audit.record(actor, 'campaign.postal', `campaign:${id}`);
    yield csvRow([...POSTAL_HEADER]);
    let afterId = '0';
    for (;;) {
      const rows: { id: string; customerId: string; channel: string; state: string; bouncedAt: Date | null }[] = await this.db.query(
        `SELECT id, customerId, channel, state, bouncedAt FROM letters
          WHERE campaignId = ? AND id > ? AND (channel = 'post' OR state IN ('failed','unknown') OR bouncedAt IS NOT NULL)
          ORDER BY id LIMIT 2000`,
        [id, afterId],
      );
      if (rows.length === 0) return;
      const customers = new Map((await this.customers.findByIds(rows.map((r) => String(r.customerId)))).map((c) => [String(c.id), c]));
      let chunk = '';
      for (const l of rows) {
        const c = customers.get(String(l.customerId));
        chunk += csvRow([String(l.id), c?.name, c?.street, c?.houseNumber, c?.houseNumberSuffix, c?.postcode, c?.city, c?.language, postalReason(l)]);
      }
      yield chunk;
      afterId = String(rows[rows.length - 1].id);
    }
  }

  /** An admin's decision on a letter whose outcome is unknown: it was sent after all, or send it again. */
  async resolveLetter(letterId: string, outcome: 'sent' | 'resend', actor: StaffActor): Promise<{ id: string; state: LetterState }> {
    const rows: { id: string; campaignId: number; state: LetterState; attempts: number }[] = await this.db.query('SELECT id, campaignId, state, attempts FROM letters WHERE id = ?', [
      letterId,
    ]);
    const letter = rows[0];
    if (!letter) throw new NotFoundException(`Letter ${letterId} does not exist.`);
    if (letter.state !== 'unknown') throw new ConflictException(`Letter ${letterId} is ${letter.state}; only a letter with an unknown outcome can be resolved.`);
    if (outcome === 'resend') await this.incidentState.assertOpen((await this.campaign(Number(letter.campaignId))).incidentId, 'campaign');
    const state: LetterState = outcome === 'sent' ? 'sent' : 'queued';
    // One transaction: a completed campaign reopens at the same instant its letter is queued again,
    // so the tripwire never sees a completed campaign with a queued letter.
    const reopened = await this.db.transaction(async (tx) => {
      const { status } = await this.lock(tx, Number(letter.campaignId));
      const res: { affectedRows: number } = await tx.query(
        `UPDATE letters SET state = ?, sentAt = IF(? = 'sent', COALESCE(sentAt, UTC_TIMESTAMP(3)), sentAt), nextAttemptAt = NULL WHERE id = ? AND state = 'unknown'`,
        [state, state, letterId],
      );
      if (res.affectedRows !== 1) throw new ConflictException(`Letter ${letterId} changed while it was being resolved; reload and try again.`);
      if (outcome !== 'resend' || status !== 'completed') return false;
      // A finished campaign opens again for this letter; the reconciler completes it again afterwards.
      await tx.query("UPDATE campaigns SET status = 'sending' WHERE id = ?", [letter.campaignId]);
      return true;
    });
    await this.audit.record(actor, 'letter.resolve', `letter:${letterId}`, { outcome, campaignId: Number(letter.campaignId) });
    if (reopened) await this.audit.record(actor, 'campaign.resume', `campaign:${letter.campaignId}`, { reason: 'letter resent', letterId });
    if (outcome === 'resend') await this.queue.addOne(String(letter.id), Number(letter.attempts), 0);
    return { id: String(letter.id), state };
  }

  private enqueueInBackground(id: number): void {
    // 202 right away; if this process dies while adding jobs, the reconciler adds the rest.
    void this.queue.enqueueCampaign(id).catch((err: unknown) => this.logger.warn({ msg: 'enqueue incomplete; the reconciler will finish it', campaignId: id, error: err instanceof Error ? err.name : 'unknown' }));
  }

  /** Locks the campaign row until the transaction ends; returns what the state changes check under that lock. */
  private async lock(tx: EntityManager, id: number): Promise<Pick<Campaign, 'status' | 'recipientsHash' | 'templateVersion'>> {
    const rows: Pick<Campaign, 'status' | 'recipientsHash' | 'templateVersion'>[] = await tx.query(
      'SELECT status, recipientsHash, templateVersion FROM campaigns WHERE id = ? FOR UPDATE',
      [id],
    );
    if (!rows[0]) throw new NotFoundException(`Campaign ${id} does not exist.`);
    return rows[0];
  }

  private async campaign(id: number): Promise<Campaign> {
    const rows: (Omit<Campaign, 'tiers'> & { tiers: string })[] = await this.db.query('SELECT * FROM campaigns WHERE id = ?', [id]);
    const r = rows[0];
    if (!r) throw new NotFoundException(`Campaign ${id} does not exist.`);
    return { ...r, id: Number(r.id), incidentId: Number(r.incidentId), createdBy: Number(r.createdBy), approvedBy: r.approvedBy === null ? null : Number(r.approvedBy), tiers: JSON.parse(r.tiers) as Tier[] };
  }

  private async recipientsNow(c: Campaign): Promise<{ hash: string; channels: Map<string, LetterChannel> }> {
    const spec = this.planner.specOf(c);
    const hasher = new RecipientsHasher(this.planner.contentKey(spec));
    const channels = new Map<string, LetterChannel>();
    for await (const page of this.planner.pages(spec)) {
      for (const r of page) {
        hasher.add(r.customer, r.letter);
        channels.set(String(r.customer.id), r.letter.channel);
      }
    }
    return { hash: hasher.digest(), channels };
  }

  private async existingLetters(campaignId: number, tx: Pick<EntityManager, 'query'> = this.db): Promise<Map<string, PlannedLetter>> {
    const rows: (PlannedLetter & { customerId: string })[] = await tx.query(
      'SELECT customerId, kind, channel, severity, exposedMask, followsSeverity, followsMask FROM letters WHERE campaignId = ?',
      [campaignId],
    );
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return new Map(
      rows.map((r) => [
        String(r.customerId),
        { kind: r.kind, channel: r.channel, severity: Number(r.severity), exposedMask: Number(r.exposedMask), followsSeverity: num(r.followsSeverity), followsMask: num(r.followsMask) },
      ]),
    );
  }

  private async letterChannels(campaignId: number, tx: Pick<EntityManager, 'query'> = this.db): Promise<Map<string, LetterChannel>> {
    return new Map([...(await this.existingLetters(campaignId, tx))].map(([id, l]) => [id, l.channel]));
  }

  /**
   * Makes the unsent letters of a draft/approved campaign match who would get which letter now
   * (multi-row inserts; campaigns have 100k+ letters) and returns the hash the approval covers.
   *
   * Imports running meanwhile: customers are read page by page in id order; a customer an import
   * adds or changes mid-sync may or may not be in this pass, but the hash is computed from exactly
   * the rows this pass wrote letters for, so an approval covers exactly the letters that exist.
   * Start recomputes the recipients and refuses (409, saying what changed) when an import changed
   * them since; a new approval brings the letters in line again.
   */
  private async syncLetters(
    tx: Pick<EntityManager, 'query'>,
    campaignId: number,
    spec: CampaignSpec,
  ): Promise<{ hash: string; tally: WaveTally; change: { added: number; removed: number; channelChanged: number } }> {
    const existing = await this.existingLetters(campaignId, tx);
    const hasher = new RecipientsHasher(this.planner.contentKey(spec));
    const seen = new Set<string>();
    const tally = emptyTally();
    let added = 0;
    let channelChanged = 0;
    const changed: { customerId: string; letter: PlannedLetter }[] = [];
    for await (const page of this.planner.pages(spec, tally)) {
      const toInsert: unknown[][] = [];
      for (const { customer, letter } of page) {
        const id = String(customer.id);
        hasher.add(customer, letter);
        seen.add(id);
        const had = existing.get(id);
        if (had === undefined) {
          toInsert.push([campaignId, id, letter.kind, letter.channel, letter.severity, letter.exposedMask, letter.followsSeverity, letter.followsMask, 'pending', newLinkToken()]);
        } else if (!sameLetter(had, letter)) {
          if (had.channel !== letter.channel) channelChanged++;
          changed.push({ customerId: id, letter });
        }
      }
      for (let i = 0; i < toInsert.length; i += 1000) {
        const batch = toInsert.slice(i, i + 1000);
        // IGNORE: two approvals racing each other insert the same missing letters; the unique key keeps one.
        await tx.query(
          `INSERT IGNORE INTO letters (campaignId, customerId, kind, channel, severity, exposedMask, followsSeverity, followsMask, state, token) VALUES ${batch.map(() => '(?,?,?,?,?,?,?,?,?,?)').join(',')}`,
          batch.flat(),
        );
      }
      added += toInsert.length;
    }
    const removed = [...existing.keys()].filter((id) => !seen.has(id));
    for (let i = 0; i < removed.length; i += 1000) {
      await tx.query("DELETE FROM letters WHERE campaignId = ? AND customerId IN (?) AND state = 'pending'", [campaignId, removed.slice(i, i + 1000)]);
    }
    for (const { customerId, letter: l } of changed) {
      await tx.query(
        "UPDATE letters SET kind = ?, channel = ?, severity = ?, exposedMask = ?, followsSeverity = ?, followsMask = ? WHERE campaignId = ? AND customerId = ? AND state = 'pending'",
        [l.kind, l.channel, l.severity, l.exposedMask, l.followsSeverity, l.followsMask, campaignId, customerId],
      );
    }
    return { hash: hasher.digest(), tally, change: { added: existing.size ? added : 0, removed: removed.length, channelChanged } };
  }
}

function sameLetter(a: PlannedLetter, b: PlannedLetter): boolean {
  return a.kind === b.kind && a.channel === b.channel && a.severity === b.severity && a.exposedMask === b.exposedMask && a.followsSeverity === b.followsSeverity && a.followsMask === b.followsMask;
}
