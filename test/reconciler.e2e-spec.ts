import Redis from 'ioredis';
import request from 'supertest';
import { Reconciler } from '../src/campaigns/reconciler.service';
import { seedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { auth, counts, createApprovedCampaign, emailLetterIds, until } from './campaigns.support';

/**
 * A partial loss of Redis leaves Bull's keys out of step in two ways. A job id can outlive its job
 * (keys lost in the middle of a Bull operation): such a ghost still counts as a held job, so
 * comparing counts alone would wait for it forever. And a job can outlive its list entry (the list
 * deleted or evicted, the job hashes not): Bull never runs such an orphan, and adding the job again
 * under the same id is a silent no-op.
 */
describe(Reconciler.name, () => {
  let inst: TestInstallation;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, sendRate: 100, reconcileIntervalSeconds: 1 });
  });
  afterAll(async () => {
    await inst.close();
    await sink.close();
  });

  /** A started campaign of `n` letters on an API-only process: its jobs are added, nobody consumes them yet. */
  async function startedCampaign(n: number, domain: string): Promise<{ api: TestApp; id: number; ada: string }> {
    const ada = (await inst.staffToken('comms', 'Ada')).token;
    const bram = (await inst.staffToken('comms', 'Bram')).token;
    const incidentId = await seedIncident(inst.db);
    await seedCustomers(inst.db, incidentId, n, domain);
    const api = await inst.startApp({ appRole: 'api' });
    const id = await createApprovedCampaign(api, incidentId, ada, bram);
    await request(api.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    return { api, id, ada };
  }

  /** Starts a worker, waits for the campaign to complete, and checks the sink got each letter once. */
  async function sentOnceByAWorker(api: TestApp, id: number, ada: string): Promise<void> {
    const worker = await inst.startApp({ appRole: 'worker' });
    try {
      await until(() => counts(api, id, ada), (c) => c.status === 'completed');
      const received = sink.countsByLetter();
      for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId)).toBe(1);
    } finally {
      await worker.close();
      await api.close();
    }
  }

  it('re-adds the job of a letter whose job id is still listed but whose job is gone, and it is sent once', async () => {
    const { api, id, ada } = await startedCampaign(4, 'ghost.example');
    const [victim] = await emailLetterIds(inst, id);
    const redis = new Redis(inst.config.redisUrl);
    try {
      const jobKey = `${inst.config.queuePrefix}:letters:${victim}`;
      expect(await redis.exists(jobKey)).toBe(1);
      await redis.del(jobKey);
      expect(await redis.lrange(`${inst.config.queuePrefix}:letters:wait`, 0, -1)).toContain(victim);

      const reconciler = api.app.get(Reconciler);
      // While a start is still adding the campaign's jobs, the reconciler leaves it to the start.
      const mark = `${inst.config.queuePrefix}:letters:enqueuing:${id}`;
      await redis.set(mark, '1', 'EX', 60);
      expect((await reconciler.run()).reenqueued).toBe(0);
      expect(await redis.exists(jobKey)).toBe(0);
      await redis.del(mark);
      let reenqueued = 0;
      for (let run = 0; run < 6; run++) reenqueued += (await reconciler.run()).reenqueued;
      expect(reenqueued).toBe(1);
      expect(await redis.exists(jobKey)).toBe(1);
    } finally {
      redis.disconnect();
    }

    await sentOnceByAWorker(api, id, ada);
  });

  it('re-adds the jobs of letters whose jobs are still in Redis but in none of Bull\'s lists, and each is sent once', async () => {
    const { api, id, ada } = await startedCampaign(5, 'orphan.example');
    const letters = await emailLetterIds(inst, id);
    const redis = new Redis(inst.config.redisUrl);
    const wait = `${inst.config.queuePrefix}:letters:wait`;
    try {
      // Other letters' jobs stay listed: the orphans must be found among held jobs too.
      const [kept, ...orphaned] = letters;
      for (const letterId of orphaned) expect(await redis.lrem(wait, 0, letterId)).toBe(1);
      for (const letterId of letters) expect(await redis.exists(`${inst.config.queuePrefix}:letters:${letterId}`)).toBe(1);
      const reconciler = api.app.get(Reconciler);
      let reenqueued = 0;
      for (let run = 0; run < 3; run++) reenqueued += (await reconciler.run()).reenqueued;
      expect(reenqueued).toBe(orphaned.length);
      expect((await redis.lrange(wait, 0, -1)).sort()).toEqual([kept, ...orphaned].sort());
    } finally {
      redis.disconnect();
    }

    await sentOnceByAWorker(api, id, ada);
  });
});
