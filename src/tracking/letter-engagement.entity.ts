import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What a customer did with a letter: clicks, the read confirmation and (only when the incident
 * turns it on) the first open. Separate from `letters` so tracking writes never contend with sending.
 */
@Entity('letter_engagements')
@Index('ix_engagement_campaign', ['campaignId'])
export class LetterEngagement {
  @PrimaryColumn({ type: 'bigint', unsigned: true })
  letterId: string;

  @Column({ type: 'int', unsigned: true })
  campaignId: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  firstClickAt: Date | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  clickCount: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  openedAt: Date | null;
}
