import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Reminder } from './deadline-rules';

/**
 * A reminder about one deadline. The row is claimed (inserted, or taken over when an earlier
 * claim expired unsent) before the e-mails go out and marked sent after: the unique key makes
 * every worker process but one skip it, so each reminder is sent once.
 */
@Entity('deadline_reminders')
@Index('uq_reminder', ['incidentId', 'recipient', 'reminder'], { unique: true })
export class DeadlineReminder {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'int', unsigned: true })
  incidentId: number;

  @Column({ type: 'varchar', length: 12 })
  recipient: 'authority' | 'controller';

  @Column({ type: 'varchar', length: 4 })
  reminder: Reminder;

  @Column({ type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  claimedUntil: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  /** How many admins it was sent to. */
  @Column({ type: 'smallint', unsigned: true, default: 0 })
  admins: number;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
