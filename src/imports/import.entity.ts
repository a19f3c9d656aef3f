import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Tier } from '../customers/tiers';

export type ImportStatus = 'queued' | 'processing' | 'completed' | 'failed';

/** One uploaded CSV file for one tier of one incident. */
@Entity('imports')
@Index('ix_import_incident', ['incidentId', 'createdAt'])
export class Import {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'int', unsigned: true })
  incidentId: number;

  @Column({ type: 'varchar', length: 20 })
  tier: Tier;

  @Column({ type: 'varchar', length: 20 })
  status: ImportStatus;

  @Column({ type: 'boolean', default: false })
  dryRun: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  encoding: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  delimiter: string | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  rowsRead: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  rowsRejected: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  warnings: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  customersCreated: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  customersUpdated: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  customersUnchanged: number;

  /** 0..100, for progress display. */
  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  progress: number;

  /** Why a failed import failed, in words a person can act on (no personal data). */
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'bigint', unsigned: true, default: 0 })
  fileSize: string;

  /** Private path of the upload while the import runs; cleared when the file is deleted. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  storedPath: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
