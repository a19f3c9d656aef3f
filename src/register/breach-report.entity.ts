import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type BreachReportStatus = 'new' | 'rejected' | 'incident';

/** A suspected breach reported by anyone through the public form at /report. */
@Entity('breach_reports')
@Index('ix_breach_report_status', ['status', 'id'])
export class BreachReport {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  /** Shown to the reporter on the thank-you page, e.g. `MR-7K3QX9PD`; random, so it reveals nothing. */
  @Index('uq_breach_report_reference', { unique: true })
  @Column({ type: 'char', length: 11, charset: 'ascii' })
  reference: string;

  @Column({ type: 'text' })
  whatHappened: string;

  /** As the reporter wrote it ("yesterday around 14:00" is a fine answer). */
  @Column({ type: 'varchar', length: 100 })
  noticedAt: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation: string | null;

  @Column({ type: 'varchar', length: 200 })
  reporterName: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  reporterEmail: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  reporterPhone: string | null;

  @Column({ type: 'varchar', length: 2 })
  language: 'nl' | 'en';

  @Column({ type: 'varchar', length: 10, default: 'new' })
  status: BreachReportStatus;

  @Column({ type: 'text', nullable: true })
  rejectReason: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  incidentId: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  decidedBy: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  receivedAt: Date;
}
