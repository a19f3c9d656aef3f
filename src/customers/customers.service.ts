import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { EntityManager, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Keyring, keyringFor } from '../data-keys/keyring';
import { AffectedCustomer } from './affected-customer.entity';
import { CustomerInput, MergedCustomer, StoredCustomer } from './customer-merge';
import { loadLine } from './load-line';
import { NO_PERSONAL_DATA, openCustomer, personalFromText, personalText, SealedColumns, sealCustomer } from './sealed-customer';
import { CATEGORIES, Category, Tier, tierFromSeverity } from './tiers';

/** Every column a read needs: the sealed personal value and the plain ones. */
const CUSTOMER_COLUMNS = 'id, incidentId, personal, dataKeyId, hasEmail, language, formerCustomer, tierSeverity, exposedMask, lastImportId, createdAt, updatedAt';

interface CustomerRow {
  id: string;
  incidentId: number;
  personal: Buffer | null;
  dataKeyId: string | null;
  hasEmail: number;
  language: 'nl' | 'en';
  formerCustomer: number;
  tierSeverity: number;
  exposedMask: number;
  lastImportId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A raw row as an entity: the personal value opened once, booleans as booleans, numbers as numbers. */
function customerFromRow(keyring: Keyring, row: CustomerRow): AffectedCustomer {
  const fields = row.personal ? openCustomer(keyring, row.personal) : NO_PERSONAL_DATA; // erased: nothing personal is left
  const c = new AffectedCustomer();
  c.id = String(row.id);
  c.incidentId = Number(row.incidentId);
  c.personal = row.personal;
  c.dataKeyId = row.dataKeyId;
  c.numberIndex = null;
  c.addressIndex = null;
  c.hasEmail = Boolean(Number(row.hasEmail));
  Object.assign(c, fields);
  c.language = row.language;
  c.formerCustomer = Boolean(Number(row.formerCustomer));
  c.tierSeverity = Number(row.tierSeverity);
  c.exposedMask = Number(row.exposedMask);
  c.lastImportId = row.lastImportId === null ? null : Number(row.lastImportId);
  c.createdAt = row.createdAt;
  c.updatedAt = row.updatedAt;
  return c;
}

/** A merged customer ready to write, and the stored row's id when it exists (so a merge matches it whatever key its indexes are under). */
export interface CustomerWrite {
  customer: MergedCustomer;
  /** The personal text, when the caller already built it (to compare with what is stored). */
  text?: string;
  id?: string;
}

/** Owner of `affected_customers`; other modules read customers through this service. */
@Injectable()
export class CustomersService {
  private readonly keyring: Keyring;

  constructor(
    @InjectRepository(AffectedCustomer) private readonly customers: Repository<AffectedCustomer>,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'dataKeys'>,
  ) {
    this.keyring = keyringFor(config.dataKeys);
  }

  /** The keyring sealing this installation's customers (the import fingerprints with it). */
  get keys(): Keyring {
    return this.keyring;
  }

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
      .addSelect('SUM(c.hasEmail)', 'email')
      .where('c.incidentId = :incidentId', { incidentId })
      .groupBy('c.tierSeverity')
      .getRawMany<{ severity: number; total: string; email: string | null }>();
    const counts: Record<Tier, { total: number; email: number }> = { photographed: { total: 0, email: 0 }, viewed: { total: 0, email: 0 }, searched: { total: 0, email: 0 } };
    for (const r of rows) counts[tierFromSeverity(Number(r.severity))] = { total: Number(r.total), email: Number(r.email ?? 0) };
    return counts;
  }

  // findByNumber and findByAddress are plain SQL: they run on every hotline lookup, where building
  // the query through TypeORM's find options cost more CPU than MySQL spent answering it. They
  // match the blind index under every configured key (IN), so lookups keep working while
  // keys:rotate moves customers to the newest key; the opened value is then compared exactly.

