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

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
