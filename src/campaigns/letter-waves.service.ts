import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LetterWave, UpdateText } from '../letters/wave-view';
import type { LetterKind } from './letter.entity';

/** What of a letter row decides its wave's words. */
export interface WaveLetterRow {
  campaignId: number;
  kind: LetterKind;
  followsSeverity: number | null;
  followsMask: number | null;
}

interface CampaignWords {
  update: UpdateText | null;
  /** A reminder: when the campaign it reminds of started. */
  remindsStartedAt: Date | null;
}

/**
 * Turns a letter row into the wave its words depend on (follow-up, update, reminder), for whoever
 * renders it: the sender, previews, print. A campaign's own text cannot change once it exists, so
 * it is read once per campaign and process.
 */
@Injectable()
export class LetterWaves {
  private readonly campaigns = new Map<number, Promise<CampaignWords>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async waveFor(letter: WaveLetterRow): Promise<LetterWave | undefined> {
    if (letter.kind === 'warning') {
      return letter.followsSeverity === null || letter.followsSeverity === undefined
        ? undefined
        : { kind: 'warning', follows: { severity: Number(letter.followsSeverity), exposedMask: Number(letter.followsMask ?? 0) } };
    }
    const words = await this.words(Number(letter.campaignId));
    if (letter.kind === 'update') {
      if (!words.update) throw new Error(`campaign ${letter.campaignId} has an update letter but no update text`);
      return { kind: 'update', update: words.update };
    }
    return { kind: 'reminder', firstSentAt: words.remindsStartedAt ?? new Date() };
  }

  private words(campaignId: number): Promise<CampaignWords> {
    let cached = this.campaigns.get(campaignId);
    if (!cached) {
      cached = this.read(campaignId);
      this.campaigns.set(campaignId, cached);
      cached.catch(() => this.campaigns.delete(campaignId));
    }
    return cached;
  }

  private async read(campaignId: number): Promise<CampaignWords> {
    const rows: { updateText: string | null; remindsStartedAt: Date | null }[] = await this.db.query(
      'SELECT c.updateText, r.startedAt remindsStartedAt FROM campaigns c LEFT JOIN campaigns r ON r.id = c.remindsCampaignId WHERE c.id = ?',
      [campaignId],
    );
    const r = rows[0];
    return { update: r?.updateText ? (JSON.parse(r.updateText) as UpdateText) : null, remindsStartedAt: r?.remindsStartedAt ?? null };
  }
}
