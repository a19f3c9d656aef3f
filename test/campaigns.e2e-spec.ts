import Redis from 'ioredis';
import request from 'supertest';
import { CampaignsService } from '../src/campaigns/campaigns.service';
import { seedCustomers, seedIncident, updateSealedCustomer } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { auth, counts, createApprovedCampaign, emailLetterIds, lettersByState, sign, sleep, until } from './campaigns.support';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

describe(CampaignsService.name, () => {
  let inst: TestInstallation;
  let sink: Sink;
  let t: TestApp;
  let ada: string;
  let bram: string;
  let adaId: number;
  let admin: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, sendRate: 100, sendRetryBaseMs: 50, reconcileIntervalSeconds: 1, sendLeaseSeconds: 5, sendFailurePauseAfter: 1000 });
    const a = await inst.staffToken('comms', 'Ada', 'ada@staff.example');
    ada = a.token;
    adaId = a.id;
    bram = (await inst.staffToken('comms', 'Bram')).token;
    admin = (await inst.staffToken('admin')).token;
    t = await inst.startApp();
  });
  afterAll(async () => {
    await inst.close();
    await sink.close();
  });
  beforeEach(() => {
    sink.messages.length = 0;
    sink.setRule(undefined);
    sink.setDropAfterData(undefined);
  });

  async function incidentWith(n: number, extra: Parameters<typeof seedCustomers>[2] = []): Promise<number> {
    const id = await seedIncident(inst.db);
    await seedCustomers(inst.db, id, n, `i${id}.example`);
    if (Array.isArray(extra) && extra.length) await seedCustomers(inst.db, id, extra);
    return id;
  }

  const finished = (id: number) => until(() => counts(t, id, ada), (c) => c.status === 'completed');

  it('sends every e-mail letter exactly once and keeps post letters pending', async () => {
    const incidentId = await incidentWith(60, [{ customerNumber: 'P-1', name: 'Per Post', email: null, street: 'Kade', houseNumber: '1', postcode: '1000 AA', city: 'Stad' }]);
    const id = await createApprovedCampaign(t, incidentId, ada, bram);
    await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202, { id, status: 'sending' });
    const done = await finished(id);
    expect(done.counts).toMatchObject({ total: 61, email: 60, post: 1, pending: 1, sent: 60, queued: 0, sending: 0, retrying: 0, failed: 0, unknown: 0 });
    const ids = await emailLetterIds(inst, id);
    const received = sink.countsByLetter();
    for (const letterId of ids) expect(received.get(letterId)).toBe(1);
    const sent: { messageId: string; state: string; tipIds: string | null }[] = await inst.db.query("SELECT messageId, state, tipIds FROM letters WHERE campaignId = ? AND channel = 'email'", [id]);
    const wireIds = new Set(sink.messages.map((m) => (m.parsed.messageId ?? '').replace(/^<|>$/g, '')));
    for (const l of sent) {
      expect(l.messageId).not.toMatch(/[<>]/);
      expect(wireIds.has(l.messageId)).toBe(true);
      expect(l.tipIds).not.toBeNull();
    }
    const audit = await request(t.http).get('/api/audit?action=campaign.complete').set(auth(admin)).expect(200);
    expect(audit.body.map((e: { subject: string }) => e.subject)).toContain(`campaign:${id}`);
  });

  describe('approval', () => {
    it('refuses the creator with 403 and starts only once a colleague approved', async () => {
      const incidentId = await incidentWith(3);
      const created = await request(t.http).post(`/api/incidents/${incidentId}/campaigns`).set(auth(ada)).send({ tiers: ['viewed', 'searched', 'photographed'] }).expect(201);
      expect(created.body).toMatchObject({ status: 'draft', recipients: 3, email: 3, post: 0 });
      const id = created.body.id;
      const start = await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(409);
      expect(start.body.message).toMatch(/not approved/);
      const own = await request(t.http).post(`/api/campaigns/${id}/approve`).set(auth(ada)).expect(403);
      expect(own.body.message).toMatch(/another member/);
      await request(t.http).post(`/api/campaigns/${id}/approve`).set(auth(bram)).expect(200);
      expect((await counts(t, id, admin)).status).toBe('approved');
      await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
      await finished(id);
      const actions = (await request(t.http).get('/api/audit?limit=50').set(auth(admin)).expect(200)).body
        .filter((e: { subject: string }) => e.subject === `campaign:${id}`)
        .map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['campaign.create', 'campaign.approve', 'campaign.start', 'campaign.complete']));
    });

    it('answers 409 at start, saying what changed, when recipients changed after the approval', async () => {
      const incidentId = await incidentWith(4);
      const id = await createApprovedCampaign(t, incidentId, ada, bram);
      await seedCustomers(inst.db, incidentId, [{ customerNumber: 'LATE-1', name: 'Laat', email: 'laat@late.example', tier: 'viewed' }]);
      await updateSealedCustomer(inst.db, incidentId, 'K0000001', { email: null, street: 'Weg', houseNumber: '2', postcode: '1000 AB', city: 'Dorp' });
      const res = await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(409);
      expect(res.body.message).toMatch(/recipients changed/);
      expect(res.body.message).toMatch(/1 added/);
      expect(res.body.message).toMatch(/1 with a different channel/);
      expect(res.body.message).not.toMatch(/laat@late/);
      // A fresh approval covers the new set.
      await request(t.http).post(`/api/campaigns/${id}/approve`).set(auth(bram)).expect(200);
      await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
      const done = await finished(id);
      expect(done.counts).toMatchObject({ total: 5, email: 4, post: 1, sent: 4 });
    });

    it('answers 409 when only contact details changed, and rejects unknown tiers', async () => {
      const incidentId = await incidentWith(2);
      const id = await createApprovedCampaign(t, incidentId, ada, bram);
      await updateSealedCustomer(inst.db, incidentId, 'K0000002', { email: 'nieuw@adres.example' });
      const res = await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(409);
      expect(res.body.message).toMatch(/contact details/);
      const bad = await request(t.http).post(`/api/incidents/${incidentId}/campaigns`).set(auth(ada)).send({ tiers: ['everyone'] }).expect(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/tier/);
      await request(t.http).post(`/api/incidents/${incidentId}/campaigns`).set(auth(ada)).send({ tiers: [] }).expect(400);
      await request(t.http).post(`/api/incidents/999999/campaigns`).set(auth(ada)).send({ tiers: ['viewed'] }).expect(404);
    });
  });

  describe('failures', () => {
    it('retries 451 answers until every letter is sent', async () => {
      const incidentId = await incidentWith(20);
      const id = await createApprovedCampaign(t, incidentId, ada, bram);
      const refusals = new Map<string, number>();
      // Every third recipient is refused twice with 451, then accepted.
      sink.setRule((address) => {
        const n = Number(/klant(\d+)@/.exec(address)?.[1] ?? 0);
        if (n % 3 !== 0) return undefined;
        const seen = refusals.get(address) ?? 0;
        refusals.set(address, seen + 1);
        return seen < 2 ? { code: 451, message: 'Try again later' } : undefined;
      });
      await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
      const done = await finished(id);
      expect(done.counts).toMatchObject({ sent: 20, failed: 0, retrying: 0 });
      const received = sink.countsByLetter();
      for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId)).toBe(1);
      const attempts: { attempts: number }[] = await inst.db.query('SELECT attempts FROM letters WHERE campaignId = ? AND attempts = 3', [id]);
      expect(attempts.length).toBe(6);
    });

    it('fails a 550 letter after one attempt and puts it on the postal list, formula-safe', async () => {
      const incidentId = await incidentWith(6, [{ customerNumber: 'P-2', name: '=HYPERLINK("http://evil")', email: null, street: '+Straat', houseNumber: '3', postcode: '1000 AC', city: '@Stad' }]);
      const id = await createApprovedCampaign(t, incidentId, ada, bram);
      sink.setRule((address) => (address.startsWith('klant2@') ? { code: 550, message: 'No such user here' } : undefined));
      await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
      const done = await finished(id);
      expect(done.counts).toMatchObject({ sent: 5, failed: 1, post: 1 });
      const failed: { id: string; attempts: number; lastError: string }[] = await inst.db.query("SELECT id, attempts, lastError FROM letters WHERE campaignId = ? AND state = 'failed'", [id]);
      expect(failed[0].attempts).toBe(1);
      expect(failed[0].lastError).toMatch(/^550/);
      expect(failed[0].lastError).not.toMatch(/klant2/);
      const csv = await request(t.http).get(`/api/campaigns/${id}/postal`).set(auth(ada)).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe('letterId,name,street,houseNumber,houseNumberSuffix,postcode,city,language,reason');
      expect(lines).toHaveLength(3);
      expect(lines.find((l) => l.startsWith(`${failed[0].id},`))).toMatch(/,email-failed$/);
      const postLine = lines.find((l) => l.endsWith(',post'))!;
      expect(postLine).toContain(`"'=HYPERLINK(""http://evil"")"`);
      expect(postLine).toContain(",'+Straat,");
      expect(postLine).toContain(",'@Stad,");
      await request(t.http).get(`/api/campaigns/${id}/postal`).set(auth(admin)).expect(403);
    });

    it('marks a letter unknown when the connection drops after the data, never resends it, and lets an admin resolve it', async () => {
      const incidentId = await incidentWith(5);
      const id = await createApprovedCampaign(t, incidentId, ada, bram);
      const [victim] = await emailLetterIds(inst, id);
      sink.setDropAfterData((raw) => /^X-Letter-Id: *(\d+)\s*$/im.exec(raw.toString('latin1'))?.[1] === victim);
      await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
      const done = await finished(id);
      expect(done.counts).toMatchObject({ sent: 4, unknown: 1 });
      await sleep(1500);
      expect(sink.countsByLetter().get(victim)).toBe(1);
      expect((await lettersByState(inst, id)).get(victim)).toBe('unknown');
      const csv = await request(t.http).get(`/api/campaigns/${id}/postal`).set(auth(ada)).expect(200);
      expect(csv.text).toContain(`${victim},`);
      await request(t.http).post(`/api/letters/${victim}/resolve`).set(auth(admin)).send({ outcome: 'maybe' }).expect(400);
      await request(t.http).post(`/api/letters/${victim}/resolve`).set(auth(admin)).send({ outcome: 'resend' }).expect(200, { id: victim, state: 'queued' });
      sink.setDropAfterData(undefined);
      await until(() => lettersByState(inst, id), (m) => m.get(victim) === 'sent');
      expect(sink.countsByLetter().get(victim)).toBe(2);
      await request(t.http).post(`/api/letters/${victim}/resolve`).set(auth(admin)).send({ outcome: 'sent' }).expect(409);
      const audit = await request(t.http).get('/api/audit?action=letter.resolve').set(auth(admin)).expect(200);
      expect(audit.body[0]).toMatchObject({ subject: `letter:${victim}` });
      await finished(id);
    });
  });

  it('sends a letter whose job Bull gave up on (stalled twice) once the reconciler notices', async () => {
    const incidentId = await incidentWith(3);
    const id = await createApprovedCampaign(t, incidentId, ada, bram);
    const [victim] = await emailLetterIds(inst, id);
    // What Bull leaves behind after failing a job that stalled twice: the job, kept under its id in the failed set.
    const redis = new Redis(inst.config.redisUrl);
    try {
      const key = `${inst.config.queuePrefix}:letters`;
      await redis.hset(`${key}:${victim}`, { name: 'send', data: JSON.stringify({ letterId: victim }), opts: '{}', timestamp: String(Date.now()), failedReason: 'job stalled more than allowable limit' });
      await redis.zadd(`${key}:failed`, Date.now(), victim);
    } finally {
      redis.disconnect();
    }
    await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    const done = await finished(id);
    expect(done.counts).toMatchObject({ sent: 3, unknown: 0 });
    expect(sink.countsByLetter().get(victim)).toBe(1);
  });

  it('pause stops new sends and resume finishes without repeats', async () => {
    const incidentId = await incidentWith(150);
    const id = await createApprovedCampaign(t, incidentId, ada, bram);
    const slow = await inst.startApp({ appRole: 'api' });
    try {
      await request(slow.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
      await until(() => Promise.resolve(sink.messages.length), (n) => n >= 20, 20);
      await request(slow.http).post(`/api/campaigns/${id}/pause`).set(auth(bram)).expect(200, { id, status: 'paused' });
      // Letters a worker claimed before the pause may still finish; after that nothing new may start.
      await until(
        async () => Number((await inst.db.query<{ n: string }[]>("SELECT COUNT(*) AS n FROM letters WHERE campaignId = ? AND state = 'sending'", [id]))[0].n),
        (n) => n === 0,
      );
      await sleep(300);
      const atPause = sink.messages.length;
      await sleep(2000);
      expect(sink.messages.length).toBe(atPause);
      const paused = await counts(t, id, ada);
      expect(paused.status).toBe('paused');
      expect(paused.counts.sent).toBe(atPause);
      expect(paused.counts.sent).toBeLessThan(150);
      await request(slow.http).post(`/api/campaigns/${id}/pause`).set(auth(bram)).expect(409);
      await request(slow.http).post(`/api/campaigns/${id}/resume`).set(auth(bram)).expect(200, { id, status: 'sending' });
      const done = await finished(id);
      expect(done.counts.sent).toBe(150);
      const received = sink.countsByLetter();
      for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId)).toBe(1);
    } finally {
      await slow.close();
    }
  });

  describe('mail events webhook', () => {
    let id: number;
    let letters: { id: string; messageId: string }[];
    const post = (body: unknown, signature?: string) => {
      const raw = JSON.stringify(body);
      const req = request(t.http).post('/api/webhooks/mail-events').set('Content-Type', 'application/json');
      return (signature === undefined ? req.set('X-Signature', sign(raw)) : req.set('X-Signature', signature)).send(raw);
    };

    beforeAll(async () => {
      const incidentId = await incidentWith(3);
      id = await createApprovedCampaign(t, incidentId, ada, bram);
      await request(t.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
      await finished(id);
      letters = (await inst.db.query('SELECT id, messageId FROM letters WHERE campaignId = ? ORDER BY id', [id])).map((r: { id: string; messageId: string }) => ({ id: String(r.id), messageId: r.messageId }));
    });

    it('refuses a missing or wrong signature with 401', async () => {
      const body = [{ type: 'delivered', messageId: letters[0].messageId, at: '2026-11-21T10:00:00Z' }];
      await post(body, '').expect(401);
      await post(body, sign(JSON.stringify(body), 'wrong-secret')).expect(401);
      await post(body, 'zz').expect(401);
      expect((await counts(t, id, ada)).counts.delivered).toBe(0);
    });

    it('applies an event once however often it is replayed, with or without angle brackets', async () => {
      const body = [{ type: 'delivered', messageId: `<${letters[0].messageId}>`, at: '2026-11-21T10:00:00Z' }];
      expect((await post(body).expect(200)).body).toMatchObject({ received: 1, applied: 1, duplicates: 0 });
      expect((await post(body).expect(200)).body).toMatchObject({ received: 1, applied: 0, duplicates: 1 });
      expect((await post([{ ...body[0], messageId: letters[0].messageId }]).expect(200)).body).toMatchObject({ duplicates: 1 });
      const events: unknown[] = await inst.db.query('SELECT id FROM mail_events WHERE letterId = ?', [letters[0].id]);
      expect(events).toHaveLength(1);
      expect((await counts(t, id, ada)).counts.delivered).toBe(1);
    });

    it('never lets a late delivered undo a bounce', async () => {
      const m = letters[1].messageId;
      await post([{ type: 'bounced', messageId: m, at: '2026-11-21T10:05:00Z', reason: '550 mailbox of someone@example.nl is full' }]).expect(200);
      await post([{ type: 'delivered', messageId: m, at: '2026-11-21T10:01:00Z' }]).expect(200);
      const c = await counts(t, id, ada);
      expect(c.counts).toMatchObject({ delivered: 1, bounced: 1, sent: 3 });
      const [row]: { reason: string }[] = await inst.db.query("SELECT reason FROM mail_events WHERE type = 'bounced'");
      expect(row.reason).not.toContain('someone@example.nl');
      const csv = await request(t.http).get(`/api/campaigns/${id}/postal`).set(auth(ada)).expect(200);
      expect(csv.text).toContain(`${letters[1].id},`);
      expect(csv.text).toMatch(/email-bounced/);
    });

    it('refuses every event with 401 while no webhook secret is configured', async () => {
      const unset = await inst.startApp({ appRole: 'api', webhookSecret: undefined });
      try {
        const raw = JSON.stringify([{ type: 'delivered', messageId: letters[2].messageId, at: '2026-11-21T10:00:00Z' }]);
        await request(unset.http).post('/api/webhooks/mail-events').set('Content-Type', 'application/json').set('X-Signature', sign(raw)).send(raw).expect(401);
      } finally {
        await unset.close();
      }
    });

    it('rejects a malformed body with 400 after checking the signature', async () => {
      await post([{ type: 'opened', messageId: 'x', at: '2026-11-21T10:00:00Z' }]).expect(400);
      await post({ type: 'delivered' }).expect(400);
    });
  });

  describe('a run of send failures', () => {
    // The suite's app would send these campaigns' letters under its own settings (no pause before
    // 1,000 failures): from here on only apps started with the settings under test send.
    beforeAll(() => t.close());

    async function automaticEvents(app: TestApp, action: string, id: number): Promise<{ actor: string; detail: Record<string, unknown> | null }[]> {
      const res = await request(app.http).get(`/api/audit?action=${action}`).set(auth(admin)).expect(200);
      return (res.body as { subject: string; actor: string; detail: Record<string, unknown> | null }[]).filter((e) => e.subject === `campaign:${id}` && e.detail?.automatic === true);
    }

    it('pauses itself after a run of consecutive failures, with the reason visible', async () => {
      const app = await inst.startApp({ sendFailurePauseAfter: 3, sendRate: 5 });
      try {
        const incidentId = await incidentWith(30);
        const id = await createApprovedCampaign(app, incidentId, ada, bram);
        sink.setRule(() => ({ code: 451, message: 'Service temporarily unavailable' }));
        await request(app.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
        const paused = await until(() => counts(app, id, ada), (c) => c.status === 'paused');
        expect(paused.pausedReason).toMatch(/consecutive send failures/);
        expect(paused.pausedReason).toMatch(/451/);
        expect(paused.counts.sent).toBe(0);
        sink.setRule(undefined);
        await request(app.http).post(`/api/campaigns/${id}/resume`).set(auth(ada)).expect(200);
        const done = await until(() => counts(app, id, ada), (c) => c.status === 'completed');
        expect(done.counts.sent).toBe(30);
        expect(done.pausedReason).toBeNull();
        expect(done.resumeAt).toBeNull();
      } finally {
        await app.close();
      }
      void adaId;
    });

    it('sends again by itself once the relay stops refusing for now, waiting longer each time it still does', async () => {
      const app = await inst.startApp({ sendFailurePauseAfter: 3, sendRate: 5, sendAutoResumeSeconds: 1, sendAttempts: 10 });
      try {
        const incidentId = await incidentWith(20);
        const id = await createApprovedCampaign(app, incidentId, ada, bram);
        sink.setRule(() => ({ code: 421, message: 'Too many messages from your address, slow down' }));
        await request(app.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
        const first = await until(() => counts(app, id, ada), (c) => c.status === 'paused');
        expect(first.pausedReason).toMatch(/^Paused automatically after \d+ consecutive send failures \(the last: .*421.*\)\. Waits 1 second, then sends again by itself \(automatic resume 1 of 6\)/);
        expect(first.resumeAt).not.toBeNull();
        // Still refused after the first cool-off: the first refusal pauses it again, for twice as long.
        const second = await until(() => counts(app, id, ada), (c) => c.status === 'paused' && /automatic resume 2 of 6/.test(c.pausedReason ?? ''));
        const pauses = await automaticEvents(app, 'campaign.pause', id);
        expect(pauses.map((e) => e.detail?.failureKind)).toEqual(['transient', 'transient']);
        const [later, earlier] = pauses.map((e) => Date.parse(String(e.detail?.resumeAt)));
        expect(later - earlier).toBeGreaterThanOrEqual(2000);
        expect(Date.parse(second.resumeAt ?? '')).toBe(later);
        expect(second.counts.sent).toBe(0);

        sink.setRule(undefined);
        const done = await until(() => counts(app, id, ada), (c) => c.status === 'completed');
        expect(done.counts).toMatchObject({ sent: 20, failed: 0, unknown: 0 });
        expect(done.pausedReason).toBeNull();
        const received = sink.countsByLetter();
        for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId)).toBe(1);
        const resumes = await automaticEvents(app, 'campaign.resume', id);
        expect(resumes.length).toBeGreaterThanOrEqual(2);
        expect(resumes.every((e) => e.actor === 'system')).toBe(true);
        const [row]: { autoPauses: number }[] = await inst.db.query('SELECT autoPauses FROM campaigns WHERE id = ?', [id]);
        expect(Number(row.autoPauses)).toBe(0);
      } finally {
        await app.close();
      }
    });

    it("waits for a person after a run of permanent refusals, then tries the refused letters again, except those on paper already", async () => {
      const app = await inst.startApp({ sendFailurePauseAfter: 3, sendRate: 5, sendAutoResumeSeconds: 1 });
      try {
        const incidentId = await incidentWith(20);
        const id = await createApprovedCampaign(app, incidentId, ada, bram);
        sink.setRule(() => ({ code: 554, message: 'Relay access denied' }));
        await request(app.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
        const paused = await until(() => counts(app, id, ada), (c) => c.status === 'paused');
        expect(paused.pausedReason).toMatch(/554/);
        expect(paused.pausedReason).toMatch(/refuses the letters outright.*check its settings/);
        expect(paused.resumeAt).toBeNull();
        await sleep(3000);
        const firstRun = await counts(app, id, ada);
        expect(firstRun.status).toBe('paused');
        expect(firstRun.counts.failed).toBeGreaterThanOrEqual(3);
        // The team prints the refused letters while the relay is looked at: those stay on paper.
        const batch = await request(app.http).post(`/api/campaigns/${id}/print-batches`).set(auth(ada)).expect(202);
        expect(batch.body.letters).toBe(firstRun.counts.failed);

        // Resumed too early: refused again, paused again after another run.
        await request(app.http).post(`/api/campaigns/${id}/resume`).set(auth(ada)).expect(200);
        const secondRun = await until(() => counts(app, id, ada), (c) => c.status === 'paused' && c.counts.failed > firstRun.counts.failed);
        const retriedLater = secondRun.counts.failed - firstRun.counts.failed;

        sink.setRule(undefined);
        await request(app.http).post(`/api/campaigns/${id}/resume`).set(auth(ada)).expect(200);
        const done = await until(() => counts(app, id, ada), (c) => c.status === 'completed');
        expect(done.counts).toMatchObject({ sent: 20 - firstRun.counts.failed, failed: firstRun.counts.failed, unknown: 0 });
        const received = sink.countsByLetter();
        const printed: { letterId: string }[] = await inst.db.query('SELECT letterId FROM print_items i JOIN print_batches b ON b.id = i.batchId WHERE b.campaignId = ?', [id]);
        const onPaper = new Set(printed.map((r) => String(r.letterId)));
        for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId) ?? 0).toBe(onPaper.has(letterId) ? 0 : 1);
        const resumes = await request(app.http).get('/api/audit?action=campaign.resume').set(auth(admin)).expect(200);
        const details = (resumes.body as { subject: string; detail: { lettersRetried?: number } | null }[]).filter((e) => e.subject === `campaign:${id}`).map((e) => e.detail?.lettersRetried ?? 0);
        expect(details).toEqual([retriedLater, 0]);
      } finally {
        await app.close();
      }
    });

    it("never undoes a person's pause by itself", async () => {
      const app = await inst.startApp({ sendFailurePauseAfter: 3, sendRate: 5, sendAutoResumeSeconds: 1 });
      try {
        const incidentId = await incidentWith(40);
        const id = await createApprovedCampaign(app, incidentId, ada, bram);
        sink.setRule(() => ({ code: 421, message: 'Try again later' }));
        await request(app.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
        await until(() => counts(app, id, ada), (c) => c.status === 'paused' && c.resumeAt !== null);
        sink.setRule(undefined);
        await request(app.http).post(`/api/campaigns/${id}/resume`).set(auth(ada)).expect(200);
        await until(() => counts(app, id, ada), (c) => c.counts.sent > 0);
        await request(app.http).post(`/api/campaigns/${id}/pause`).set(auth(bram)).expect(200);
        await sleep(3000);
        const held = await counts(app, id, ada);
        expect(held.status).toBe('paused');
        expect(held.resumeAt).toBeNull();
        expect(held.pausedReason).toMatch(/by staff member/);
        expect(held.counts.sent).toBeLessThan(40);
      } finally {
        await app.close();
      }
    });
  });
});
