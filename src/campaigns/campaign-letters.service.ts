import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Campaign } from './campaign.entity';
import { Letter } from './letter.entity';

export type LetterTimelineRow = Pick<Letter, 'id' | 'campaignId' | 'channel' | 'state' | 'sentAt' | 'deliveredAt' | 'bouncedAt' | 'tipIds'>;

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
   * on every hotline lookup, where TypeORM's find options cost more CPU than the query.
   */
  async timelineByCustomer(customerId: string): Promise<LetterTimelineRow[]> {
    const rows = await this.letters.query<(Omit<LetterTimelineRow, 'tipIds'> & { tipIds: string | string[] | null })[]>(
      'SELECT id, campaignId, channel, state, sentAt, deliveredAt, bouncedAt, tipIds FROM letters WHERE customerId = ? ORDER BY id',
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
}
