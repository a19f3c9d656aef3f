import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Category, maskToCategories, Tier, tierFromSeverity } from './tiers';

/**
 * One customer of one incident. Holds only what a letter, the postal fallback and the hotline
 * need: never IBAN digits. `tierSeverity` and `exposedMask` are numbers so a multi-row upsert can
 * merge them in SQL (GREATEST / bitwise OR).
 */
@Entity('affected_customers')
@Index('uq_customer_incident_number', ['incidentId', 'numberIndex'], { unique: true })
@Index('ix_customer_address', ['incidentId', 'addressIndex'])
@Index('ix_customer_data_key', ['dataKeyId'])
export class AffectedCustomer {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'int', unsigned: true })
  incidentId: number;

  /**
   * Every personal field below, sealed as one value (src/customers/sealed-customer.ts) under the
   * key `dataKeyId`; NULL once erased. The fields themselves are not columns: CustomersService
   * opens this value once per customer it reads.
   */
  @Column({ type: 'varbinary', length: 1024, nullable: true, select: false })
  personal: Buffer | null;

  /** The DATA_KEYS id sealing `personal` and keying the blind indexes (what keys:rotate looks for). */
  @Column({ type: 'varchar', length: 32, nullable: true, charset: 'ascii', collation: 'ascii_bin' })
  dataKeyId: string | null;

  /** Keyed HMAC of the exact customer number (src/data-keys/keyring.ts): the only way to find a customer by number. */
  @Column({ type: 'binary', length: 16, nullable: true })
  numberIndex: Buffer | null;

  /** Keyed HMAC of postcode + house number + suffix; NULL without an address. */
  @Column({ type: 'binary', length: 16, nullable: true })
  addressIndex: Buffer | null;

  /** Whether an e-mail address is stored: the channel counts need it in SQL, the address itself stays sealed. */
  @Column({ type: 'boolean', default: false })
  hasEmail: boolean;

  /** Compared exactly: `K-001` and `k-001` are different customers (the blind index is case-sensitive). */
  customerNumber: string;
  name: string;
  email: string | null;
  /** E.164, e.g. +31612345678. */
  phone: string | null;
  street: string | null;
  /** Digits only, as a string ("12"). */
  houseNumber: string | null;
  /** Upper case, no separators ("A", "BIS"); empty string when there is none. */
  houseNumberSuffix: string;
  /** Normalised "1234 AB". */
  postcode: string | null;
  city: string | null;
  /** "YYYY-MM-DD". */
  birthDate: string | null;

  @Column({ type: 'char', length: 2, default: 'nl' })
  language: 'nl' | 'en';

  @Column({ type: 'boolean', default: false })
  formerCustomer: boolean;

  @Column({ type: 'tinyint', unsigned: true })
  tierSeverity: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  exposedMask: number;

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
