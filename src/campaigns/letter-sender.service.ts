import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { retryTransient } from '../database/transient-errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CustomersService } from '../customers/customers.service';
import type { Incident } from '../incidents/incident.entity';
import { IncidentsService } from '../incidents/incidents.service';
import { LettersService } from '../letters/letters.service';
import { MailTransport, SendFailure } from '../mail/mail-transport';
import type { AffectedCustomer } from '../customers/affected-customer.entity';
import { LetterQueue } from './letter-queue.service';
import { MicroBatch } from './micro-batch';
import { LetterWaves, WaveLetterRow } from './letter-waves.service';
import { automaticPauseReason, campaignFailureKey, campaignRunStartKey, coolOffSeconds, retryDelayMs, stateAfterFailure } from './send-policy';

export type SendOutcome = 'skipped' | 'sent' | 'retrying' | 'failed' | 'unknown';

interface ClaimedLetter extends WaveLetterRow {
  id: string;
  campaignId: number;
  customerId: string;
  token: string;
  attempts: number;
  incidentId: number;
}

interface Claim {
  letter: ClaimedLetter;
  messageId: string;
  /** Until when this process may still write the letter's outcome as `sending` → …: its lease, less a margin. */
  writableUntil: number;
}

/**
 * Sends one letter, exactly once as far as the database can tell: claim (guarded update to
 * `sending` with a lease and a fresh Message-ID) → render → SMTP → record the outcome with an
 * update guarded by that Message-ID. A job for a letter that is not claimable does nothing.
 * The claims, customer reads and `sent` records of the letters a worker sends at the same time go
 * to MySQL as one statement each (MicroBatch): per-letter statements and their commits took the
 * shared cores from the sending itself.
 */
