import { Inject, Injectable, UnauthorizedException, BadRequestException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MailEventError, parseMailEvents, ParsedMailEvent, validSignature } from './mail-events';

export interface MailEventsResult {
  received: number;
  applied: number;
  duplicates: number;
  unmatched: number;
}

/**
 * Delivery events from the mail provider. Replays are harmless (unique dedupe key), and a letter
 * only moves forward: delivered < bounced (a late `delivered` never undoes a bounce); a complaint
 * is recorded beside either. Any event proves an `unknown` letter went out, so it becomes `sent`.
 */
@Injectable()
export class MailEventsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined, body: unknown): Promise<MailEventsResult> {
    if (!this.config.webhookSecret) throw new UnauthorizedException('Mail-event webhooks are not accepted: WEBHOOK_SECRET is not configured.');
    if (!rawBody || !validSignature(rawBody, signature, this.config.webhookSecret)) {
      throw new UnauthorizedException('X-Signature must be the hex HMAC-SHA256 of the raw JSON body with the webhook secret.');
    }
    let events: ParsedMailEvent[];
    try {
      events = parseMailEvents(body);
    } catch (err) {
      if (err instanceof MailEventError) throw new BadRequestException(err.message);
      throw err;
    }
    const result: MailEventsResult = { received: events.length, applied: 0, duplicates: 0, unmatched: 0 };
    for (const e of events) {
      const letters: { id: string }[] = await this.db.query('SELECT id FROM letters WHERE messageId = ? LIMIT 1', [e.messageId]);
      const letterId = letters[0] ? String(letters[0].id) : null;
      const ins: { affectedRows: number } = await this.db.query('INSERT IGNORE INTO mail_events (dedupeKey, letterId, type, at, reason) VALUES (?, ?, ?, ?, ?)', [
        e.dedupeKey,
        letterId,
        e.type,
        e.at,
        e.reason,
      ]);
      if (ins.affectedRows !== 1) {
        result.duplicates++;
        continue;
      }
      if (!letterId) {
        result.unmatched++;
        continue;
      }
      await this.apply(letterId, e);
      result.applied++;
    }
    return result;
  }

  private async apply(letterId: string, e: ParsedMailEvent): Promise<void> {
    const column = e.type === 'delivered' ? 'deliveredAt' : e.type === 'bounced' ? 'bouncedAt' : 'complainedAt';
    // Against the sender: an event exists only after the SMTP server took the message, so the
    // letter is `sending` (the sender's `sent` write comes after and keeps these dates), `sent`, or
    // `unknown` (lease expired), which the event resolves to `sent`. No state here is open, so a
    // webhook can neither reopen nor complete a campaign.
    // Earliest time wins within a kind, so the order events arrive in does not matter.
    await this.db.query(
      `UPDATE letters SET ${column} = IF(${column} IS NULL OR ${column} > ?, ?, ${column}),
              state = IF(state = 'unknown', 'sent', state), sentAt = IF(state = 'sent' AND sentAt IS NULL, ?, sentAt)
        WHERE id = ?`,
      [e.at, e.at, e.at, letterId],
    );
  }
}
