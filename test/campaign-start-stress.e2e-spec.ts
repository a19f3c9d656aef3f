import { ChildProcess, spawn } from 'node:child_process';
import request from 'supertest';
import { CampaignsService } from '../src/campaigns/campaigns.service';
import { seedCustomers, seedIncident } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { auth, counts, createApprovedCampaign, emailLetterIds, sleep, until } from './campaigns.support';

const LETTERS = Number(process.env.STRESS_LETTERS ?? 20000);
const ROUNDS = Number(process.env.STRESS_ROUNDS ?? 3);

/**
 * Issue 14 under load: campaigns of tens of thousands of letters started while another process
 * runs the reconciler back to back. Each campaign must end with every letter sent exactly once;
 * on the old two-step start the loop completed them with nothing sent.
 */
describe(`${CampaignsService.name} start under a reconciler in a tight loop`, () => {
  let inst: TestInstallation;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: TestApp;
  let loop: ChildProcess;
  let loopOutput = '';

  beforeAll(async () => {
    sink = await startSmtpSink({ countOnly: true });
    inst = await createInstallation({ smtpUrl: sink.url, sendRate: 100000, reconcileIntervalSeconds: 1 });
    const c = inst.config;
    loop = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'test/support/reconciler-loop.ts'], {
      cwd: `${__dirname}/..`,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', DATABASE_URL: c.databaseUrl, REDIS_URL: c.redisUrl, QUEUE_PREFIX: c.queuePrefix, SMTP_URL: sink.url, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    loop.stdout?.on('data', (b: Buffer) => (loopOutput += b.toString()));
    loop.stderr?.on('data', (b: Buffer) => (loopOutput += b.toString()));
    await until(() => Promise.resolve(loopOutput), (o) => o.includes('ready') || loop.exitCode !== null, 100);
    if (!loopOutput.includes('ready')) throw new Error(`reconciler loop did not start: ${loopOutput.slice(-2000)}`);
    app = await inst.startApp({ appRole: 'all' });
  });
  afterAll(async () => {
    const exited = new Promise((resolve) => loop.once('exit', resolve));
    loop.kill('SIGTERM');
    await exited;
    await inst.close();
    await sink.close();
  });

  it(`ends each of ${ROUNDS} campaigns of ${LETTERS} letters with every letter sent exactly once`, async () => {
    const ada = (await inst.staffToken('comms', 'Ada')).token;
    const bram = (await inst.staffToken('comms', 'Bram')).token;
    for (let round = 1; round <= ROUNDS; round++) {
      const incidentId = await seedIncident(inst.db);
      await seedCustomers(inst.db, incidentId, LETTERS, `stress${round}.example`);
      const id = await createApprovedCampaign(app, incidentId, ada, bram);
      await request(app.http).post(`/api/campaigns/${id}/start`).set(auth(ada)).expect(202);
      const done = await until(() => counts(app, id, ada), (c) => c.status === 'completed', 500);
      expect(done.counts).toMatchObject({ email: LETTERS, sent: LETTERS, queued: 0, pending: 0 });
      await sleep(200);
      const received = sink.countsByLetter();
      const notOnce = (await emailLetterIds(inst, id)).filter((letterId) => received.get(letterId) !== 1);
      expect(notOnce).toEqual([]);
    }
    expect(loopOutput).not.toMatch(/failed/);
    // A guard against a hang only (60,000 letters on a loaded 2-core machine), not a speed limit.
  }, 3_600_000);
});
