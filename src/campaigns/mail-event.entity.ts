import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A delivery event from the mail provider; `dedupeKey` makes webhook replays harmless. */
@Entity('mail_events')
export class MailEvent {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Index('uq_mail_event_dedupe', { unique: true })
  @Column({ type: 'char', length: 64 })
  dedupeKey: string;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  letterId: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: 'delivered' | 'bounced' | 'complained';

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  reason: string | null;
}
