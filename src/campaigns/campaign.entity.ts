import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Tier } from '../customers/tiers';

export type CampaignStatus = 'draft' | 'approved' | 'sending' | 'paused' | 'completed';

/** One mailing for an incident; needs a second comms member's approval before it can start. */
@Entity('campaigns')
@Index('ix_campaign_incident', ['incidentId'])
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'int', unsigned: true })
  incidentId: number;

  @Column({ type: 'simple-json' })
  tiers: Tier[];

  @Column({ type: 'varchar', length: 20 })
  status: CampaignStatus;

  @Column({ type: 'int', unsigned: true })
  createdBy: number;

  @Column({ type: 'int', unsigned: true, nullable: true })
  approvedBy: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  /** Hash of the recipient set (customer ids, channels, contact data) when it was created/approved. */
  @Column({ type: 'char', length: 64, nullable: true })
  recipientsHash: string | null;

  /** Version of the letter templates and tip catalogue the approval covered. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  templateVersion: string | null;

  /** Why the campaign paused itself (e.g. a run of SMTP authentication errors); no personal data. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  pausedReason: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
