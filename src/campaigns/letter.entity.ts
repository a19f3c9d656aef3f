import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type LetterChannel = 'email' | 'post';
/** Same names as campaign kinds: a warning letter counts towards "warned at this severity", the others never do. */
export type LetterKind = 'warning' | 'update' | 'reminder';
/**
 * pending: created, not yet released (campaign not started) · queued: a job may carry it ·
 * sending: claimed by a worker under a lease · sent: accepted by SMTP (Message-ID recorded) ·
 * retrying: transient failure, will be tried again · failed: gave up (postal list) ·
 * unknown: the connection broke after the data went out; never resent automatically.
 */
export type LetterState = 'pending' | 'queued' | 'sending' | 'sent' | 'retrying' | 'failed' | 'unknown';
export const LETTER_STATES: readonly LetterState[] = ['pending', 'queued', 'sending', 'sent', 'retrying', 'failed', 'unknown'];

/** The notice to one customer in one campaign: its delivery state and its link token. */
@Entity('letters')
@Index('uq_letter_campaign_customer', ['campaignId', 'customerId'], { unique: true })
@Index('ix_letter_campaign_state', ['campaignId', 'state'])
@Index('ix_letter_customer', ['customerId'])
@Index('ix_letter_campaign_updated', ['campaignId', 'updatedAt'])
export class Letter {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'int', unsigned: true })
  campaignId: number;

  @Column({ type: 'bigint', unsigned: true })
  customerId: string;

  @Column({ type: 'varchar', length: 10 })
  channel: LetterChannel;

  @Column({ type: 'varchar', length: 10 })
  state: LetterState;

  /** Random 128-bit, base64url; the only thing in the letter's links. */
  @Index('uq_letter_token', { unique: true })
  @Column({ type: 'char', length: 22, collation: 'ascii_bin', charset: 'ascii' })
  token: string;

  @Column({ type: 'varchar', length: 10, default: 'warning' })
  kind: LetterKind;

  /** The tier severity and exposed-data mask the letter was written for (fixed when the campaign was approved). */
  @Column({ type: 'tinyint', unsigned: true, nullable: true })
  severity: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  exposedMask: number | null;

  /** A follow-up warning: the severity and data of the earlier warning it follows; null for a first warning. */
  @Column({ type: 'tinyint', unsigned: true, nullable: true })
  followsSeverity: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  followsMask: number | null;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  /** Without angle brackets. */
  @Index('ix_letter_message_id')
  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  /** Ids of the tips the letter gave, in order, so the hotline can repeat them. */
  @Column({ type: 'simple-json', nullable: true })
  tipIds: string[] | null;

  /** SMTP code and short reason of the last failure; never the recipient address. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  bouncedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  complainedAt: Date | null;

  /**
   * Postal moments (owned by the postal module), kept beside the e-mail history rather than as
   * states: an e-mail that bounced and was then printed still shows that it bounced.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  printedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  postedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  returnedAt: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;

  /** Set by MySQL on every change of the row; the tripwire's measure of whether a campaign still moves. */
  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
