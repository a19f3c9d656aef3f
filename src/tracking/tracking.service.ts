import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { describeError } from '../common/json-logger';
import { EngagementBuffer, engagementUpsert, PendingEngagement } from './engagement-buffer';
import { LetterEngagement } from './letter-engagement.entity';

/** How often buffered clicks and opens are written; also the most a crash (not a shutdown) can lose. */
const FLUSH_INTERVAL_MS = 250;
const ROWS_PER_STATEMENT = 500;
/** Write at once when this many letters are pending, whatever the timer says. */
const FLUSH_AT_SIZE = 5000;

/** Owner of `letter_engagements`: clicks, read confirmations and (opt-in) opens per letter. */
@Injectable()
export class TrackingService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(TrackingService.name);
  private readonly buffer = new EngagementBuffer();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;
  /** After shutdown began: write every hit at once (the request waits), so none is lost. */
  private direct = false;

  constructor(@InjectRepository(LetterEngagement) private readonly engagements: Repository<LetterEngagement>) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.flushInBackground(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.direct = true;
    try {
      await this.flush();
    } catch (err) {
      // Nothing more can be done without the database; say how many letters' clicks are lost.
      this.logger.error({ msg: 'link clicks not written at shutdown', letters: this.buffer.size, ...describeError(err) });
    }
  }

  /** Engagement per letter id (letters without any engagement are absent). */
  async engagementFor(letterIds: string[]): Promise<Map<string, LetterEngagement>> {
    if (letterIds.length === 0) return new Map();
    await this.flush();
    // Plain SQL: this runs on every hotline lookup (see CampaignLettersService.timelineByCustomer).
    const rows = await this.engagements.query<LetterEngagement[]>(
      'SELECT letterId, campaignId, firstClickAt, clickCount, acknowledgedAt, openedAt FROM letter_engagements WHERE letterId IN (?)',
      [letterIds],
    );
    return new Map(rows.map((r) => [r.letterId, r]));
  }

  /** For the campaign counts: letters clicked at least once, and letters acknowledged. */
  async countsForCampaign(campaignId: number): Promise<{ clicked: number; acknowledged: number }> {
    await this.flush();
    const row = await this.engagements
      .createQueryBuilder('e')
      .select('SUM(e.firstClickAt IS NOT NULL)', 'clicked')
      .addSelect('SUM(e.acknowledgedAt IS NOT NULL)', 'acknowledged')
      .where('e.campaignId = :campaignId', { campaignId })
      .getRawOne<{ clicked: string | null; acknowledged: string | null }>();
    return { clicked: Number(row?.clicked ?? 0), acknowledged: Number(row?.acknowledged ?? 0) };
  }

  /** A person followed the letter's link. Buffered; written within FLUSH_INTERVAL_MS. */
  recordClick(letterId: string, campaignId: number, at = new Date()): Promise<void> {
    this.buffer.click(letterId, campaignId, at);
    return this.afterRecord();
  }

  /** The opt-in open pixel was loaded. Buffered like clicks. */
  recordOpen(letterId: string, campaignId: number, at = new Date()): Promise<void> {
    this.buffer.open(letterId, campaignId, at);
    return this.afterRecord();
  }

  /**
   * The read confirmation, written at once (it is rare and must be durable). Only the first one
   * counts. Acknowledging proves the page was shown, so a letter that is acknowledged also counts
   * as clicked even if its visit was not counted (e.g. served from a browser prefetch).
   */
  async acknowledge(letterId: string, campaignId: number, at = new Date()): Promise<void> {
    const pending: PendingEngagement = this.buffer.take(letterId) ?? { campaignId, clicks: 0, firstClickAt: null, openedAt: null };
    try {
      await this.engagements.query(
        'INSERT INTO letter_engagements (letterId, campaignId, firstClickAt, clickCount, acknowledgedAt, openedAt) VALUES (?,?,?,?,?,?)' +
          ' ON DUPLICATE KEY UPDATE clickCount = GREATEST(clickCount + ?, 1), firstClickAt = COALESCE(firstClickAt, VALUES(firstClickAt)),' +
          ' acknowledgedAt = COALESCE(acknowledgedAt, VALUES(acknowledgedAt)), openedAt = COALESCE(openedAt, VALUES(openedAt))',
        [letterId, campaignId, pending.firstClickAt ?? at, Math.max(pending.clicks, 1), at, pending.openedAt, pending.clicks],
      );
    } catch (err) {
      this.buffer.restore([[letterId, pending]]);
      throw err;
    }
  }

  /** Writes everything buffered so far (waits for a write already under way first). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.buffer.size === 0) return;
    const run = this.writeBuffered();
    this.flushing = run;
    try {
      await run;
    } finally {
      this.flushing = null;
    }
  }

  private afterRecord(): Promise<void> {
    if (this.direct) return this.flush();
    if (this.buffer.size >= FLUSH_AT_SIZE) this.flushInBackground();
    return Promise.resolve();
  }

  private flushInBackground(): void {
    if (this.flushing || this.buffer.size === 0) return;
    this.flush().catch((err: unknown) => this.logger.error({ msg: 'could not write link clicks; kept for the next try', pending: this.buffer.size, ...describeError(err) }));
  }

  private async writeBuffered(): Promise<void> {
    const entries = this.buffer.drain();
    for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
      const chunk = entries.slice(i, i + ROWS_PER_STATEMENT);
      try {
        const { sql, params } = engagementUpsert(chunk);
        await this.engagements.query(sql, params);
      } catch (err) {
        this.buffer.restore(entries.slice(i));
        throw err;
      }
    }
  }
}
