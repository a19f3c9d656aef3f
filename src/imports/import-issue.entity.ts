import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the rejects report: where and why, never the row's values. */
@Entity('import_issues')
@Index('ix_issue_import_line', ['importId', 'line'])
export class ImportIssue {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'int', unsigned: true })
  importId: number;

  @Column({ type: 'int', unsigned: true })
  line: number;

  /** Header name as written in the file; empty for whole-row problems. */
  @Column({ type: 'varchar', length: 100, default: '' })
  column: string;

  @Column({ type: 'varchar', length: 10 })
  severity: 'error' | 'warning';

  @Column({ type: 'varchar', length: 300 })
  reason: string;
}
