import { ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import request from 'supertest';
import { LetterSender } from '../src/campaigns/letter-sender.service';
import { seedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { auth, counts, createApprovedCampaign, emailLetterIds, lettersByState, until } from './campaigns.support';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

interface Worker {
  proc: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

/** Exactly-once sending with real worker processes (APP_ROLE=worker) on the same MySQL and Redis. */
describe(`${LetterSender.name} across worker processes`, () => {
  let inst: TestInstallation;
  let sink: Sink;
  let api: TestApp;
  let ada: string;
  let bram: string;
  const workers = new Set<Worker>();

  function startWorker(): Promise<Worker> {
    const c = inst.config;
    const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: `${__dirname}/..`,
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: '1',
        APP_ROLE: 'worker',
        DATABASE_URL: c.databaseUrl,
        REDIS_URL: c.redisUrl,
        QUEUE_PREFIX: c.queuePrefix,
        SMTP_URL: sink.url,
        OUTBOX_DIR: c.outboxDir,
        WEBHOOK_SECRET: c.webhookSecret,
        PUBLIC_BASE_URL: c.publicBaseUrl,
        SEND_RATE: '150',
        SEND_LEASE_SECONDS: '5',
        RECONCILE_INTERVAL_SECONDS: '1',
        SEND_RETRY_BASE_MS: '100',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const w: Worker = { proc, output: [], exited: new Promise((resolve) => proc.once('exit', () => resolve())) };
    workers.add(w);
    void w.exited.then(() => workers.delete(w));
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        w.output.push(chunk.toString());
        if (chunk.toString().includes('worker started')) resolve(w);
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
      proc.once('exit', (code) => reject(new Error(`worker exited (${code}) before starting: ${w.output.join('').slice(-2000)}`)));
    });
  }

  async function kill(w: Worker): Promise<void> {
    w.proc.kill('SIGKILL');
    await w.exited;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url, appRole: 'api' });
    ada = (await inst.staffToken('comms', 'Ada', 'ada@staff.example')).token;
    bram = (await inst.staffToken('comms', 'Bram')).token;
    api = await inst.startApp({ appRole: 'api' });
  });
  afterAll(async () => {
    for (const w of [...workers]) await kill(w);
    await inst.close();
    await sink.close();
  });
  afterEach(async () => {
    for (const w of [...workers]) await kill(w);
    sink.messages.length = 0;
  });

  async function campaignOf(n: number): Promise<number> {
    const incidentId = await seedIncident(inst.db);
    await seedCustomers(inst.db, incidentId, n, `i${incidentId}.example`);
    return createApprovedCampaign(api, incidentId, ada, bram);
  }

  const sentCount = async (id: number) => (await counts(api, id, ada)).counts.sent;
  const finished = (id: number) => until(() => counts(api, id, ada), (c) => c.status === 'completed', 250);

  it('sends each letter exactly once with two worker processes, and mails the creator a report', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const id = await campaignOf(400);
    await request(api.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    const done = await finished(id);
    expect(done.counts).toMatchObject({ email: 400, sent: 400, unknown: 0, failed: 0 });
    const received = sink.countsByLetter();
    for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId)).toBe(1);
    const report = await until(() => Promise.resolve(sink.messages.filter((m) => m.to.includes('ada@staff.example'))), (r) => r.length > 0);
    expect(report).toHaveLength(1);
    expect(report[0].parsed.subject).toBe(`Campaign ${id} finished: 400 of 400 e-mails sent`);
    expect(report[0].parsed.text).toMatch(/E-mails sent: 400 of 400/);
  });

  it('loses no letter and repeats none (unless marked unknown) when a worker is killed twice mid-campaign', async () => {
    let victim = await startWorker();
    await startWorker();
    const id = await campaignOf(2000);
    await request(api.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    await until(() => sentCount(id), (n) => n >= 300, 50);
    await kill(victim);
    victim = await startWorker();
    await until(() => sentCount(id), (n) => n >= 1100, 50);
    await kill(victim);
    await startWorker();
    const done = await finished(id);
    const states = await lettersByState(inst, id);
    const received = sink.countsByLetter();
    const ids = await emailLetterIds(inst, id);
    expect(ids).toHaveLength(2000);
    for (const letterId of ids) {
      const state = states.get(letterId);
      expect(['sent', 'unknown']).toContain(state);
      if (state === 'sent') expect(received.get(letterId)).toBe(1);
      else expect(received.get(letterId) ?? 0).toBeLessThanOrEqual(1);
    }
    expect(done.counts.sent + done.counts.unknown).toBe(2000);
    // Only letters a killed worker held can be unknown: at most its concurrency per kill.
    expect(done.counts.unknown).toBeLessThanOrEqual(2 * 32);
    const csv = await request(api.http).get(`/api/campaigns/${id}/postal`).set(auth(ada)).expect(200);
    for (const [letterId, state] of states) if (state === 'unknown') expect(csv.text).toContain(`\r\n${letterId},`);
  });

  it('a worker stopped with SIGTERM mid-campaign finishes the letters in hand: none fails, none is unknown, the campaign goes on', async () => {
    const stopping = await startWorker();
    const id = await campaignOf(1500);
    await request(api.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    await until(() => sentCount(id), (n) => n >= 200, 50);
    stopping.proc.kill('SIGTERM');
    await stopping.exited;
    const afterStop = await counts(api, id, ada);
    // Closing the SMTP pool under letters in flight used to fail each of them and pause the campaign.
    expect(afterStop.status).toBe('sending');
    expect(afterStop.counts).toMatchObject({ failed: 0, unknown: 0, sending: 0 });
    await startWorker();
    const done = await finished(id);
    expect(done.counts).toMatchObject({ email: 1500, sent: 1500, failed: 0, unknown: 0 });
    const received = sink.countsByLetter();
    for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId)).toBe(1);
  });

  it('still sends every letter once when Redis loses the queue mid-campaign', async () => {
    await startWorker();
    const id = await campaignOf(600);
    await request(api.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    await until(() => sentCount(id), (n) => n >= 150, 50);
    // Only this installation's keys: other test runs share this Redis.
    const redis = new Redis(inst.config.redisUrl);
    try {
      let cursor = '0';
      let deleted = 0;
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${inst.config.queuePrefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) deleted += await redis.del(...keys);
      } while (cursor !== '0');
      expect(deleted).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
    expect((await counts(api, id, ada)).counts.sent).toBeLessThan(600);
    const done = await finished(id);
    expect(done.counts).toMatchObject({ sent: 600, unknown: 0 });
    const received = sink.countsByLetter();
    for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId)).toBe(1);
  });

  it('sends every letter once, none unknown, while the database drops every connection mid-campaign', async () => {
    await startWorker();
    const id = await campaignOf(1500);
    await request(api.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
    await until(() => sentCount(id), (n) => n >= 200, 50);
    // What a database restart looks like from the processes: every connection of this installation
    // (the worker's and the API's, not other test files') dropped at once, three times.
    const database = new URL(inst.config.databaseUrl).pathname.slice(1);
    for (let round = 0; round < 3; round++) {
      const threads: { ID: string }[] = await inst.db.query('SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()', [database]);
      expect(threads.length).toBeGreaterThan(0);
      for (const t of threads) await inst.db.query(`KILL CONNECTION ${Number(t.ID)}`).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect((await counts(api, id, ada)).counts.sent).toBeLessThan(1500);
    const done = await finished(id);
    // Letters claimed, read or recorded while their connection dropped used to end `unknown`
    // (never sent, on the postal list) once their leases ran out.
    expect(done.counts).toMatchObject({ sent: 1500, unknown: 0, failed: 0 });
    const received = sink.countsByLetter();
    for (const letterId of await emailLetterIds(inst, id)) expect(received.get(letterId)).toBe(1);
  });
});
