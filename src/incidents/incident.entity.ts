import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BreachNature, IncidentRole, RiskLevel } from './incident-facts';
import type { IncidentStatus } from './retention-rules';

/** One breach: what happened, the company's sender and hotline settings, and its deadlines. */
@Entity('incidents')
@Index('ix_incident_purge', ['status', 'purgeAt'])
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

  // Breach-register facts (GDPR Art. 33): who must be told, from when, and how serious it is.

  /** `processor`: we process for a client (the controller), who must hear from us first. */
  @Column({ type: 'varchar', length: 12, default: 'controller' })
  role: IncidentRole;

  /** When the organisation became aware of the breach; the deadlines run from here. Null: discoveredAt. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  awareAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  controllerName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  controllerEmail: string | null;

  /** The processing agreement's notification term. */
  @Column({ type: 'smallint', unsigned: true, default: 48 })
  controllerDeadlineHours: number;

  @Column({ type: 'simple-array', nullable: true })
  nature: BreachNature[] | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  riskLevel: RiskLevel | null;

  /** Why the risk is what it is; required for `unlikely` (no notification to the authority then, Art. 33(1)). */
  @Column({ type: 'text', nullable: true })
  riskReasoning: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  subjectsMin: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  subjectsMax: number | null;

  /** The likely consequences for the people involved (Art. 33(3)(c)). */
  @Column({ type: 'text', nullable: true })
  consequences: string | null;

  /** Security measures that were in place before the breach (the authority's form asks). */
  @Column({ type: 'text', nullable: true })
  measuresBefore: string | null;

  // Retention (src/retention): closed by an admin, the customers' personal data is purged at purgeAt.

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: IncidentStatus;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  closedBy: number | null;

  /** closedAt + RETENTION_DAYS as it was when the incident was closed; a later change of the setting does not move it. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  purgeAt: Date | null;

  /** A worker's claim on the purge (a lease), so exactly one process purges however many sweep. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  purgeClaimedUntil: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  purgedAt: Date | null;
}
