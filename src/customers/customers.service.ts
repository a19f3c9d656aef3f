import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AffectedCustomer } from './affected-customer.entity';
import { CustomerInput, StoredCustomer } from './customer-merge';
import { Tier, tierFromSeverity } from './tiers';

/** Owner of `affected_customers`; other modules read customers through this service. */
@Injectable()
export class CustomersService {
  constructor(@InjectRepository(AffectedCustomer) private readonly customers: Repository<AffectedCustomer>) {}

  async countByTier(incidentId: number): Promise<Record<Tier, number>> {
    const rows = await this.customers
      .createQueryBuilder('c')
      .select('c.tierSeverity', 'severity')
      .addSelect('COUNT(*)', 'count')
      .where('c.incidentId = :incidentId', { incidentId })
      .groupBy('c.tierSeverity')
      .getRawMany<{ severity: number; count: string }>();
    const counts: Record<Tier, number> = { photographed: 0, viewed: 0, searched: 0 };
    for (const r of rows) counts[tierFromSeverity(Number(r.severity))] = Number(r.count);
    return counts;
  }

  findByNumber(incidentId: number, customerNumber: string): Promise<AffectedCustomer | null> {
    return this.customers.findOne({ where: { incidentId, customerNumber } });
  }

  /** Exact address match (normalised postcode "1234 AB", house number digits, suffix upper case or ""). */
  findByAddress(incidentId: number, postcode: string, houseNumber: string, houseNumberSuffix: string): Promise<AffectedCustomer[]> {
    return this.customers.find({ where: { incidentId, postcode, houseNumber, houseNumberSuffix }, take: 50 });
  }

  findById(id: string): Promise<AffectedCustomer | null> {
    return this.customers.findOne({ where: { id } });
  }

  /**
   * The stored state of these customers of one incident, for merging an import batch. Runs on
   * `manager` so an import sees its own uncommitted writes.
   */
  async findForMerge(manager: EntityManager, incidentId: number, customerNumbers: string[]): Promise<Map<string, StoredCustomer>> {
    const found = new Map<string, StoredCustomer>();
    if (customerNumbers.length === 0) return found;
    const rows: (Omit<StoredCustomer, 'formerCustomer' | 'tierSeverity' | 'exposedMask' | 'lastImportId'> & {
      formerCustomer: number | string;
      tierSeverity: number | string;
      exposedMask: number | string;
      lastImportId: number | string | null;
    })[] = await manager.query(
      `SELECT id, customerNumber, name, email, phone, street, houseNumber, houseNumberSuffix, postcode, city,
              DATE_FORMAT(birthDate, '%Y-%m-%d') AS birthDate, language, formerCustomer, tierSeverity, exposedMask, contentHash, lastImportId
         FROM affected_customers WHERE incidentId = ? AND customerNumber IN (?)`,
      [incidentId, customerNumbers],
    );
    for (const r of rows) {
      found.set(r.customerNumber, {
        ...r,
        id: String(r.id),
        formerCustomer: Number(r.formerCustomer) === 1,
        tierSeverity: Number(r.tierSeverity),
        exposedMask: Number(r.exposedMask),
        lastImportId: r.lastImportId === null ? null : Number(r.lastImportId),
      });
    }
    return found;
  }

  /**
   * One multi-row INSERT ... ON DUPLICATE KEY UPDATE for a batch of already merged customers. The
   * most severe tier and the union of exposed categories are also enforced in SQL, so the merge
   * holds even against a row written since it was read.
   */
  async upsertMany(manager: EntityManager, incidentId: number, importId: number, rows: (CustomerInput & { contentHash: string })[]): Promise<void> {
    await this.writeMany(manager, incidentId, importId, rows, true);
  }

  /** Like upsertMany for customers that must be new: a customer number that exists fails with ER_DUP_ENTRY. */
  async insertMany(manager: EntityManager, incidentId: number, importId: number, rows: (CustomerInput & { contentHash: string })[]): Promise<void> {
    await this.writeMany(manager, incidentId, importId, rows, false);
  }

  private async writeMany(manager: EntityManager, incidentId: number, importId: number, rows: (CustomerInput & { contentHash: string })[], merge: boolean): Promise<void> {
    if (rows.length === 0) return;
    // The VALUES list is escaped value by value here: formatting one statement with 34,000 `?`
    // placeholders costs more than the database needs to run it.
    const e = (v: string | null) => (v === null ? 'NULL' : sqlString(v));
    const tuples = rows.map(
      (r) =>
        `(${Number(incidentId)},${e(r.customerNumber)},${e(r.name)},${e(r.email)},${e(r.phone)},${e(r.street)},${e(r.houseNumber)},${e(r.houseNumberSuffix)},${e(r.postcode)},${e(r.city)},${e(r.birthDate)},${e(r.language ?? 'nl')},${r.formerCustomer ? 1 : 0},${Number(r.tierSeverity)},${Number(r.exposedMask)},${e(r.contentHash)},${Number(importId)})`,
    );
    await manager.query(
      `INSERT INTO affected_customers
         (incidentId, customerNumber, name, email, phone, street, houseNumber, houseNumberSuffix, postcode, city, birthDate, language, formerCustomer, tierSeverity, exposedMask, contentHash, lastImportId)
       VALUES ${tuples.join(',')}
       ${merge ? ON_DUPLICATE_MERGE : ''}`,
    );
  }

  /** Marks customers an import listed without changing them (keeps updatedAt: nothing changed). */
  async markListed(manager: EntityManager, importId: number, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query('UPDATE affected_customers SET lastImportId = ?, updatedAt = updatedAt WHERE id IN (?)', [importId, ids]);
  }

  /** Customers of these tiers, in id order after `afterId` (keyset paging for campaigns of 100k+ letters). Added by the campaigns issue. */
  recipientsPage(incidentId: number, tierSeverities: number[], afterId: string, limit: number): Promise<AffectedCustomer[]> {
    return this.customers
      .createQueryBuilder('c')
      .where('c.incidentId = :incidentId AND c.tierSeverity IN (:...tierSeverities) AND c.id > :afterId', { incidentId, tierSeverities, afterId })
      .orderBy('c.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Several customers at once (postal list, sending). Added by the campaigns issue. */
  findByIds(ids: string[]): Promise<AffectedCustomer[]> {
    return ids.length ? this.customers.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }
}

const SQL_ESCAPES: Record<string, string> = { '\0': '\\0', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\x1a': '\\Z', '"': '\\"', "'": "\\'", '\\': '\\\\' };

/** A MySQL string literal (the same escaping mysql2 applies to `?` parameters). */
function sqlString(value: string): string {
  // eslint-disable-next-line no-control-regex
  return "'" + value.replace(/[\0\b\t\n\r\x1a"'\\]/g, (c) => SQL_ESCAPES[c]) + "'";
}

const ON_DUPLICATE_MERGE = `ON DUPLICATE KEY UPDATE name = VALUES(name), email = VALUES(email), phone = VALUES(phone), street = VALUES(street),
         houseNumber = VALUES(houseNumber), houseNumberSuffix = VALUES(houseNumberSuffix), postcode = VALUES(postcode), city = VALUES(city),
         birthDate = VALUES(birthDate), language = VALUES(language), formerCustomer = VALUES(formerCustomer),
         tierSeverity = GREATEST(tierSeverity, VALUES(tierSeverity)), exposedMask = exposedMask | VALUES(exposedMask),
         contentHash = VALUES(contentHash), lastImportId = VALUES(lastImportId)`;