  async findByNumber(incidentId: number, customerNumber: string): Promise<AffectedCustomer | null> {
    const rows = await this.customers.query<CustomerRow[]>(`SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE incidentId = ? AND numberIndex IN (?) LIMIT 2`, [
      incidentId,
      this.keyring.numberIndexes(customerNumber),
    ]);
    return rows.map((r) => customerFromRow(this.keyring, r)).find((c) => c.customerNumber === customerNumber) ?? null;
  }

  /** Exact address match (normalised postcode "1234 AB", house number digits, suffix upper case or ""). */
  async findByAddress(incidentId: number, postcode: string, houseNumber: string, houseNumberSuffix: string): Promise<AffectedCustomer[]> {
    const rows = await this.customers.query<CustomerRow[]>(`SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE incidentId = ? AND addressIndex IN (?) ORDER BY id LIMIT 50`, [
      incidentId,
      this.keyring.addressIndexes(postcode, houseNumber, houseNumberSuffix),
    ]);
    return rows
      .map((r) => customerFromRow(this.keyring, r))
      .filter((c) => c.postcode === postcode && c.houseNumber === houseNumber && c.houseNumberSuffix === houseNumberSuffix);
  }

  async findById(id: string): Promise<AffectedCustomer | null> {
    const rows = await this.customers.query<CustomerRow[]>(`SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE id = ?`, [id]);
    return rows.length ? customerFromRow(this.keyring, rows[0]) : null;
  }

  /**
   * The stored state of these customers of one incident, for merging an import batch. Runs on
   * `manager` so an import sees its own uncommitted writes. Found by blind index under every key.
   */
  async findForMerge(manager: EntityManager, incidentId: number, customerNumbers: string[]): Promise<Map<string, StoredCustomer>> {
    const found = new Map<string, StoredCustomer>();
    if (customerNumbers.length === 0) return found;
    const indexes = customerNumbers.flatMap((n) => this.keyring.numberIndexes(n));
    const rows: CustomerRow[] = await manager.query(`SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE incidentId = ? AND numberIndex IN (?)`, [incidentId, indexes]);
    const wanted = new Set(customerNumbers);
    for (const r of rows) {
      if (!r.personal) continue;
      const text = this.keyring.open(r.personal);
      const c = Object.assign(customerFromRow(this.keyring, { ...r, personal: null }), personalFromText(text));
      if (!wanted.has(c.customerNumber)) continue;
      found.set(c.customerNumber, {
        id: c.id,
        customerNumber: c.customerNumber,
        name: c.name,
        email: c.email,
        phone: c.phone,
        street: c.street,
        houseNumber: c.houseNumber,
        houseNumberSuffix: c.houseNumberSuffix,
        postcode: c.postcode,
        city: c.city,
        birthDate: c.birthDate,
        language: c.language,
        formerCustomer: c.formerCustomer,
        tierSeverity: c.tierSeverity,
        exposedMask: c.exposedMask,
        text,
        lastImportId: c.lastImportId,
      });
    }
    return found;
  }

  /**
   * One multi-row INSERT ... ON DUPLICATE KEY UPDATE for a batch of already merged customers. The
   * most severe tier and the union of exposed categories are also enforced in SQL, so the merge
   * holds even against a row written since it was read.
   */
  async upsertMany(manager: EntityManager, incidentId: number, importId: number, rows: CustomerInput[]): Promise<void> {
    await this.writeMany(manager, incidentId, importId, rows, true);
  }

  /** Like upsertMany for customers that must be new: a customer number that exists fails with ER_DUP_ENTRY. */
  async insertMany(manager: EntityManager, incidentId: number, importId: number, rows: CustomerInput[]): Promise<void> {
    await this.writeMany(manager, incidentId, importId, rows, false);
  }

