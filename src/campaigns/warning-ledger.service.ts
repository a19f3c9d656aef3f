import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PriorWarning } from './waves';

/** Anything that runs SQL: the data source, or the entity manager of a transaction. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Owner of the `warnings` ledger. A customer counts as warned at a severity once a started
 * campaign's warning letter is in it; the table's primary key (incident, customer, severity)
 * keeps out a second one, whatever runs at the same time.
 */
@Injectable()
export class WarningLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Per customer id: the most severe earlier warning and every category warnings named. Customers never warned are absent. */
  async priorWarnings(incidentId: number, customerIds: string[], q: Queryable = this.db): Promise<Map<string, PriorWarning>> {
    const out = new Map<string, PriorWarning>();
    for (let i = 0; i < customerIds.length; i += 5000) {
      const rows = (await q.query('SELECT customerId, MAX(severity) severity, BIT_OR(exposedMask) mask FROM warnings WHERE incidentId = ? AND customerId IN (?) GROUP BY customerId', [
        incidentId,
        customerIds.slice(i, i + 5000),
      ])) as { customerId: string; severity: number; mask: string | number }[];
      for (const r of rows) out.set(String(r.customerId), { severity: Number(r.severity), exposedMask: Number(r.mask) });
    }
    return out;
  }

  /**
   * Call inside the transaction that starts a campaign, before its letters are enqueued: writes
   * the campaign's warning letters into the ledger and drops the letters of customers another
   * campaign warned at that severity first (counted on the campaign as `alreadyWarnedAtStart`).
   * Two campaigns starting at once both try to write the same key; the database lets one win.
   */
  async recordAtStart(q: Queryable, campaignId: number): Promise<{ warned: number; alreadyWarned: number }> {
    // Key order is the same in every campaign, so two of them meeting on many customers wait rather than deadlock.
    await q.query(
      `INSERT INTO warnings (incidentId, customerId, severity, letterId, campaignId, exposedMask)
       SELECT c.incidentId, l.customerId, l.severity, l.id, l.campaignId, l.exposedMask
         FROM letters l JOIN campaigns c ON c.id = l.campaignId
        WHERE l.campaignId = ? AND l.kind = 'warning'
        ORDER BY l.customerId
       ON DUPLICATE KEY UPDATE letterId = warnings.letterId`,
      [campaignId],
    );
    const dropped = (await q.query(
      `DELETE l FROM letters l
         JOIN campaigns c ON c.id = l.campaignId
         JOIN warnings w ON w.incidentId = c.incidentId AND w.customerId = l.customerId AND w.severity = l.severity
        WHERE l.campaignId = ? AND l.kind = 'warning' AND w.letterId <> l.id AND l.state IN ('pending','queued')`,
      [campaignId],
    )) as { affectedRows: number };
    if (dropped.affectedRows > 0) await q.query('UPDATE campaigns SET alreadyWarnedAtStart = alreadyWarnedAtStart + ? WHERE id = ?', [dropped.affectedRows, campaignId]);
    // Counted, not taken from affectedRows: mysql2 reports found duplicates as affected.
    const [warned] = (await q.query('SELECT COUNT(*) n FROM warnings WHERE campaignId = ?', [campaignId])) as { n: string }[];
    return { warned: Number(warned.n), alreadyWarned: dropped.affectedRows };
  }
}