@Injectable()
export class LetterSender {
  private readonly logger = new Logger('letter-sender');
  private readonly incidents = new Map<number, { incident: Incident; until: number }>();
  private readonly failuresCounted = new Set<number>();
  private readonly claims = new MicroBatch<string, Claim | null>((ids) => this.claimMany(ids));
  private readonly customerReads = new MicroBatch<string, AffectedCustomer | undefined>((ids) => this.readCustomers(ids));
  private readonly sentRecords = new MicroBatch<{ id: string; messageId: string; tipIds: string[] }, void>((sent) => this.recordSentMany(sent));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly incidentsService: IncidentsService,
    private readonly customers: CustomersService,
    private readonly letters: LettersService,
    private readonly transport: MailTransport,
    private readonly queue: LetterQueue,
    private readonly audit: AuditService,
    private readonly waves: LetterWaves,
  ) {}

  async send(letterId: string): Promise<SendOutcome> {
    const claim = await this.claims.call(letterId);
    if (!claim) return 'skipped';
    const { letter, messageId } = claim;
    let tipIds: string[] = [];
    try {
      // Reads only: a database that restarts under them is waited for, within the lease.
      const [incident, customer, wave] = await retryTransient(
        () => Promise.all([this.incident(letter.incidentId), this.customerReads.call(letter.customerId), this.waves.waveFor(letter)]),
        claim.writableUntil,
      );
      if (!customer?.email) return await this.fail(claim, 'failed', 'no e-mail address on the customer record any more');
      const rendered = this.letters.render(incident, customer, { token: letter.token, sendDate: new Date(), wave });
      tipIds = rendered.tipIds;
      await this.transport.send({
        from: { name: incident.company, address: incident.senderEmail },
        to: customer.email,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: { 'X-Letter-Id': letter.id },
        messageId,
      });
    } catch (err) {
      if (err instanceof SendFailure) return this.failed(claim, err);
      // Rendering or reading failed before anything went out: safe to try again later.
      this.logger.warn({ msg: 'letter not sent', letterId: letter.id, error: err instanceof Error ? err.name : 'unknown' });
      return this.failed(claim, new SendFailure('transient', { dataStarted: false }, `internal error before sending (${err instanceof Error ? err.name : 'unknown'})`));
    }
    await this.sentRecords.call({ id: letter.id, messageId, tipIds });
    // A success ends a run of failures. Only a process that counted failures resets the counter,
    // which saves a Redis round trip per letter in the normal case.
    if (this.failuresCounted.delete(letter.campaignId)) await this.endFailureRun(letter.campaignId);
    return 'sent';
  }

  /**
   * Claims these letters with one guarded update: each gets the Message-ID `<id>.<nonce>@<domain>`
   * with one random nonce for the batch, so reading back which rows carry it tells exactly which
   * letters this call claimed. A letter listed twice is claimed for its first caller only.
   * The same nonce also makes the claim safe to repeat when the database went away under it: if
   * the first try was applied and only its answer lost, the read-back still finds those letters
   * (before, they sat in `sending` until their leases made them `unknown`, never sent).
   */
  private async claimMany(letterIds: string[]): Promise<(Claim | null)[]> {
    const unique = [...new Set(letterIds)];
    const nonce = randomBytes(9).toString('base64url');
    const domain = this.messageIdDomain();
    const messageIdOf = (id: string) => `${id}.${nonce}@${domain}`;
    const writableUntil = Date.now() + this.config.sendLeaseSeconds * 750;
    let tries = 0;
    const res: { affectedRows: number } = await retryTransient(() => {
      tries++;
      return this.db.query(
        `UPDATE letters l JOIN campaigns c ON c.id = l.campaignId
            SET l.state = 'sending', l.attempts = l.attempts + 1, l.messageId = CONCAT(l.id, '.', ?, '@', ?),
                l.leaseUntil = UTC_TIMESTAMP(3) + INTERVAL ? SECOND, l.nextAttemptAt = NULL
          WHERE l.id IN (?) AND l.channel = 'email' AND l.state IN ('queued','retrying')
            AND (l.nextAttemptAt IS NULL OR l.nextAttemptAt <= UTC_TIMESTAMP(3)) AND c.status = 'sending'`,
        [nonce, domain, this.config.sendLeaseSeconds, unique],
      );
    }, writableUntil);
    const claimed = new Map<string, Claim>();
    if (res.affectedRows > 0 || tries > 1) {
      const rows: ClaimedLetter[] = await retryTransient(
        () =>
          this.db.query(
            'SELECT l.id, l.campaignId, l.customerId, l.token, l.attempts, c.incidentId, l.kind, l.followsSeverity, l.followsMask FROM letters l JOIN campaigns c ON c.id = l.campaignId WHERE l.id IN (?) AND l.messageId IN (?)',
            [unique, unique.map(messageIdOf)],
          ),
        writableUntil,
      );
      for (const r of rows) {
        const id = String(r.id);
        claimed.set(id, {
          // The wave's columns as read: LetterWaves.waveFor takes them as they come.
          letter: { id, campaignId: Number(r.campaignId), customerId: String(r.customerId), token: r.token, attempts: Number(r.attempts), incidentId: Number(r.incidentId), kind: r.kind, followsSeverity: r.followsSeverity, followsMask: r.followsMask },
          messageId: messageIdOf(id),
          writableUntil,
        });
      }
    }
    const given = new Set<string>();
    return letterIds.map((id) => {
      if (given.has(id)) return null;
      given.add(id);
      return claimed.get(id) ?? null;
    });
  }

  private async readCustomers(ids: string[]): Promise<(AffectedCustomer | undefined)[]> {
    const byId = new Map((await this.customers.findByIds([...new Set(ids)])).map((c) => [String(c.id), c]));
    return ids.map((id) => byId.get(id));
  }

  /**
   * Records these letters as sent, each guarded by its own Message-ID (a Message-ID starts with its
   * letter's id, so `id IN … AND messageId IN …` matches no other pairing).
   */
  private async recordSentMany(sent: { id: string; messageId: string; tipIds: string[] }[]): Promise<void[]> {
    // The server has the letters: this write must not be lost to a database restart. It may come
    // after the lease (the update accepts `unknown` with the letter's own Message-ID), so it waits
    // up to a lease's length; if it still fails, the letters stay `unknown`, never resent.
    const cases = sent.map(() => 'WHEN ? THEN ?').join(' ');
    const params = [...sent.flatMap((s) => [s.id, JSON.stringify(s.tipIds)]), sent.map((s) => s.id), sent.map((s) => s.messageId)];
    await retryTransient(
      () =>
        this.db.query(
          `UPDATE letters SET state = 'sent', sentAt = UTC_TIMESTAMP(3), leaseUntil = NULL, lastError = NULL, tipIds = CASE id ${cases} END
            WHERE id IN (?) AND messageId IN (?) AND state IN ('sending','unknown')`,
          params,
        ),
      Date.now() + this.config.sendLeaseSeconds * 1000,
    );
    return sent.map(() => undefined);
  }

  private async failed(claim: Claim, failure: SendFailure): Promise<SendOutcome> {
    const { letter } = claim;
    const state = stateAfterFailure(failure.kind, letter.attempts, this.config.sendAttempts);
    const outcome = await this.fail(claim, state, failure.reason);
    this.failuresCounted.add(letter.campaignId);
    const failures = await this.redis().incr(this.failureKey(letter.campaignId));
    if (failures === 1) await this.startFailureRun(letter.campaignId, letter.id);
    if (failures >= this.config.sendFailurePauseAfter) await this.pauseForFailures(letter.campaignId, failures, failure);
    return outcome;
  }

  private async fail({ letter, messageId, writableUntil }: Claim, state: 'retrying' | 'failed' | 'unknown', reason: string): Promise<SendOutcome> {
    const delay = state === 'retrying' ? retryDelayMs(letter.attempts, this.config.sendRetryBaseMs) : 0;
    // Guarded by the Message-ID and `sending`, so safe to repeat while the database comes back;
    // only within the lease, after which the reconciler decides (`unknown`).
    await retryTransient(
      () =>
        this.db.query(
          `UPDATE letters SET state = ?, lastError = ?, leaseUntil = NULL,
                  nextAttemptAt = IF(? = 'retrying', UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND, NULL)
            WHERE id = ? AND messageId = ? AND state = 'sending'`,
          [state, reason.slice(0, 300), state, delay * 1000, letter.id, messageId],
        ),
      writableUntil,
    );
    // The row says `retrying` before the job exists; if this add is lost, the reconciler re-adds it.
    if (state === 'retrying') await this.queue.addOne(letter.id, letter.attempts, delay);
    return state;
  }

  /**
   * Pauses the campaign (guarded: only a `sending` one, once). On temporary refusals it also sets
   * when it sends again by itself (the reconciler resumes it then), a longer wait each time.
   */
  private async pauseForFailures(campaignId: number, failures: number, failure: SendFailure): Promise<void> {
    const [row]: { autoPauses: number }[] = await this.db.query('SELECT autoPauses FROM campaigns WHERE id = ?', [campaignId]);
    if (!row) return;
    const before = Number(row.autoPauses);
    const wait = coolOffSeconds(failure.kind, before, this.config.sendAutoResumeSeconds);
    const resumeAt = wait === null ? null : new Date(Date.now() + wait * 1000);
    const reason = automaticPauseReason(failures, failure.kind, failure.reason, wait, before);
    // Kept from the first pause of a series, so a resume gives every letter refused since then a
    // new try. Without the run's start (Redis lost it) nothing is retried: a person can still print.
    const since = await this.redis().get(this.runStartKey(campaignId));
    const res: { affectedRows: number } = await this.db.query(
      "UPDATE campaigns SET status = 'paused', pausedReason = ?, resumeAt = ?, autoPauses = autoPauses + 1, refusedSince = COALESCE(refusedSince, ?) WHERE id = ? AND status = 'sending'",
      [reason, resumeAt, since ? new Date(since) : null, campaignId],
    );
    if (res.affectedRows === 1) {
      this.logger.warn({ msg: 'campaign paused after consecutive failures', campaignId, failures, resumeAt: resumeAt?.toISOString() ?? null });
      await this.audit.record(SYSTEM_ACTOR, 'campaign.pause', `campaign:${campaignId}`, { automatic: true, consecutiveFailures: failures, failureKind: failure.kind, resumeAt: resumeAt?.toISOString() ?? null });
      await this.redis().del(this.failureKey(campaignId), this.runStartKey(campaignId));
    }
  }

  /**
   * Notes when a run of failures began, on the database's clock (the letter's own `updatedAt`,
   * just written), so the letters refused since are found by `updatedAt` however the machines'
   * clocks differ. A few seconds early: failures written side by side reach Redis in any order.
   */
  private async startFailureRun(campaignId: number, letterId: string): Promise<void> {
    const [row]: { updatedAt: Date }[] = await this.db.query('SELECT updatedAt FROM letters WHERE id = ?', [letterId]);
    await this.redis().expire(this.failureKey(campaignId), 86400);
    if (row) await this.redis().set(this.runStartKey(campaignId), new Date(new Date(row.updatedAt).getTime() - 5000).toISOString(), 'EX', 86400);
  }

  /** A letter went out: the run of failures is over, and so is the series of automatic pauses (the next cool-off starts short again). */
  private async endFailureRun(campaignId: number): Promise<void> {
    await this.redis().del(this.failureKey(campaignId), this.runStartKey(campaignId));
    await this.db.query('UPDATE campaigns SET autoPauses = 0, refusedSince = NULL WHERE id = ? AND (autoPauses > 0 OR refusedSince IS NOT NULL)', [campaignId]);
  }

  private async incident(id: number): Promise<Incident> {
    const cached = this.incidents.get(id);
    if (cached && cached.until > Date.now()) return cached.incident;
    const incident = await this.incidentsService.get(id);
    this.incidents.set(id, { incident, until: Date.now() + 60_000 });
    return incident;
  }

  private messageIdDomain(): string {
    try {
      return new URL(this.config.publicBaseUrl).hostname || 'fraud-warning.invalid';
    } catch {
      return 'fraud-warning.invalid';
    }
  }

  private failureKey(campaignId: number): string {
    return campaignFailureKey(this.config.queuePrefix, campaignId);
  }

  private runStartKey(campaignId: number): string {
    return campaignRunStartKey(this.config.queuePrefix, campaignId);
  }

  private redis(): LetterQueue['queue']['client'] {
    return this.queue.queue.client;
  }
}
