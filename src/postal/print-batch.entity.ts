import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type PrintBatchStatus = 'building' | 'ready';

/** The postal letters of one campaign taken at one moment, rendered as PDFs for the print house. */
@Entity('print_batches')
@Index('ix_print_batch_campaign', ['campaignId'])
export class PrintBatch {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'int', unsigned: true })
  campaignId: number;

  @Column({ type: 'varchar', length: 10 })
  status: PrintBatchStatus;

  @Column({ type: 'int', unsigned: true })
  letters: number;

  @Column({ type: 'int', unsigned: true })
  createdBy: number;

  /** File name of the manifest on disk once written (`manifest.csv.<n>`), and its hash. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  manifestDisk: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  manifestSha256: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readyAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  postedAt: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

export type PrintFileState = 'pending' | 'rendering' | 'done';

/**
 * One PDF of a batch (at most 5,000 letters). Rendering claims it with a guarded update and a
 * lease; a worker that dies leaves the lease to expire and the print reconciler hands the file to
 * another. `attempt` names the file on disk, so two workers never write the same path.
 */
@Entity('print_files')
@Index('uq_print_file_name', ['batchId', 'name'], { unique: true })
@Index('ix_print_file_state', ['state', 'leaseUntil'])
export class PrintFile {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'int', unsigned: true })
  batchId: number;

  /** 0-based; letters of sequence fileIndex*5000+1 … go into it. */
  @Column({ type: 'smallint', unsigned: true })
  fileIndex: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  state: PrintFileState;

  @Column({ type: 'int', unsigned: true })
  letters: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  pages: number;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  diskName: string | null;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempt: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  leaseUntil: Date | null;
}

/** A letter's place in a batch: print order, file and pages. A letter is in at most one batch. */
@Entity('print_items')
@Index('uq_print_item_letter', ['letterId'], { unique: true })
export class PrintItem {
  @PrimaryColumn({ type: 'int', unsigned: true })
  batchId: number;

  @PrimaryColumn({ type: 'int', unsigned: true })
  sequence: number;

  @Column({ type: 'bigint', unsigned: true })
  letterId: string;

  @Column({ type: 'smallint', unsigned: true })
  fileIndex: number;

  @Column({ type: 'int', unsigned: true, nullable: true })
  firstPage: number | null;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  pages: number | null;
}
