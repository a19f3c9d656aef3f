import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createElement } from 'react';
import { DataSource } from 'typeorm';
import { CampaignFinished } from '../../emails/staff/campaign-finished';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { IncidentsService } from '../incidents/incidents.service';
import { StaffMailerService } from '../staff/staff-mailer.service';
import { hasOpenEmailLetters } from './campaign-invariants';
import { CampaignTripwire, TripwireReport, tripped } from './campaign-tripwire.service';
import { CampaignsService } from './campaigns.service';
import { LetterQueue } from './letter-queue.service';
import { listedJobIds } from '../queues/listed-jobs';

export interface ReconcileResult {
  campaigns: number;
  leasesExpired: number;
  reenqueued: number;
  completed: number[];
  /** Campaigns that paused themselves on temporary refusals and sent again by themselves on this run. */
  resumed: number[];
  /** Set on the runs that checked the invariants (every few intervals). */
  tripwire?: TripwireReport;
}

/**
 * Brings Bull back in line with the database (the source of truth), every few seconds and on
 * worker start: re-adds jobs that vanished (Redis restarted or flushed, a job given up after
 * stalling), turns expired leases into `unknown` (a worker died mid-send; we cannot know whether
 * the server got the letter), and completes campaigns with no e-mail letter left to move.
 * Safe to run in several processes at once: every write is a guarded update, every job add is
 * idempotent (deterministic job ids).
 *
 * Against the other writers, one by one:
 * - start: the campaign becomes `sending` in the same transaction that queues its letters, so a
 *   run sees either an approved campaign (ignored) or a sending one with queued letters.
 * - senders: leases expire only with a guarded `sending → unknown` update on an expired lease;
 *   a sender that finishes late still records `sent` (its update accepts `unknown` with its own
 *   Message-ID), so the letter is never sent twice and never lost.
 * - completion: one guarded update whose condition is the shared invariant (no e-mail letter
 *   `pending`/`queued`/`sending`/`retrying`, see campaign-invariants.ts); a letter that moves back
 *   to `queued` (resend) reopens its campaign in the same transaction.
 * - pause/resume: only `sending` campaigns are completed or re-enqueued; paused ones keep waiting,
 *   except that one that paused itself on temporary refusals is resumed once its cool-off is over
 *   (CampaignsService.resumeCooledOff, guarded by `resumeAt`, which a person's pause clears).
 * - webhooks only set delivery dates and turn `unknown` into `sent`: both final states.
 */
/**
 * Every this many reconcile intervals the reconciler checks job by job (even when the counts look
 * fine) and checks the invariants. By time, not by run count: runs triggered more often (several
 * processes, a test's tight loop) must not multiply the most expensive checks.
 */
const EXACT_CHECK_EVERY = 6;

