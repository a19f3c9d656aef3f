import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Category, maskToCategories, Tier, tierFromSeverity } from './tiers';

/**
 * One customer of one incident. Holds only what a letter, the postal fallback and the hotline
 * need: never IBAN digits. `tierSeverity` and `exposedMask` are numbers so a multi-row upsert can
 * merge them in SQL (GREATEST / bitwise OR).
 */
@Entity('affected_customers')
@Index('uq_customer_incident_number', ['incidentId', 'customerNumber'], { unique: true })
@Index('ix_customer_address', ['incidentId', 'postcode', 'houseNumber', 'houseNumberSuffix'])
export class AffectedCustomer {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'int', unsigned: true })
  incidentId: number;

  /** Compared exactly (binary collation): `K-001` and `k-001` are different customers. */
  @Column({ type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  customerNumber: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** E.164, e.g. +31612345678. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  street: string | null;

  /** Digits only, as a string ("12"). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  houseNumber: string | null;

  /** Upper case, no separators ("A", "BIS"); empty string when there is none, so the index can match on it. */
  @Column({ type: 'varchar', length: 10, default: '' })
  houseNumberSuffix: string;

  /** Normalised "1234 AB". */
  @Column({ type: 'char', length: 7, nullable: true })
  postcode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'char', length: 2, default: 'nl' })
  language: 'nl' | 'en';

  @Column({ type: 'boolean', default: false })
  formerCustomer: boolean;

  @Column({ type: 'tinyint', unsigned: true })
  tierSeverity: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  exposedMask: number;

  /** Hash of the stored fields, so re-importing an identical row can be recognised as unchanged. */
  @Column({ type: 'char', length: 64, default: '' })
  contentHash: string;

  @Column({ type: 'int', unsigned: true, nullable: true })
  lastImportId: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  get tier(): Tier {
    return tierFromSeverity(this.tierSeverity);
  }

  get exposed(): Category[] {
    return maskToCategories(this.exposedMask);
  }
}
