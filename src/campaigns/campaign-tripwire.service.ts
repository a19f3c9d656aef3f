import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { hasOpenEmailLetters } from './campaign-invariants';

export interface StalledCampaign {
  campaignId: number;
  /** E-mail letters that could be sent now (queued, sending, or retrying and due). */
  dueLetters: number;
  /** When any letter of the campaign last changed. */
  lastMovedAt: string;
}

/** What must never be: when a list is not empty, something is wrong and a person should look. */
export interface TripwireReport {
  /** Campaigns that say `completed` while an e-mail letter can still move (the failure of issue 14). */
  completedWithOpenLetters: number[];
  /** Started campaigns with an e-mail letter still `pending`: a letter nothing will ever send. */
  startedWithPendingLetters: number[];
  /** Sending campaigns with letters due where no letter moved for longer than a lease. */
  stalled: StalledCampaign[];
}

export function tripped(r: TripwireReport): boolean {
  return r.completedWithOpenLetters.length + r.startedWithPendingLetters.length + r.stalled.length > 0;
}

/**
 * Checks the campaign invariants from outside the code paths that keep them, so that a bug in any
 * of those paths (or a hand-edited row) shows up instead of a silently finished mailing. Read-only;
 * run by the reconciler and by the admins' health detail.
 */
@Injectable()
export class CampaignTripwire {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async check(): Promise<TripwireReport> {
    const [completed, pending, stalled] = await Promise.all([
      this.db.query<{ id: number }[]>(`SELECT c.id FROM campaigns c WHERE c.status = 'completed' AND ${hasOpenEmailLetters('c')} ORDER BY c.id LIMIT 100`),
      this.db.query<{ id: number }[]>(
        `SELECT c.id FROM campaigns c WHERE c.status IN ('sending','paused','completed')
            AND EXISTS (SELECT 1 FROM letters l WHERE l.campaignId = c.id AND l.channel = 'email' AND l.state = 'pending') ORDER BY c.id LIMIT 100`,
      ),
      this.stalled(),
    ]);
    return { completedWithOpenLetters: completed.map((r) => Number(r.id)), startedWithPendingLetters: pending.map((r) => Number(r.id)), stalled };
  }

  private async stalled(): Promise<StalledCampaign[]> {
    const sending: { id: number }[] = await this.db.query("SELECT id FROM campaigns WHERE status = 'sending'");
    if (sending.length === 0) return [];
    const ids = sending.map((c) => Number(c.id));
    // A letter waiting out a retry delay is not stuck; nor is a campaign that is only slow (rate
    // limit): it moves, so its newest change is recent. Stuck is: work to do and no movement at all.
    // updatedAt is kept by MySQL with CURRENT_TIMESTAMP, so it is compared with the same clock.
    const [due, moved] = await Promise.all([
      this.db.query<{ campaignId: number; n: string }[]>(
        `SELECT campaignId, COUNT(*) AS n FROM letters
          WHERE campaignId IN (?) AND channel = 'email'
            AND (state IN ('queued','sending') OR (state = 'retrying' AND (nextAttemptAt IS NULL OR nextAttemptAt <= UTC_TIMESTAMP(3))))
          GROUP BY campaignId`,
        [ids],
      ),
      this.db.query<{ campaignId: number; lastMovedAt: Date; stale: number }[]>(
        `SELECT campaignId, MAX(updatedAt) AS lastMovedAt, MAX(updatedAt) < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND AS stale
           FROM letters WHERE campaignId IN (?) GROUP BY campaignId`,
        [this.config.sendLeaseSeconds, ids],
      ),
    ]);
    const dueBy = new Map(due.map((r) => [Number(r.campaignId), Number(r.n)]));
    return moved
      .filter((r) => Number(r.stale) === 1 && (dueBy.get(Number(r.campaignId)) ?? 0) > 0)
      .map((r) => ({ campaignId: Number(r.campaignId), dueLetters: dueBy.get(Number(r.campaignId)) ?? 0, lastMovedAt: new Date(r.lastMovedAt).toISOString() }));
  }
}