@Injectable()
export class Reconciler {
  private readonly logger = new Logger('reconciler');
  /** When this process last did the exact job check and the tripwire; 0 = not yet, do it on the first run. */
  private lastExactCheck = 0;
  private lastTripwire = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: LetterQueue,
    private readonly tripwire: CampaignTripwire,
    private readonly campaigns: CampaignsService,
    private readonly incidents: IncidentsService,
    private readonly audit: AuditService,
    private readonly staffMailer: StaffMailerService,
  ) {}

  async run(): Promise<ReconcileResult> {
    const active: { id: number; status: string }[] = await this.db.query("SELECT id, status FROM campaigns WHERE status IN ('sending','paused')");
    const result: ReconcileResult = { campaigns: active.length, leasesExpired: 0, reenqueued: 0, completed: [], resumed: [] };
    if (this.due('lastTripwire')) result.tripwire = await this.checkInvariants();
    if (active.length === 0) return result;
    // A campaign resumed here is left to its own enqueueing on this run (read as paused above).
    result.resumed = await this.campaigns.resumeCooledOff();
    const activeIds = active.map((c) => Number(c.id));
    const sendingIds = active.filter((c) => c.status === 'sending').map((c) => Number(c.id));

    result.leasesExpired = await this.expireLeases(activeIds);
    if (sendingIds.length) {
      const enqueuing = await this.queue.beingEnqueued(sendingIds);
      result.reenqueued = await this.reenqueueLost(sendingIds.filter((id) => !enqueuing.has(id)));
      for (const id of sendingIds) if (await this.completeIfDone(id)) result.completed.push(id);
    }
    if (result.leasesExpired || result.reenqueued || result.completed.length || result.resumed.length) this.logger.log({ msg: 'reconciled', ...result });
    return result;
  }

  private async expireLeases(campaignIds: number[]): Promise<number> {
    let total = 0;
    for (;;) {
      // Plain read first, then a guarded update by primary key: no range locks against the senders.
      const rows: { id: string }[] = await this.db.query(
        "SELECT id FROM letters WHERE campaignId IN (?) AND state = 'sending' AND leaseUntil < UTC_TIMESTAMP(3) LIMIT 2000",
        [campaignIds],
      );
      if (rows.length === 0) return total;
      const res: { affectedRows: number } = await this.db.query(
        `UPDATE letters SET state = 'unknown', leaseUntil = NULL,
                lastError = 'lease expired: the worker stopped while sending; the server may have the letter'
          WHERE id IN (?) AND state = 'sending' AND leaseUntil < UTC_TIMESTAMP(3)`,
        [rows.map((r) => r.id)],
      );
      total += res.affectedRows;
      if (rows.length < 2000) return total;
    }
  }

  /**
   * Cheap check first: letters that still need a job versus the jobs Bull holds. When the database
   * has more, or on every few runs anyway, the exact check: which of those letters no job of Bull's
   * holds (see LetterQueue.addMissing). The exact check catches what the count cannot: a job id
   * left in a Bull list whose job is gone (keys lost mid-operation) still counts as held but will
   * never run, and a job hash whose id no list names is not counted yet blocks re-adding it.
   */
  private async reenqueueLost(campaignIds: number[]): Promise<number> {
    if (campaignIds.length === 0) return 0;
    // Jobs first, letters second. The other way round, every job that finished between the two
    // reads had its letter counted as waiting but its job no longer held, so a campaign sending a
    // few hundred letters a second looked like it had lost jobs on most runs, and each such run
    // cleaned Bull and checked every waiting letter's job (tens of thousands of reads) while the
    // hotline needed the CPU. In this order a letter still waiting at the second read was held at
    // the first: by its own job, or by the sending job still running while it schedules the retry
    // (campaigns whose start is still adding jobs are skipped by the caller), so only a loss shows.
    const held = await this.queue.jobsHeld();
    const [{ n }]: { n: string }[] = await this.db.query("SELECT COUNT(*) AS n FROM letters WHERE campaignId IN (?) AND state IN ('queued','retrying')", [campaignIds]);
    const needed = Number(n);
    if (needed === 0) return 0;
    if (held >= needed && !this.due('lastExactCheck')) return 0;
    if (held < needed) {
      this.logger.warn({ msg: 'letters without a job; re-adding', needed, held });
      await this.queue.dropFinishedJobs();
    }
    const jobs = await listedJobIds(this.queue.queue);
    let total = 0;
    for (const id of campaignIds) total += await this.queue.addMissing(id, jobs);
    return total;
  }

  /**
   * Completes a sending campaign when none of its e-mail letters can still move. The plain read
   * first keeps the row lock off campaigns that are obviously not done (every run, while senders
   * claim letters that read the same row); the update itself carries the same condition, so it
   * is the statement, not the read, that decides.
   */
  private async completeIfDone(campaignId: number): Promise<boolean> {
    const [pre]: { open: number }[] = await this.db.query(`SELECT ${hasOpenEmailLetters('c')} AS open FROM campaigns c WHERE c.id = ?`, [campaignId]);
    if (!pre || Number(pre.open) === 1) return false;
    const before: { completedAt: Date | null; createdBy: number; incidentId: number; startedAt: Date | null }[] = await this.db.query(
      'SELECT completedAt, createdBy, incidentId, startedAt FROM campaigns WHERE id = ?',
      [campaignId],
    );
    // No letter is open any more, so the counts are final (webhooks only add delivery dates).
    const counts = await this.campaigns.counts(campaignId);
    // The completion and its audit event in one transaction: whoever sees the campaign completed
    // also finds the event (a test read the audit log right after and sometimes missed it).
    const completed = await this.db.transaction(async (tx) => {
      const res: { affectedRows: number } = await tx.query(
        `UPDATE campaigns c SET c.status = 'completed', c.completedAt = COALESCE(c.completedAt, UTC_TIMESTAMP(3))
          WHERE c.id = ? AND c.status = 'sending' AND NOT ${hasOpenEmailLetters('c')}`,
        [campaignId],
      );
      if (res.affectedRows !== 1) return false;
      await this.audit.record(SYSTEM_ACTOR, 'campaign.complete', `campaign:${campaignId}`, { sent: counts.sent, failed: counts.failed, unknown: counts.unknown, post: counts.post }, tx);
      return true;
    });
    if (!completed) return false;
    // Reopened campaigns (an unknown letter sent again) complete again, but report only the first time.
    if (before[0] && before[0].completedAt === null) await this.report(campaignId, before[0], counts);
    return true;
  }

  /** True (and noted) when the periodic check kept in `field` is due in this process. */
  private due(field: 'lastExactCheck' | 'lastTripwire'): boolean {
    const now = Date.now();
    if (this[field] !== 0 && now - this[field] < EXACT_CHECK_EVERY * this.config.reconcileIntervalSeconds * 1000) return false;
    this[field] = now;
    return true;
  }

  /** The tripwire: logged as an error so that monitoring on the logs sees it; never personal data. */
  private async checkInvariants(): Promise<TripwireReport> {
    const report = await this.tripwire.check();
    if (tripped(report)) this.logger.error({ msg: 'campaign invariant broken: a person must look', ...report });
    return report;
  }

  private async report(campaignId: number, c: { createdBy: number; incidentId: number; startedAt: Date | null }, counts: Awaited<ReturnType<CampaignsService['counts']>>): Promise<void> {
    try {
      const incident = await this.incidents.get(c.incidentId);
      await this.staffMailer.sendToStaff(
        c.createdBy,
        `Campaign ${campaignId} finished: ${counts.sent} of ${counts.email} e-mails sent`,
        createElement(CampaignFinished, {
          campaignId,
          incidentTitle: incident.title,
          company: incident.company,
          startedAt: c.startedAt ? c.startedAt.toISOString() : null,
          completedAt: new Date().toISOString(),
          counts,
          postalUrl: `${this.config.publicBaseUrl}/api/campaigns/${campaignId}/postal`,
        }),
      );
    } catch (err) {
      this.logger.warn({ msg: 'campaign report not sent', campaignId, error: err instanceof Error ? err.name : 'unknown' });
    }
  }
}
