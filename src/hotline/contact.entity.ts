import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CONTACT_OUTCOMES = ['informed', 'worried', 'fraud-attempt', 'fraud-victim', 'callback-requested', 'other'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** One hotline conversation with an affected customer. */
@Entity('contacts')
@Index('ix_contact_customer', ['customerId', 'at'])
@Index('ix_contact_incident', ['incidentId', 'outcome'])
export class Contact {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'int', unsigned: true })
  incidentId: number;

  @Column({ type: 'bigint', unsigned: true })
  customerId: string;

  @Column({ type: 'int', unsigned: true })
  staffId: number;

  @Column({ type: 'varchar', length: 30 })
  outcome: ContactOutcome;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  at: Date;
}