  private async writeMany(manager: EntityManager, incidentId: number, importId: number, rows: CustomerInput[], merge: boolean): Promise<void> {
    if (rows.length === 0) return;
    const merged = rows.map((r) => ({ customer: { ...r, language: r.language ?? 'nl', formerCustomer: r.formerCustomer ?? false } }));
    await this.runWrite(manager, this.prepareWrite(incidentId, importId, merged, merge));
  }

  /**
   * The statement that writes these merged customers (INSERT, or with `merge` INSERT ... ON
   * DUPLICATE KEY UPDATE), built ahead so an import can build batch N+1's while batch N is written.
   * Each customer is sealed here, under the newest key, with one AES-GCM operation. A merge names
   * a stored customer by its id, so it updates that row even while its blind index is still
   * under an older key (during keys:rotate), and moves it to the newest key.
   */
  prepareWrite(incidentId: number, importId: number, rows: CustomerWrite[], merge: boolean): PreparedWrite {
    if (rows.length === 0) return { sql: '' };
    if (!merge && rows.length === INSERT_BATCH_ROWS) {
      // A full batch of new customers goes as a prepared statement (binary protocol): the database
      // then skips parsing 22,000 values, the slowest part of a text INSERT. Only this one size is
      // prepared, so a connection keeps one prepared statement however many imports it runs.
      const values: (string | number | Buffer | null)[] = new Array<string | number | Buffer | null>(rows.length * INSERT_COLUMNS.length);
      let at = 0;
      for (const { customer: r, text } of rows) {
        const sealed = sealCustomer(this.keyring, r, text ?? personalText(r));
        values[at++] = incidentId;
        values[at++] = sealed.numberIndex;
        values[at++] = sealed.addressIndex;
        values[at++] = sealed.personal;
        values[at++] = sealed.dataKeyId;
        values[at++] = sealed.hasEmail ? 1 : 0;
        values[at++] = r.language;
        values[at++] = r.formerCustomer ? 1 : 0;
        values[at++] = r.tierSeverity;
        values[at++] = r.exposedMask;
        values[at++] = importId;
      }
      return { sql: PREPARED_INSERT, values };
    }
    // The VALUES list is escaped value by value here: formatting one statement with 22,000 `?`
    // placeholders costs more than the database needs to run it.
    const head = '(' + Number(incidentId) + ',';
    const tail = ',' + Number(importId) + ')';
    // One string per row, joined once: the statement is then one flat string, not a rope of
    // thousands of pieces that every later reader (the driver's scan, the socket write) must flatten.
    const tuples = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const { customer: r, text, id } = rows[i];
      const sealed = sealCustomer(this.keyring, r, text ?? personalText(r));
      tuples[i] =
        head + sealedSql(sealed) + ',' + sqlString(r.language) + ',' + (r.formerCustomer ? '1' : '0') + ',' + Number(r.tierSeverity) + ',' + Number(r.exposedMask) + tail;
      if (merge) tuples[i] = '(' + (id === undefined ? 'NULL' : String(BigInt(id))) + ',' + tuples[i].slice(1);
    }
    const values = tuples.join(',');
    return {
      sql: `INSERT INTO affected_customers
         (${merge ? 'id, ' : ''}${INSERT_COLUMNS.join(', ')})
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

  /** One customer as a line of loadNew's input (see load-line.ts). */
  loadLine(incidentId: number, importId: number, r: MergedCustomer, text?: string): string {
    return loadLine(this.keyring, incidentId, importId, r, text);
  }

  /** Marks customers an import listed without changing them (keeps updatedAt: nothing changed). */
  async markListed(manager: EntityManager, importId: number, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query('UPDATE affected_customers SET lastImportId = ?, updatedAt = updatedAt WHERE id IN (?)', [importId, ids]);
  }

  /** Customers of these tiers, in id order after `afterId` (keyset paging for campaigns of 100k+ letters). Added by the campaigns issue. */
  async recipientsPage(incidentId: number, tierSeverities: number[], afterId: string, limit: number): Promise<AffectedCustomer[]> {
    const rows = await this.customers.query<CustomerRow[]>(
      `SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE incidentId = ? AND tierSeverity IN (?) AND id > ? ORDER BY id LIMIT ?`,
      [incidentId, tierSeverities, afterId, limit],
    );
    return rows.map((r) => customerFromRow(this.keyring, r));
  }

  /** Several customers at once (postal list, sending); plain SQL because sending reads every letter's customer. */
  async findByIds(ids: string[]): Promise<AffectedCustomer[]> {
    if (ids.length === 0) return [];
    const rows = await this.customers.query<CustomerRow[]>(`SELECT ${CUSTOMER_COLUMNS} FROM affected_customers WHERE id IN (?)`, [ids]);
    return rows.map((r) => customerFromRow(this.keyring, r));
  }
}

/** The sealed columns as SQL literals, in INSERT_COLUMNS order (numberIndex … hasEmail). */
function sealedSql(s: SealedColumns): string {
  return (
    "X'" + s.numberIndex.toString('hex') + "'," + (s.addressIndex ? "X'" + s.addressIndex.toString('hex') + "'" : 'NULL') + ",X'" + s.personal.toString('hex') + "'," +
    sqlString(s.dataKeyId) + ',' + (s.hasEmail ? '1' : '0')
  );
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


/** The part of a mysql2 connection (callback API) loadNew uses. */
interface LoadingConnection {
  /** The socket to the database (what the import's back-pressure watches). */
  stream?: { readonly writableLength: number; once(event: 'drain' | 'close', listener: () => void): unknown };
  query(options: { sql: string; infileStreamFactory: () => Readable }, callback: (err: Error | null, res?: { affectedRows?: number; warningStatus?: number }) => void): void;
}

/** A write built by prepareWrite, not yet run: text SQL, or a prepared statement and its values. */
export interface PreparedWrite {
  readonly sql: string;
  readonly values?: (string | number | Buffer | null)[];
}

/** The part of a mysql2 connection (callback API) runWrite uses. */
interface ExecutingConnection {
  execute(sql: string, values: (string | number | Buffer | null)[], callback: (err: Error | null) => void): void;
}

/** Rows per import batch; a full batch of new customers is written with one prepared statement. */
export const INSERT_BATCH_ROWS = 2000;

const INSERT_COLUMNS = [
  'incidentId',
  'numberIndex',
  'addressIndex',
  'personal',
  'dataKeyId',
  'hasEmail',
  'language',
  'formerCustomer',
  'tierSeverity',
  'exposedMask',
  'lastImportId',
] as const;

const PREPARED_INSERT = `INSERT INTO affected_customers (${INSERT_COLUMNS.join(', ')}) VALUES ${new Array(INSERT_BATCH_ROWS).fill(`(${INSERT_COLUMNS.map(() => '?').join(',')})`).join(',')}`;

/**
 * The sealed columns arrive as their bytes (escaped by load-line.ts); nothing else in a line is
 * personal or outside ASCII (key id, language and numbers), so the file is read as binary.
 */
const LOAD_NEW = `LOAD DATA LOCAL INFILE 'customers.tsv' INTO TABLE affected_customers CHARACTER SET binary
  FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'
  (incidentId, numberIndex, addressIndex, personal, dataKeyId, hasEmail, language, formerCustomer, tierSeverity, exposedMask, lastImportId)`;

const ON_DUPLICATE_MERGE = `ON DUPLICATE KEY UPDATE numberIndex = VALUES(numberIndex), addressIndex = VALUES(addressIndex), personal = VALUES(personal),
         dataKeyId = VALUES(dataKeyId), hasEmail = VALUES(hasEmail), language = VALUES(language), formerCustomer = VALUES(formerCustomer),
         tierSeverity = GREATEST(tierSeverity, VALUES(tierSeverity)), exposedMask = exposedMask | VALUES(exposedMask),
         lastImportId = VALUES(lastImportId)`;
