import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { describeError } from '../common/json-logger';
import { APP_CONFIG, AppConfig } from '../config/config';
import { erasePersonalData } from '../customers/personal-data';
import { UploadFiles } from '../imports/upload-files.service';
import { closeBlocker } from '../incidents/retention-rules';
import { readWorkInProgress } from '../incidents/work-in-progress';
import { MailTransport } from '../mail/mail-transport';
import { BatchFiles } from '../postal/batch-files.service';

/**
 * How long one process holds a purge before another may take it over (it died). Erasing a
 * million customers takes a minute or two; should a purge still run when its claim lapses, the
 * second one repeats the same idempotent erasing and only one of them marks the incident purged.
 */
const PURGE_CLAIM_SECONDS = 900;
const DUE_PER_SWEEP = 20;
const DAY_MS = 86_400_000;

export interface PurgeOutcome {
  incidentId: number;
  result: 'purged' | 'waiting' | 'taken';
  customers?: number;
}

export interface SweepOutcome {
  purges: PurgeOutcome[];
  uploadsDeleted: number;
  printBatchesEmptied: number;
}

/**
 * The retention sweep, run by worker processes every PURGE_SWEEP_SECONDS (RetentionProcessor):
 * purges closed incidents whose purgeAt has passed, deletes checked uploads that were never
 * imported, and deletes print files POSTED_PRINT_FILES_DAYS after their batch was posted. Any
 * number of processes may sweep at once: a purge is claimed in the incident row first (a guarded
 * update with a lease), and only the process whose update turns the incident `purged` audits it.
 */
@Injectable()
export class PurgeService {
  private readonly logger = new Logger('retention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly uploads: UploadFiles,
    private readonly printFiles: BatchFiles,
    private readonly mail: MailTransport,
  ) {}

  async sweep(now = new Date()): Promise<SweepOutcome> {
    const outcome: SweepOutcome = { purges: [], uploadsDeleted: 0, printBatchesEmptied: 0 };
    // The cheap indexed question first (ix_incident_purge): nothing due is the usual answer.
    const due: { id: number }[] = await this.db.query("SELECT id FROM incidents WHERE status = 'closed' AND purgeAt <= ? ORDER BY purgeAt LIMIT ?", [now, DUE_PER_SWEEP]);
    for (const { id } of due) {
      try {
        outcome.purges.push(await this.purge(Number(id)));
      } catch (err) {
        // The claim lapses and a later sweep tries again; the erasing so far stays done.
        this.logger.error({ msg: 'purge failed; it is tried again when its claim has lapsed', incidentId: Number(id), ...describeError(err) });
      }
    }
    outcome.uploadsDeleted = await this.uploads.deleteUnused(now);
    outcome.printBatchesEmptied = await this.printFiles.deletePosted(new Date(now.getTime() - this.config.postedPrintFilesDays * DAY_MS));
    if (outcome.uploadsDeleted || outcome.printBatchesEmptied) {
      this.logger.log({ msg: 'files no longer needed deleted', uploads: outcome.uploadsDeleted, printBatches: outcome.printBatchesEmptied });
    }
    return outcome;
  }

  /** Purges one due incident if this process wins its claim. */
  async purge(incidentId: number): Promise<PurgeOutcome> {
    const claimed: { affectedRows: number } = await this.db.query(
      `UPDATE incidents SET purgeClaimedUntil = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? SECOND)
        WHERE id = ? AND status = 'closed' AND purgeAt <= UTC_TIMESTAMP(3) AND (purgeClaimedUntil IS NULL OR purgeClaimedUntil < UTC_TIMESTAMP(3))`,
      [PURGE_CLAIM_SECONDS, incidentId],
    );
    if (claimed.affectedRows !== 1) return { incidentId, result: 'taken' };

    // Closing refused while these ran; one may still have slipped in (a resumed campaign, an import
    // queued as the incident closed). Erasing under them would send or print blank letters: wait.
    const blocker = closeBlocker(incidentId, await readWorkInProgress(this.db.manager, incidentId));
    if (blocker) {
      await this.db.query('UPDATE incidents SET purgeClaimedUntil = NULL WHERE id = ?', [incidentId]);
      this.logger.warn({ msg: 'purge due but waiting for work in progress', incidentId, reason: blocker });
      return { incidentId, result: 'waiting' };
    }

    // Not in one transaction: erasePersonalData commits range by range, and every step can simply
    // run again after a crash. The incident turns `purged` only after all of it.
    const customers = await erasePersonalData(this.db.manager, incidentId);
    await this.scrubLookupReasons(incidentId);
    const uploads = await this.uploads.deleteForIncident(incidentId);
    const printBatches = await this.printFiles.deleteForIncident(incidentId);
    const outbox = await this.removeOutboxLetters(incidentId);

    const marked = await this.db.transaction(async (tx) => {
      const res: { affectedRows: number } = await tx.query("UPDATE incidents SET status = 'purged', purgedAt = UTC_TIMESTAMP(3), purgeClaimedUntil = NULL WHERE id = ? AND status = 'closed'", [incidentId]);
      if (res.affectedRows !== 1) return false;
      await this.audit.record(SYSTEM_ACTOR, 'incident.purge', `incident:${incidentId}`, { customers, uploads, printBatches, outboxLetters: outbox }, tx);
      return true;
    });
    if (!marked) return { incidentId, result: 'taken' };
    this.logger.log({ msg: 'incident purged', incidentId, customers, uploads, printBatches, outboxLetters: outbox });
    return { incidentId, result: 'purged', customers };
  }

  /**
   * The reason hotline staff typed for each lookup is free text ("caller Mrs Jansen asked…"), so it
   * can hold what the purge removes; the audit keeps who looked up what and when, not that text.
   * In id ranges, so a large audit log is never one long transaction; running it again is harmless.
   */
  private async scrubLookupReasons(incidentId: number): Promise<void> {
    const [range]: { lo: string | null; hi: string | null }[] = await this.db.query("SELECT MIN(id) AS lo, MAX(id) AS hi FROM audit_events WHERE action = 'hotline.lookup'");
    if (range?.lo === null || range?.hi === null || !range) return;
    for (let from = BigInt(range.lo); from <= BigInt(range.hi); from += 10_000n) {
      await this.db.query(
        `UPDATE audit_events SET detail = JSON_SET(detail, '$.reason', 'removed at purge')
          WHERE id >= ? AND id < ? AND action = 'hotline.lookup' AND JSON_VALUE(detail, '$.incidentId') = ?
            AND JSON_VALUE(detail, '$.reason') IS NOT NULL AND JSON_VALUE(detail, '$.reason') <> 'removed at purge'`,
        [String(from), String(from + 10_000n), incidentId],
      );
    }
  }

  /** Without SMTP_URL letters are .eml files in the outbox, each a whole letter: the incident's go too. */
  private async removeOutboxLetters(incidentId: number): Promise<number> {
    const ids = this.mail.outboxLetterIds();
    let removed = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const mine: { id: string }[] = await this.db.query('SELECT l.id FROM letters l JOIN campaigns c ON c.id = l.campaignId WHERE c.incidentId = ? AND l.id IN (?)', [incidentId, ids.slice(i, i + 1000)]);
      removed += this.mail.removeFromOutbox(mine.map((r) => String(r.id)));
    }
    return removed;
  }
}
