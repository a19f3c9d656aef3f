import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which record, when. Never personal data: the subject is a record reference
 * such as `customer:123` (internal id) and `detail` holds only non-personal facts (kinds, counts, outcomes).
 */
@Entity('audit_events')
@Index('ix_audit_action_at', ['action', 'at'])
@Index('ix_audit_actor_at', ['actorId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  /** Staff member id; null for the system, the CLI or a customer's own action. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  actorId: number | null;

  /** Readable actor, e.g. `staff:3 (Ada, comms)`, `cli`, `system`, `customer`. */
  @Column({ type: 'varchar', length: 160 })
  actor: string;

  /** `<module>.<verb>`, e.g. `hotline.lookup`. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  /** e.g. `incident:4`, `customer:1234`, `campaign:2`; null when there is none (a miss). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  subject: string | null;

  @Column({ type: 'json', nullable: true })
  detail: Record<string, unknown> | null;
}
