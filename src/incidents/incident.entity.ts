import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One breach: what happened, the company's sender and hotline settings, and its deadlines. */
@Entity('incidents')
export class Incident {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Company name as customers know it; also the letter's From name. */
  @Column({ type: 'varchar', length: 200 })
  company: string;

  /** From address of the letters. */
  @Column({ type: 'varchar', length: 254 })
  senderEmail: string;

  @Column({ type: 'varchar', length: 40 })
  hotlinePhone: string;

  @Column({ type: 'varchar', length: 254 })
  hotlineEmail: string;

  @Column({ type: 'datetime', precision: 3 })
  discoveredAt: Date;

  /** Short, factual description of what happened (no personal data), in Dutch, the letters' default language. */
  @Column({ type: 'text' })
  description: string;

  /** What the company has done about it; shown in letters and on the landing page. */
  @Column({ type: 'text' })
  measuresTaken: string;

  /** English versions for customers whose language is `en`; the Dutch texts above are used when empty. */
  @Column({ type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ type: 'text', nullable: true })
  measuresTakenEn: string | null;

  /** Open tracking is off unless an incident turns it on (privacy). */
  @Column({ type: 'boolean', default: false })
  trackOpens: boolean;

  @Column({ type: 'int', unsigned: true, nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
