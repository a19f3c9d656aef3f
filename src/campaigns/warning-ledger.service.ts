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
    // Plain (non-locking) reads of the campaign's letters: they cannot change while start holds the
    // campaign row, and a locking read here would hold locks on letter index ranges that another
    // campaign's start also needs: a deadlock seen when two campaigns started at once.
    const letters = (await q.query(
      `SELECT l.id, l.customerId, l.severity, l.exposedMask, c.incidentId FROM letters l JOIN campaigns c ON c.id = l.campaignId
        WHERE l.campaignId = ? AND l.kind = 'warning' ORDER BY l.customerId`,
      [campaignId],
    )) as { id: string; customerId: string; severity: number; exposedMask: number; incidentId: number }[];
    // Key order is the same in every campaign, so two of them meeting on many customers wait for each other rather than deadlock.
    for (let i = 0; i < letters.length; i += 1000) {
      const batch = letters.slice(i, i + 1000);
      await q.query(
        `INSERT IGNORE INTO warnings (incidentId, customerId, severity, letterId, campaignId, exposedMask) VALUES ${batch.map(() => '(?,?,?,?,?,?)').join(',')}`,
        batch.flatMap((l) => [l.incidentId, l.customerId, l.severity, l.id, campaignId, l.exposedMask]),
      );
    }
    // The keys this campaign got; any other letter's customer was warned at that severity by another campaign first.
    const won = new Set(((await q.query('SELECT letterId FROM warnings WHERE campaignId = ?', [campaignId])) as { letterId: string }[]).map((r) => String(r.letterId)));
    const lost = letters.filter((l) => !won.has(String(l.id))).map((l) => String(l.id));
    for (let i = 0; i < lost.length; i += 1000) {
      await q.query("DELETE FROM letters WHERE id IN (?) AND state IN ('pending','queued')", [lost.slice(i, i + 1000)]);
    }
    if (lost.length > 0) await q.query('UPDATE campaigns SET alreadyWarnedAtStart = alreadyWarnedAtStart + ? WHERE id = ?', [lost.length, campaignId]);
    return { warned: won.size, alreadyWarned: lost.length };
  }
}
