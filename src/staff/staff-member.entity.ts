import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './roles';

@Entity('staff_members')
export class StaffMember {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** Where staff e-mails (import finished, campaign report) go; optional. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** SHA-256 of the bearer token; the token itself is shown once and never stored. */
  @Index('uq_staff_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  disabledAt: Date | null;

  /** SHA-256 of the one-time console set-up link's token; cleared once used. */
  @Column({ type: 'char', length: 64, nullable: true })
  setupTokenHash: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  setupExpiresAt: Date | null;

  /** argon2id; null until the member has set up console sign-in. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  /** The authenticator key, encrypted with APP_SECRET (see secret-box.ts). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  totpSecret: string | null;

  /** The last 30-second time-step a code was accepted for: a code works once. */
  @Column({ type: 'bigint', nullable: true })
  totpLastStep: string | null;

  /** When set-up was finished; console sign-in works from then on. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  signInEnabledAt: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;

  /**
   * Not a column: the open hotline alert that holds this member's lookups (null: none), read
   * together with the token by StaffService.authenticate; undefined where it was not read.
   */
  lookupsHeldBy?: number | null;
}
