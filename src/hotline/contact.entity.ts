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

  /** The staff member's notes (up to 2,000 characters), sealed like a customer's personal data; NULL when none or erased. */
  @Column({ type: 'varbinary', length: 8300, nullable: true })
  notes: Buffer | null;

  /** The DATA_KEYS id sealing `notes` (what keys:rotate looks for). */
  @Column({ type: 'varchar', length: 32, nullable: true, charset: 'ascii', collation: 'ascii_bin' })
  notesKeyId: string | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  at: Date;
}
