import { DataSource } from 'typeorm';
import { newLinkToken } from '../src/tracking/link-token';

/** A campaign row for tests whose subject is not the campaign itself (straight into the table). */
export async function seedCampaign(db: DataSource, incidentId: number, status = 'sending'): Promise<number> {
  const res: { insertId: number } = await db.query('INSERT INTO campaigns (incidentId, tiers, status, createdBy) VALUES (?,?,?,?)', [
    incidentId,
    JSON.stringify(['photographed', 'viewed', 'searched']),
    status,
    1,
  ]);
  return Number(res.insertId);
}

/** One sent e-mail letter per customer of the incident (in customer id order); returns their ids and tokens. */
export async function seedSentLetters(db: DataSource, campaignId: number, incidentId: number, tipIds: string[] = []): Promise<Array<{ letterId: string; customerId: string; token: string }>> {
  const customers: Array<{ id: string }> = await db.query('SELECT id FROM affected_customers WHERE incidentId = ? ORDER BY id', [incidentId]);
  const rows = customers.map((c) => ({ customerId: String(c.id), token: newLinkToken() }));
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await db.query(
      `INSERT INTO letters (campaignId, customerId, channel, state, token, tipIds, sentAt) VALUES ${batch.map(() => "(?,?,'email','sent',?,?,NOW(3))").join(',')}`,
      batch.flatMap((r) => [campaignId, r.customerId, r.token, JSON.stringify(tipIds)]),
    );
  }
  const ids: Array<{ id: string; token: string }> = await db.query('SELECT id, token FROM letters WHERE campaignId = ?', [campaignId]);
  const byToken = new Map(ids.map((r) => [r.token, String(r.id)]));
  return rows.map((r) => ({ ...r, letterId: byToken.get(r.token)! }));
}

/** The letter's own link (`PUBLIC_BASE_URL/l/<token>`, maybe with `#section`) as found in a received message's text. */
export function letterLinks(text: string): Array<{ url: string; token: string; path: string }> {
  return [...text.matchAll(/https?:\/\/[^\s"'<>]+?\/l\/([A-Za-z0-9_-]{22})(#[A-Za-z0-9_-]+)?(?=[\s"'<>)\]]|$)/g)].map((m) => ({ url: m[0], token: m[1], path: `/l/${m[1]}` }));
}
