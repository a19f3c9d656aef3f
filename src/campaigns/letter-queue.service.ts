import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobOptions, Queue } from 'bull';
import { DataSource } from 'typeorm';
import { jobsListed } from '../queues/listed-jobs';
import { QUEUES } from '../queues/queues';
import { letterJobId } from './send-policy';

export interface LetterJob {
  letterId: string;
}

export const SEND_JOB = 'send';

/** Renewed after every page of jobs a start adds; long enough for one page on a slow Redis. */
const ENQUEUE_MARK_SECONDS = 60;

interface QueuedLetter {
  id: string;
  attempts: number;
  nextAttemptAt: Date | null;
}

/** Puts letters on the Bull `letters` queue. Bull only carries work; adding a job twice is harmless (same job id). */
@Injectable()
export class LetterQueue {
  constructor(
    @InjectQueue(QUEUES.letters) readonly queue: Queue<LetterJob>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async add(letters: QueuedLetter[]): Promise<void> {
    const now = Date.now();
    for (let i = 0; i < letters.length; i += 1000) {
      await this.queue.addBulk(
        letters.slice(i, i + 1000).map((l) => ({
          name: SEND_JOB,
          data: { letterId: l.id },
          opts: jobOptions(letterJobId(l.id, l.attempts), l.nextAttemptAt ? l.nextAttemptAt.getTime() - now : 0),
        })),
      );
    }
  }

  addOne(letterId: string, attempts: number, delayMs: number): Promise<unknown> {
    return this.queue.add(SEND_JOB, { letterId }, jobOptions(letterJobId(letterId, attempts), delayMs));
  }

  /** Adds a job for every `queued` or `retrying` e-mail letter of the campaign, in pages. */
  async enqueueCampaign(campaignId: number): Promise<number> {
    // While the jobs go in, the reconciler leaves the campaign alone (see beingEnqueued); the mark
    // expires by itself if this process dies halfway, and the reconciler then adds the rest.
    const mark = this.queue.toKey(`enqueuing:${campaignId}`);
    const renew = () => this.queue.client.set(mark, '1', 'EX', ENQUEUE_MARK_SECONDS);
    let total = 0;
    await renew();
    try {
      for await (const rows of this.waitingLetters(campaignId)) {
        await this.add(rows);
        total += rows.length;
        await renew();
      }
    } finally {
      await this.queue.client.del(mark).catch(() => undefined);
    }
    return total;
  }

  /**
   * The campaigns whose start is still adding their jobs. Checking those for letters without a job
   * found tens of thousands "missing" in a 100,000-letter start and re-added them beside the start.
   */
  async beingEnqueued(campaignIds: number[]): Promise<Set<number>> {
    if (campaignIds.length === 0) return new Set();
    const pipeline = this.queue.client.pipeline();
    for (const id of campaignIds) pipeline.exists(this.queue.toKey(`enqueuing:${id}`));
    const found = (await pipeline.exec()) ?? [];
    return new Set(campaignIds.filter((_, i) => found[i]?.[1] === 1));
  }

  /**
   * Adds a job for every `queued` or `retrying` letter of the campaign that no job holds, checked in
   * Redis by jobsListed: no job hash (never added, or its id left in a
   * list after the hash was lost), or an orphan, a job hash that no list of Bull's names any more,
   * which Bull never runs and whose id makes re-adding it a no-op. Orphans are what a partial loss
   * leaves (a list evicted under memory pressure, keys deleted one by one): before this check, a
   * campaign could stop for good with its last letters `queued`. `held` (from listedJobIds) spares
   * the script the list scan for the jobs seen waiting.
   */
  async addMissing(campaignId: number, held: Set<string>): Promise<number> {
    let total = 0;
    for await (const rows of this.waitingLetters(campaignId)) {
      const listed = await jobsListed(this.queue, rows.map((r) => letterJobId(r.id, r.attempts)), held);
      const missing = rows.filter((_, k) => !listed[k]);
      if (missing.length) await this.add(missing);
      total += missing.length;
    }
    return total;
  }

  /** The campaign's letters that still need a job, in id order, 5,000 at a time. */
  private async *waitingLetters(campaignId: number): AsyncGenerator<QueuedLetter[]> {
    let afterId = '0';
    for (;;) {
      const rows: { id: string; attempts: number; nextAttemptAt: Date | null }[] = await this.db.query(
        `SELECT id, attempts, nextAttemptAt FROM letters
          WHERE campaignId = ? AND state IN ('queued','retrying') AND id > ? ORDER BY id LIMIT 5000`,
        [campaignId, afterId],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => ({ id: String(r.id), attempts: Number(r.attempts), nextAttemptAt: r.nextAttemptAt }));
      afterId = String(rows[rows.length - 1].id);
    }
  }

  /**
   * Removes finished jobs Bull kept. Normally there are none (jobs are removed when they end), but
   * Bull fails a job that stalled twice and keeps it under its id, which would make re-adding that
   * letter's job a silent no-op.
   */
  async dropFinishedJobs(): Promise<void> {
    await this.queue.clean(0, 'failed');
    await this.queue.clean(0, 'completed');
  }

  /** Jobs Bull still holds (waiting, delayed, active, paused): what can still make a letter move. */
  async jobsHeld(): Promise<number> {
    const c = await this.queue.getJobCounts();
    return c.waiting + c.delayed + c.active + ((c as { paused?: number }).paused ?? 0);
  }
}

function jobOptions(jobId: string, delayMs: number): JobOptions {
  // Bull's own retries stay off: the letter row decides whether and when to try again.
  return { jobId, delay: Math.max(0, Math.round(delayMs)), attempts: 1, removeOnComplete: true, removeOnFail: true };
}
