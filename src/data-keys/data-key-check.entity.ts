import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per DATA_KEYS key id ever configured: a known text sealed under that key when the id
 * was first seen. At start-up each configured key must open its own check value, so a wrong key
 * under a known id refuses to start instead of sealing new data nobody can open with the old key.
 */
@Entity('data_keys')
export class DataKeyCheck {
  @PrimaryColumn({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  id: string;

  @Column({ type: 'varbinary', length: 255 })
  checkValue: Buffer;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
