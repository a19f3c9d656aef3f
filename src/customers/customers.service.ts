import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { EntityManager, Repository } from 'typeorm';
import { AffectedCustomer } from './affected-customer.entity';
import { CustomerInput, MergedCustomer, StoredCustomer } from './customer-merge';
import { CATEGORIES, Category, Tier, tierFromSeverity } from './tiers';

const CUSTOMER_COLUMNS =
  'id, incidentId, customerNumber, name, email, phone, street, houseNumber, houseNumberSuffix, postcode, city, birthDate, language, formerCustomer, tierSeverity, exposedMask, contentHash, lastImportId, createdAt, updatedAt';

type CustomerRow = Omit<AffectedCustomer, 'birthDate' | 'formerCustomer' | 'tier' | 'exposed'> & { birthDate: Date | string | null; formerCustomer: number };

/** A raw row as TypeORM would hydrate it: DATE as "YYYY-MM-DD" (read in UTC), booleans as booleans. */
function customerFromRow(row: CustomerRow): AffectedCustomer {
  const birthDate = row.birthDate instanceof Date ? row.birthDate.toISOString().slice(0, 10) : row.birthDate;
  return Object.assign(new AffectedCustomer(), row, { birthDate, formerCustomer: Boolean(row.formerCustomer) });
}

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

  /** Per data category: how many of the incident's customers had it exposed (for the breach register). Added by the register issue. */
  async countByCategory(incidentId: number): Promise<Record<Category, number>> {
    const sums = CATEGORIES.map((c, i) => `SUM((exposedMask & ${1 << i}) <> 0) AS \`${c}\``).join(', ');
    const [row] = await this.customers.query<Record<string, string | null>[]>(`SELECT ${sums} FROM affected_customers WHERE incidentId = ?`, [incidentId]);
    return Object.fromEntries(CATEGORIES.map((c) => [c, Number(row?.[c] ?? 0)])) as Record<Category, number>;
  }

  /** Per tier: customers, and how many of them have an e-mail address (the rest get a printed letter). */
  async countChannelsByTier(incidentId: number): Promise<Record<Tier, { total: number; email: number }>> {
    const rows = await this.customers
      .createQueryBuilder('c')
      .select('c.tierSeverity', 'severity')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(c.email IS NOT NULL)', 'email')
      .where('c.incidentId = :incidentId', { incidentId })
      .groupBy('c.tierSeverity')
      .getRawMany<{ severity: number; total: string; email: string | null }>();
    const counts: Record<Tier, { total: number; email: number }> = { photographed: { total: 0, email: 0 }, viewed: { total: 0, email: 0 }, searched: { total: 0, email: 0 } };
    for (const r of rows) counts[tierFromSeverity(Number(r.severity))] = { total: Number(r.total), email: Number(r.email ?? 0) };
    return counts;
  }

  // findByNumber and findByAddress are plain SQL: they run on every hotline lookup, where building
  // the query through TypeORM's find options cost more CPU than MySQL spent answering it.

  async findByNumber(incidentId: number, customerNumber: string): Promise<AffectedCustomer | null> {
    const rows = await this.customers.query<CustomerRow[]>(`SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE incidentId = ? AND customerNumber = ? LIMIT 1`, [incidentId, customerNumber]);
    return rows.length ? customerFromRow(rows[0]) : null;
  }

  /** Exact address match (normalised postcode "1234 AB", house number digits, suffix upper case or ""). */
  async findByAddress(incidentId: number, postcode: string, houseNumber: string, houseNumberSuffix: string): Promise<AffectedCustomer[]> {
    const rows = await this.customers.query<CustomerRow[]>(
      `SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE incidentId = ? AND postcode = ? AND houseNumber = ? AND houseNumberSuffix = ? ORDER BY id LIMIT 50`,
      [incidentId, postcode, houseNumber, houseNumberSuffix],
    );
    return rows.map(customerFromRow);
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
    const merged = rows.map((r) => ({ customer: { ...r, language: r.language ?? 'nl', formerCustomer: r.formerCustomer ?? false }, contentHash: r.contentHash }));
    await this.runWrite(manager, this.prepareWrite(incidentId, importId, merged, merge));
  }

  /**
   * The statement that writes these merged customers (INSERT, or with `merge` INSERT ... ON
   * DUPLICATE KEY UPDATE), built ahead so an import can build batch N+1's while batch N is written.
   */
  prepareWrite(incidentId: number, importId: number, rows: { customer: MergedCustomer; contentHash: string }[], merge: boolean): PreparedWrite {
    if (rows.length === 0) return { sql: '' };
    if (!merge && rows.length === INSERT_BATCH_ROWS) {
      // A full batch of new customers goes as a prepared statement (binary protocol): the database
      // then skips parsing 34,000 values, the slowest part of a text INSERT. Only this one size is
      // prepared, so a connection keeps one prepared statement however many imports it runs.
      const values: (string | number | null)[] = new Array<string | number | null>(rows.length * INSERT_COLUMNS.length);
      let at = 0;
      for (const { customer: r, contentHash } of rows) {
        values[at++] = incidentId;
        values[at++] = r.customerNumber;
        values[at++] = r.name;
        values[at++] = r.email;
        values[at++] = r.phone;
        values[at++] = r.street;
        values[at++] = r.houseNumber;
        values[at++] = r.houseNumberSuffix;
        values[at++] = r.postcode;
        values[at++] = r.city;
        values[at++] = r.birthDate;
        values[at++] = r.language;
        values[at++] = r.formerCustomer ? 1 : 0;
        values[at++] = r.tierSeverity;
        values[at++] = r.exposedMask;
        values[at++] = contentHash;
        values[at++] = importId;
      }
      return { sql: PREPARED_INSERT, values };
    }
    // The VALUES list is escaped value by value here: formatting one statement with 34,000 `?`
    // placeholders costs more than the database needs to run it.
    const head = `(${Number(incidentId)},`;
    const tail = `,${Number(importId)})`;
    // One string per row, joined once: the statement is then one flat string, not a rope of
    // thousands of pieces that every later reader (the driver's scan, the socket write) must flatten.
    const tuples = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const { customer: r, contentHash } = rows[i];
      tuples[i] =
        head + sqlString(r.customerNumber) + ',' + sqlString(r.name) + ',' + sqlNullable(r.email) + ',' + sqlNullable(r.phone) + ',' + sqlNullable(r.street) + ',' +
        sqlNullable(r.houseNumber) + ',' + sqlString(r.houseNumberSuffix) + ',' + sqlNullable(r.postcode) + ',' + sqlNullable(r.city) + ',' + sqlNullable(r.birthDate) + ',' +
        sqlString(r.language) + ',' + (r.formerCustomer ? '1' : '0') + ',' + Number(r.tierSeverity) + ',' + Number(r.exposedMask) + ',' + sqlString(contentHash) + tail;
    }
    const values = tuples.join(',');
    return {
      sql: `INSERT INTO affected_customers
         (incidentId, customerNumber, name, email, phone, street, houseNumber, houseNumberSuffix, postcode, city, birthDate, language, formerCustomer, tierSeverity, exposedMask, contentHash, lastImportId)
       VALUES ${values}
       ${merge ? ON_DUPLICATE_MERGE : ''}`,
    };
  }

  /** Runs a statement from prepareWrite on `manager` (the import's transaction). */
  async runWrite(manager: EntityManager, write: PreparedWrite): Promise<void> {
    if (!write.sql) return;
    if (!write.values) {
      await manager.query(write.sql);
      return;
    }
    const values = write.values;
    const connection = (manager.queryRunner as { databaseConnection?: Partial<ExecutingConnection> } | undefined)?.databaseConnection;
    if (typeof connection?.execute !== 'function') {
      // Not on a mysql2 connection: the same statement, its values filled in by the driver.
      await manager.query(write.sql, values);
      return;
    }
    const execute = connection.execute.bind(connection);
    await new Promise<void>((resolve, reject) => execute(write.sql, values, (err) => (err ? reject(err) : resolve())));
  }

  /**
   * Streams new customers into the table with one LOAD DATA LOCAL INFILE on `manager`'s connection
   * (the import's transaction): the database's fastest way in, with nothing held in this process.
   * `lines` are made by loadLine. Resolves with how many rows the database stored and how many
   * warnings it raised; the caller must see `rows` stored and no warning, since LOAD DATA LOCAL
   * skips a duplicate key or cuts a value short with only a warning.
   */
  async loadNew(manager: EntityManager, lines: Readable, throttle?: (socket: LoadingConnection['stream']) => void): Promise<{ rows: number; warnings: number }> {
    const connection = (manager.queryRunner as { databaseConnection?: Partial<LoadingConnection> } | undefined)?.databaseConnection;
    if (typeof connection?.query !== 'function') throw new Error('loadNew needs a mysql2 connection');
    throttle?.(connection.stream);
    const query = connection.query.bind(connection);
    return new Promise((resolve, reject) =>
      query({ sql: LOAD_NEW, infileStreamFactory: () => lines }, (err, res) => (err ? reject(err) : resolve({ rows: Number(res?.affectedRows ?? 0), warnings: Number(res?.warningStatus ?? 0) }))),
    );
  }

  /** One customer as a line of loadNew's input (tab-separated, backslash escapes, \N for NULL). */
  loadLine(incidentId: number, importId: number, r: MergedCustomer, contentHash: string): string {
    return (
      incidentId + '\t' + tsv(r.customerNumber) + '\t' + tsv(r.name) + '\t' + tsvNullable(r.email) + '\t' + tsvNullable(r.phone) + '\t' + tsvNullable(r.street) + '\t' +
      tsvNullable(r.houseNumber) + '\t' + tsv(r.houseNumberSuffix) + '\t' + tsvNullable(r.postcode) + '\t' + tsvNullable(r.city) + '\t' + tsvNullable(r.birthDate) + '\t' +
      r.language + '\t' + (r.formerCustomer ? '1' : '0') + '\t' + Number(r.tierSeverity) + '\t' + Number(r.exposedMask) + '\t' + contentHash + '\t' + importId + '\n'
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

  /** Several customers at once (postal list, sending); plain SQL because sending reads every letter's customer. */
  async findByIds(ids: string[]): Promise<AffectedCustomer[]> {
    if (ids.length === 0) return [];
    const rows = await this.customers.query<CustomerRow[]>(`SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE id IN (?)`, [ids]);
    return rows.map(customerFromRow);
  }
}

const SQL_ESCAPES: Record<string, string> = { '\0': '\\0', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\x1a': '\\Z', '"': '\\"', "'": "\\'", '\\': '\\\\' };

// eslint-disable-next-line no-control-regex
const SQL_SPECIAL = /[\0\b\t\n\r\x1a"'\\]/;
// eslint-disable-next-line no-control-regex
const SQL_SPECIALS = /[\0\b\t\n\r\x1a"'\\]/g;

/** A MySQL string literal (the same escaping mysql2 applies to `?` parameters). */
export function sqlString(value: string): string {
  // Most values need no escaping: one test is cheaper than a replacement with a callback.
  return SQL_SPECIAL.test(value) ? "'" + value.replace(SQL_SPECIALS, (c) => SQL_ESCAPES[c]) + "'" : "'" + value + "'";
}

function sqlNullable(value: string | null): string {
  return value === null ? 'NULL' : sqlString(value);
}

const TSV_SPECIAL = /[\\\t\n\r\0]/;
const TSV_SPECIALS = /[\\\t\n\r\0]/g;
const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

function tsv(value: string): string {
  return TSV_SPECIAL.test(value) ? value.replace(TSV_SPECIALS, (c) => TSV_ESCAPES[c]) : value;
}

function tsvNullable(value: string | null): string {
  return value === null ? '\\N' : tsv(value);
}

/** The part of a mysql2 connection (callback API) loadNew uses. */
interface LoadingConnection {
  /** The socket to the database (what the import's back-pressure watches). */
  stream?: { readonly writableLength: number; once(event: 'drain' | 'close', listener: () => void): unknown };
  query(options: { sql: string; infileStreamFactory: () => Readable }, callback: (err: Error | null, res?: { affectedRows?: number; warningStatus?: number }) => void): void;
}

/** A write built by prepareWrite, not yet run: text SQL, or a prepared statement and its values. */
export interface PreparedWrite {
  readonly sql: string;
  readonly values?: (string | number | null)[];
}

/** The part of a mysql2 connection (callback API) runWrite uses. */
interface ExecutingConnection {
  execute(sql: string, values: (string | number | null)[], callback: (err: Error | null) => void): void;
}

/** Rows per import batch; a full batch of new customers is written with one prepared statement. */
export const INSERT_BATCH_ROWS = 2000;

const INSERT_COLUMNS = [
  'incidentId',
  'customerNumber',
  'name',
  'email',
  'phone',
  'street',
  'houseNumber',
  'houseNumberSuffix',
  'postcode',
  'city',
  'birthDate',
  'language',
  'formerCustomer',
  'tierSeverity',
  'exposedMask',
  'contentHash',
  'lastImportId',
] as const;

const PREPARED_INSERT = `INSERT INTO affected_customers (${INSERT_COLUMNS.join(', ')}) VALUES ${new Array(INSERT_BATCH_ROWS).fill(`(${INSERT_COLUMNS.map(() => '?').join(',')})`).join(',')}`;

const LOAD_NEW = `LOAD DATA LOCAL INFILE 'customers.tsv' INTO TABLE affected_customers CHARACTER SET utf8mb4
  FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${INSERT_COLUMNS.join(', ')})`;

const ON_DUPLICATE_MERGE = `ON DUPLICATE KEY UPDATE name = VALUES(name), email = VALUES(email), phone = VALUES(phone), street = VALUES(street),
         houseNumber = VALUES(houseNumber), houseNumberSuffix = VALUES(houseNumberSuffix), postcode = VALUES(postcode), city = VALUES(city),
         birthDate = VALUES(birthDate), language = VALUES(language), formerCustomer = VALUES(formerCustomer),
         tierSeverity = GREATEST(tierSeverity, VALUES(tierSeverity)), exposedMask = exposedMask | VALUES(exposedMask),
         contentHash = VALUES(contentHash), lastImportId = VALUES(lastImportId)`;
