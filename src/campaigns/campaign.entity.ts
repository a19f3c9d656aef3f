import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Tier } from '../customers/tiers';

export type CampaignStatus = 'draft' | 'approved' | 'sending' | 'paused' | 'completed';
/** warning: the first letter per customer and severity · update: the team's own news to those warned · reminder: to those who did not react to an earlier campaign. */
export type CampaignKind = 'warning' | 'update' | 'reminder';

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

  /** When a campaign that paused itself on temporary refusals sends again by itself; null when a person must resume it. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  resumeAt: Date | null;

  /** Automatic pauses since the last letter that went out or the last resume by a person (the cool-off doubles with each). */
  @Column({ type: 'smallint', unsigned: true, default: 0 })
  autoPauses: number;

  /** When the run of send failures that paused the campaign began: letters refused since then are tried again on resume. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  refusedSince: Date | null;

  @Column({ type: 'varchar', length: 10, default: 'warning' })
  kind: CampaignKind;

  /** An update campaign's own text, JSON `{nl: {subject, body}, en?: {subject, body}}`; null for other kinds. */
  @Column({ type: 'text', nullable: true })
  updateText: string | null;

  /** A reminder campaign: the campaign whose letters it follows up, and after how many days. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  remindsCampaignId: number | null;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  reminderAfterDays: number | null;

  /** Letters dropped at start because another campaign had warned that customer at that severity first. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  alreadyWarnedAtStart: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
