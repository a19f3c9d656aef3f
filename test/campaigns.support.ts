import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { TestApp, TestInstallation } from './support/test-app';

/** Shared steps of the campaign and sending tests. */
export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function createApprovedCampaign(t: TestApp, incidentId: number, creator: string, approver: string, tiers = ['photographed', 'viewed', 'searched']): Promise<number> {
  const created = await request(t.http).post(`/api/incidents/${incidentId}/campaigns`).set(auth(creator)).send({ tiers }).expect(201);
  await request(t.http).post(`/api/campaigns/${created.body.id}/approve`).set(auth(approver)).expect(200);
  return created.body.id as number;
}

export async function counts(t: TestApp, id: number, token: string): Promise<{ status: string; pausedReason: string | null; resumeAt: string | null; counts: Record<string, number> }> {
  const res = await request(t.http).get(`/api/campaigns/${id}`).set(auth(token)).expect(200);
  return res.body;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `done` holds; the test's own timeout is the limit. */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, everyMs = 200): Promise<T> {
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    await sleep(everyMs);
  }
}

export async function lettersByState(inst: TestInstallation, campaignId: number): Promise<Map<string, string>> {
  const rows: { id: string; state: string }[] = await inst.db.query('SELECT id, state FROM letters WHERE campaignId = ?', [campaignId]);
  return new Map(rows.map((r) => [String(r.id), r.state]));
}

export async function emailLetterIds(inst: TestInstallation, campaignId: number): Promise<string[]> {
  const rows: { id: string }[] = await inst.db.query("SELECT id FROM letters WHERE campaignId = ? AND channel = 'email' ORDER BY id", [campaignId]);
  return rows.map((r) => String(r.id));
}

export function sign(body: string, secret = 'test-webhook-secret'): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}
