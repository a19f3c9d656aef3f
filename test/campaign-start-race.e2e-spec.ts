import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { Reconciler } from '../src/campaigns/reconciler.service';
import { seedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestInstallation } from './support/test-app';
import { auth, counts, createApprovedCampaign, emailLetterIds, sleep, until } from './campaigns.support';

/**
 * Issue 14: a reconciler run that lands in the middle of starting a campaign must never complete it.
 * The start is held at the one point where the old code had already committed `sending` but not
 * yet released the letters: a row lock on one of its letters, taken from another connection, makes
 * the start wait there, whatever the code in between. The reconciler runs right then.
 */
describe(`${Reconciler.name} against a campaign being started`, () => {
  let inst: TestInstallation;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, sendRate: 100000, reconcileIntervalSeconds: 1 });
  });
  afterAll(async () => {
    await inst.close();
    await sink.close();
  });

  it('does not complete a campaign whose start has not finished, and every letter is then sent once', async () => {
    const ada = (await inst.staffToken('comms', 'Ada')).token;
    const bram = (await inst.staffToken('comms', 'Bram')).token;
    const incidentId = await seedIncident(inst.db);
    await seedCustomers(inst.db, incidentId, 300, 'race.example');
    const api = await inst.startApp({ appRole: 'api' });
    const id = await createApprovedCampaign(api, incidentId, ada, bram);
    const ids = await emailLetterIds(inst, id);

    const locker = await createConnection({ uri: inst.config.databaseUrl });
    let started: Promise<request.Response> | undefined;
    try {
      await locker.beginTransaction();
      await locker.query('SELECT id FROM letters WHERE id = ? FOR UPDATE', [ids[ids.length - 1]]);
      started = request(api.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).then((r) => r);
      // Only this test's database counts: other test files share the server. InnoDB refreshes this
      // table only when nobody read it for 100 ms, so polling faster would keep reading a stale copy.
      let answered: request.Response | undefined;
      void started.then((r) => (answered = r));
      const waiting = async () => {
        const [r] = await inst.db.query<{ n: string }[]>(
          `SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
            WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`,
        );
        return Number(r.n);
      };
      await until(waiting, (n) => n > 0 || answered !== undefined, 250);
      // The start must be the one waiting, not already answered (a 409 would make this test meaningless).
      expect(answered?.body).toBeUndefined();

      const run = await api.app.get(Reconciler).run();
      expect(run.completed).not.toContain(id);
      const [row]: { status: string }[] = await inst.db.query('SELECT status FROM campaigns WHERE id = ?', [id]);
      expect(row.status).not.toBe('completed');
    } finally {
      await locker.rollback();
      await locker.end();
    }
    expect((await started).status).toBe(202);

    const worker = await inst.startApp({ appRole: 'worker' });
    try {
      const done = await until(() => counts(api, id, ada), (c) => c.status === 'completed');
      expect(done.counts.sent).toBe(ids.length);
      await sleep(200);
      const received = sink.countsByLetter();
      for (const letterId of ids) expect(received.get(letterId)).toBe(1);
    } finally {
      await worker.close();
      await api.close();
    }
  });

  it('reports, to the reconciler log and to admins at /health/detail, campaigns that break the invariants', async () => {
    const ada = (await inst.staffToken('comms', 'Ada')).token;
    const bram = (await inst.staffToken('comms', 'Bram')).token;
    const admin = (await inst.staffToken('admin', 'Anna')).token;
    const api = await inst.startApp({ appRole: 'api' });
    try {
      const incidentId = await seedIncident(inst.db);
      await seedCustomers(inst.db, incidentId, 6, 'trip.example');
      const broken = await createApprovedCampaign(api, incidentId, ada, bram);
      const stalled = await createApprovedCampaign(api, incidentId, ada, bram);
      const healthy = await createApprovedCampaign(api, incidentId, ada, bram);
      // What no code path may produce, written by hand: completed with letters still queued and
      // pending; and a sending campaign whose queued letters have not moved for an hour.
      await inst.db.query("UPDATE campaigns SET status = 'completed', completedAt = UTC_TIMESTAMP(3) WHERE id = ?", [broken]);
      await inst.db.query("UPDATE letters SET state = IF(id % 2 = 0, 'queued', 'pending') WHERE campaignId = ?", [broken]);
      await inst.db.query("UPDATE campaigns SET status = 'sending', startedAt = UTC_TIMESTAMP(3) WHERE id = ?", [stalled]);
      await inst.db.query("UPDATE letters SET state = 'queued', updatedAt = CURRENT_TIMESTAMP(3) - INTERVAL 1 HOUR WHERE campaignId = ?", [stalled]);
      await inst.db.query("UPDATE campaigns SET status = 'sending', startedAt = UTC_TIMESTAMP(3) WHERE id = ?", [healthy]);
      await inst.db.query("UPDATE letters SET state = 'queued' WHERE campaignId = ?", [healthy]);

      const run = await api.app.get(Reconciler).run();
      expect(run.tripwire).toBeDefined();
      expect(run.tripwire?.completedWithOpenLetters).toEqual([broken]);
      expect(run.tripwire?.startedWithPendingLetters).toEqual([broken]);
      expect(run.tripwire?.stalled.map((s) => s.campaignId)).toEqual([stalled]);
      expect(run.tripwire?.stalled[0].dueLetters).toBe(6);

      await request(api.http).get('/health/detail').expect(401);
      await request(api.http).get('/health/detail').set(auth(ada)).expect(403);
      const detail = await request(api.http).get('/health/detail').set(auth(admin)).expect(200);
      expect(detail.body).toMatchObject({ status: 'attention', mysql: 'ok', redis: 'ok', campaigns: { completedWithOpenLetters: [broken], startedWithPendingLetters: [broken] } });
      // The plain check stays what load balancers expect.
      expect((await request(api.http).get('/health').expect(200)).body).toEqual({ status: 'ok' });
    } finally {
      await api.close();
    }
  });
});
