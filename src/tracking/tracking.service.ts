import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { LetterEngagement } from './letter-engagement.entity';

/** Owner of `letter_engagements`: clicks, read confirmations and (opt-in) opens per letter. */
@Injectable()
export class TrackingService {
  constructor(@InjectRepository(LetterEngagement) private readonly engagements: Repository<LetterEngagement>) {}

  /** Engagement per letter id (letters without any engagement are absent). */
  async engagementFor(letterIds: string[]): Promise<Map<string, LetterEngagement>> {
    if (letterIds.length === 0) return new Map();
    const rows = await this.engagements.find({ where: { letterId: In(letterIds) } });
    return new Map(rows.map((r) => [r.letterId, r]));
  }

  /** For the campaign counts: letters clicked at least once, and letters acknowledged. */
  async countsForCampaign(campaignId: number): Promise<{ clicked: number; acknowledged: number }> {
    const row = await this.engagements
      .createQueryBuilder('e')
      .select('SUM(e.firstClickAt IS NOT NULL)', 'clicked')
      .addSelect('SUM(e.acknowledgedAt IS NOT NULL)', 'acknowledged')
      .where('e.campaignId = :campaignId', { campaignId })
      .getRawOne<{ clicked: string | null; acknowledged: string | null }>();
    return { clicked: Number(row?.clicked ?? 0), acknowledged: Number(row?.acknowledged ?? 0) };
  }
}
