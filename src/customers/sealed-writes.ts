import { SealedColumns } from './sealed-customer';

/** Anything that runs SQL with `?` parameters (a DataSource, an EntityManager, a QueryRunner). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** One customer's new sealed columns, and (for a compare-and-set) the sealed value it must still hold. */
export interface Reseal {
  id: string;
  sealed: SealedColumns;
  /** Only write while the stored `personal` is exactly these bytes (keys:rotate); omitted: write anyway (the migration). */
  expected?: Buffer;
}

/**
 * Writes the sealed columns of many customers in ONE statement: an UPDATE joined to the new
 * values as a derived table. With `expected`, a row changed since it was read (an import merged
 * it) does not match the join and keeps the newer value: no lost update. Returns rows written.
 */
export async function writeSealed(db: Queryable, rows: Reseal[]): Promise<number> {
  if (rows.length === 0) return 0;
  const params: unknown[] = [];
  const selects = rows.map((r, i) => {
    params.push(r.id, r.sealed.personal, r.sealed.dataKeyId, r.sealed.numberIndex, r.sealed.addressIndex, r.sealed.hasEmail ? 1 : 0, r.expected ?? null);
    return i === 0 ? 'SELECT ? AS id, ? AS personal, ? AS dataKeyId, ? AS numberIndex, ? AS addressIndex, ? AS hasEmail, ? AS expected' : 'SELECT ?,?,?,?,?,?,?';
  });
  const res = (await db.query(
    `UPDATE affected_customers c JOIN (${selects.join(' UNION ALL ')}) v ON c.id = v.id AND (v.expected IS NULL OR c.personal = v.expected)
        SET c.personal = v.personal, c.dataKeyId = v.dataKeyId, c.numberIndex = v.numberIndex, c.addressIndex = v.addressIndex,
            c.hasEmail = v.hasEmail, c.updatedAt = c.updatedAt`,
    params,
  )) as { affectedRows?: number };
  return Number(res.affectedRows ?? 0);
}
