import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Campaign } from './campaign.entity';
import { Letter } from './letter.entity';

/** A letter as the hotline shows it, with when its link was first followed and when it was acknowledged (null: not yet). */
export type LetterTimelineRow = Pick<Letter, 'id' | 'campaignId' | 'channel' | 'state' | 'sentAt' | 'deliveredAt' | 'bouncedAt' | 'printedAt' | 'postedAt' | 'returnedAt' | 'tipIds' | 'kind' | 'followsSeverity'> & {
  firstClickAt: Date | null;
  acknowledgedAt: Date | null;
};

/** Letters of one incident per channel, for the breach register (added by the register issue). */
export interface IncidentLetterFigures {
  channel: 'email' | 'post';
  letters: number;
  /** Distinct customers with a letter in this channel. */
  customers: number;
  sent: number;
  /** Distinct customers with a sent letter in this channel. */
  sentCustomers: number;
  delivered: number;
  bounced: number;
  failed: number;
  firstSentAt: Date | null;
  lastSentAt: Date | null;
}

export interface LetterWithCampaign {
  letter: Letter;
  campaign: Campaign;
}

/**
 * Read access to letters for other modules (tracking resolves tokens, the hotline shows a
 * customer's letters). Lives in its own small module so tracking can use it while the campaigns
 * module uses tracking for its counts, without a module cycle.
 */
@Injectable()
export class CampaignLettersService {
  constructor(
    @InjectRepository(Letter) private readonly letters: Repository<Letter>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
  ) {}

  async findByToken(token: string): Promise<LetterWithCampaign | null> {
    const letter = await this.letters.findOne({ where: { token } });
    if (!letter) return null;
    const campaign = await this.campaigns.findOneOrFail({ where: { id: letter.campaignId } });
    return { letter, campaign };
  }

  /**
   * Every letter to this customer, oldest first, with only what the hotline shows. Plain SQL: it runs
   * on every hotline lookup, where TypeORM's find options cost more CPU than the query. The click and
   * acknowledgement come from tracking's `letter_engagements` by a read-only join: one round trip
   * instead of two, on a machine where each costs more than the query. Callers that want this
   * process's buffered clicks included flush TrackingService first.
   */
  async timelineByCustomer(customerId: string): Promise<LetterTimelineRow[]> {
    const rows = await this.letters.query<(Omit<LetterTimelineRow, 'tipIds'> & { tipIds: string | string[] | null })[]>(
      `SELECT l.id, l.campaignId, l.channel, l.state, l.sentAt, l.deliveredAt, l.bouncedAt, l.printedAt, l.postedAt, l.returnedAt, l.tipIds, l.kind, l.followsSeverity,
              e.firstClickAt, e.acknowledgedAt
         FROM letters l LEFT JOIN letter_engagements e ON e.letterId = l.id
        WHERE l.customerId = ? ORDER BY l.id`,
      [customerId],
    );
    // MariaDB's JSON is text on the wire; MySQL's JSON arrives parsed.
    return rows.map((r) => ({ ...r, tipIds: typeof r.tipIds === 'string' ? (JSON.parse(r.tipIds) as string[]) : r.tipIds }));
  }

  findByIds(ids: string[]): Promise<Letter[]> {
    return ids.length ? this.letters.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** The first sent e-mail letters of a campaign (the demo follows their links). Added by the tracking issue. */
  findSentByCampaign(campaignId: number, limit: number): Promise<Letter[]> {
    return this.letters.find({ where: { campaignId, state: 'sent', channel: 'email' }, order: { id: 'ASC' }, take: limit });
  }

  /** Several tokens at once (tracking resolves a burst of link hits in one go); unknown tokens are absent. Added by the tracking issue. */
  async findByTokens(tokens: string[]): Promise<LetterWithCampaign[]> {
    if (tokens.length === 0) return [];
    const letters = await this.letters.find({ where: { token: In(tokens) } });
    const campaignIds = [...new Set(letters.map((l) => l.campaignId))];
    const campaigns = new Map((campaignIds.length ? await this.campaigns.find({ where: { id: In(campaignIds) } }) : []).map((c) => [c.id, c]));
    return letters.flatMap((letter) => {
      const campaign = campaigns.get(letter.campaignId);
      return campaign ? [{ letter, campaign }] : [];
    });
  }

  /**
   * Per channel: how many letters this incident's started campaigns hold, sent, delivered. Campaigns
   * never started are drafts, not information given. Added by the register issue.
   */
  async figuresForIncident(incidentId: number): Promise<IncidentLetterFigures[]> {
    const rows = await this.letters.query<Record<string, string | Date | null>[]>(
      `SELECT l.channel, COUNT(*) letters, COUNT(DISTINCT l.customerId) customers, SUM(l.sentAt IS NOT NULL) sent,
              COUNT(DISTINCT CASE WHEN l.sentAt IS NOT NULL THEN l.customerId END) sentCustomers,
              SUM(l.deliveredAt IS NOT NULL AND l.bouncedAt IS NULL) delivered, SUM(l.bouncedAt IS NOT NULL) bounced, SUM(l.state = 'failed') failed,
              MIN(l.sentAt) firstSentAt, MAX(l.sentAt) lastSentAt
         FROM letters l JOIN campaigns c ON c.id = l.campaignId
        WHERE c.incidentId = ? AND c.startedAt IS NOT NULL GROUP BY l.channel ORDER BY l.channel`,
      [incidentId],
    );
    const date = (v: string | Date | null) => (v === null ? null : new Date(v));
    return rows.map((r) => ({
      channel: r.channel as 'email' | 'post',
      letters: Number(r.letters),
      customers: Number(r.customers),
      sent: Number(r.sent ?? 0),
      sentCustomers: Number(r.sentCustomers ?? 0),
      delivered: Number(r.delivered ?? 0),
      bounced: Number(r.bounced ?? 0),
      failed: Number(r.failed ?? 0),
      firstSentAt: date(r.firstSentAt),
      lastSentAt: date(r.lastSentAt),
    }));
  }

  /** When the incident's first letter went out (the first letter to anyone is a warning), or null. Added by the register issue. */
  async firstSentAtForIncident(incidentId: number): Promise<Date | null> {
    const [row] = await this.letters.query<{ at: string | Date | null }[]>(
      'SELECT MIN(l.sentAt) at FROM campaigns c JOIN letters l ON l.campaignId = c.id WHERE c.incidentId = ? AND l.sentAt IS NOT NULL',
      [incidentId],
    );
    return row?.at ? new Date(row.at) : null;
  }
}
