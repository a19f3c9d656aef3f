/** Clicks and opens of one letter not yet written to `letter_engagements`. */
export interface PendingEngagement {
  campaignId: number;
  clicks: number;
  firstClickAt: Date | null;
  openedAt: Date | null;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}

/**
 * Collects clicks and opens in memory so a burst of link hits becomes one multi-row upsert instead
 * of one write per hit. Pure bookkeeping; the owner decides when to write.
 */
export class EngagementBuffer {
  private pending = new Map<string, PendingEngagement>();

  get size(): number {
    return this.pending.size;
  }

  click(letterId: string, campaignId: number, at: Date): void {
    this.merge(letterId, { campaignId, clicks: 1, firstClickAt: at, openedAt: null });
  }

  open(letterId: string, campaignId: number, at: Date): void {
    this.merge(letterId, { campaignId, clicks: 0, firstClickAt: null, openedAt: at });
  }

  /** Removes and returns one letter's pending engagement (to be written together with something else). */
  take(letterId: string): PendingEngagement | undefined {
    const p = this.pending.get(letterId);
    this.pending.delete(letterId);
    return p;
  }

  /** Removes and returns everything pending. */
  drain(): Array<[string, PendingEngagement]> {
    const all = [...this.pending];
    this.pending = new Map();
    return all;
  }

  /** Puts back entries whose write failed, merged with whatever arrived meanwhile. */
  restore(entries: Array<[string, PendingEngagement]>): void {
    for (const [id, p] of entries) this.merge(id, p);
  }

  private merge(letterId: string, p: PendingEngagement): void {
    const cur = this.pending.get(letterId);
    if (!cur) {
      this.pending.set(letterId, { ...p });
      return;
    }
    cur.clicks += p.clicks;
    cur.firstClickAt = earliest(cur.firstClickAt, p.firstClickAt);
    cur.openedAt = earliest(cur.openedAt, p.openedAt);
  }
}

/** One statement for many letters: adds the clicks, keeps the earliest first click and open. */
export function engagementUpsert(entries: Array<[string, PendingEngagement]>): { sql: string; params: unknown[] } {
  if (entries.length === 0) throw new Error('engagementUpsert needs at least one entry');
  const params: unknown[] = [];
  for (const [letterId, p] of entries) params.push(letterId, p.campaignId, p.firstClickAt, p.clicks, p.openedAt);
  const sql =
    'INSERT INTO letter_engagements (letterId, campaignId, firstClickAt, clickCount, openedAt) VALUES ' +
    entries.map(() => '(?,?,?,?,?)').join(',') +
    ' ON DUPLICATE KEY UPDATE clickCount = clickCount + VALUES(clickCount),' +
    ' firstClickAt = COALESCE(firstClickAt, VALUES(firstClickAt)),' +
    ' openedAt = COALESCE(openedAt, VALUES(openedAt))';
  return { sql, params };
}
