import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BrowsingRule, Finding } from './browsing-rules';

/**
 * One insider-browsing alert about one staff member. Holds the rules' counts, never a looked-up
 * value. `openFor` is the staff id while the alert is open and null once resolved: its unique index
 * lets only one open alert per member exist, whichever API process raised it.
 */
@Entity('hotline_alerts')
@Index('ix_hotline_alert_staff', ['staffId', 'raisedAt'])
export class BrowsingAlert {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'int', unsigned: true })
  staffId: number;

  @Index('uq_hotline_alert_open', { unique: true })
  @Column({ type: 'int', unsigned: true, nullable: true })
  openFor: number | null;

  /** The first (most telling) rule; all of them are in `findings`. */
  @Column({ type: 'varchar', length: 30 })
  rule: BrowsingRule;

  @Column({ type: 'json' })
  findings: Finding[];

  /** Whether the member's lookups were suspended by this alert (HOTLINE_ALERT_SUSPEND). */
  @Column({ type: 'boolean' })
  suspends: boolean;

  @Column({ type: 'datetime', precision: 3 })
  raisedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  resolvedBy: number | null;

  /** What the admin found; staff are asked not to write customer details here. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  resolution: string | null;
}
