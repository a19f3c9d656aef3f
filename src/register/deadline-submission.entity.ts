import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DeadlineRecipient, SubmissionPhase } from './deadline-rules';

/** One notification made for a deadline: to the authority (with its phase and reference) or to the controller. */
@Entity('deadline_submissions')
@Index('ix_submission_incident', ['incidentId', 'recipient'])
export class DeadlineSubmission {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'int', unsigned: true })
  incidentId: number;

  @Column({ type: 'varchar', length: 12 })
  recipient: Exclude<DeadlineRecipient, 'dataSubjects'>;

  @Column({ type: 'varchar', length: 12 })
  phase: SubmissionPhase;

  @Column({ type: 'datetime', precision: 3 })
  submittedAt: Date;

  /** The authority's case number (meldnummer), or the controller e-mail's Message-ID. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;

  @Column({ type: 'text', nullable: true })
  delayReason: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  recordedBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
