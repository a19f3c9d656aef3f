import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The ledger of warnings: one row per customer and severity that a started campaign warned. Its
 * primary key (incident, customer, severity) is what makes "never warned twice at one severity"
 * hold in the database: a second campaign's row for the same key is never written, and its letter
 * is dropped at start.
 */
@Entity('warnings')
@Index('uq_warning_letter', ['letterId'], { unique: true })
@Index('ix_warning_campaign', ['campaignId'])
export class Warning {
  @PrimaryColumn({ type: 'int', unsigned: true })
  incidentId: number;

  @PrimaryColumn({ type: 'bigint', unsigned: true })
  customerId: string;

  @PrimaryColumn({ type: 'tinyint', unsigned: true })
  severity: number;

  @Column({ type: 'bigint', unsigned: true })
  letterId: string;

  @Column({ type: 'int', unsigned: true })
  campaignId: number;

  /** The exposed data the warning named, so a later follow-up can mention only what is new. */
  @Column({ type: 'int', unsigned: true })
  exposedMask: number;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
