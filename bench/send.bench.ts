/**
 * Send benchmark: 20,000 letters through the real campaign path (letter rows, Bull jobs, guarded
 * claims, rendering, pooled SMTP, recorded outcomes) against the plain-nodemailer baseline: the same
 * number of pre-rendered messages over a pool with the same settings, to the same SMTP sink running
 * in its own process. Prints both rates and their ratio (target: at least 70%).
 *
 *   npm run bench:send            (BENCH_LETTERS=5000 for a quicker run)
 */
import 'reflect-metadata';
import { fork, ChildProcess } from 'node:child_process';
import nodemailer from 'nodemailer';
import { CampaignsService } from '../src/campaigns/campaigns.service';
import { CustomersService } from '../src/customers/customers.service';
import { IncidentsService } from '../src/incidents/incidents.service';
import { LettersService } from '../src/letters/letters.service';
import { SMTP_POOL_OPTIONS } from '../src/mail/mail-transport';
import { seedCustomers, seedIncident } from '../test/support/seed';
import { createInstallation } from '../test/support/test-app';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 20000);

function startSink(): Promise<{ proc: ChildProcess; port: number; ask<T>(cmd: string): Promise<T> }> {
  const proc = fork(`${__dirname}/smtp-sink-process.ts`, [], { execArgv: ['-r', 'ts-node/register/transpile-only'], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' } });
  const ask = <T>(cmd: string) =>
    new Promise<T>((resolve) => {
      proc.once('message', (m) => resolve(m as T));
      proc.send({ cmd });
    });
  return new Promise((resolve) => proc.once('message', (m: { port: number }) => resolve({ proc, port: m.port, ask })));
}

async function main(): Promise<void> {
  const sink = await startSink();
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  const inst = await createInstallation({ smtpUrl, sendRate: 100000, appRole: 'all', logLevel: 'error', reconcileIntervalSeconds: 5 });
  try {
    const incidentId = await seedIncident(inst.db);
    await seedCustomers(inst.db, incidentId, LETTERS, 'bench.example');
    const ada = await inst.staffToken('comms', 'Ada');
    const bram = await inst.staffToken('comms', 'Bram');
    const t = await inst.startApp({ appRole: 'all' });
    const campaigns = t.app.get(CampaignsService);
    const actor = (id: number) => ({ id, name: 'bench', role: 'comms' });

    const created = await campaigns.create(incidentId, ['photographed', 'viewed', 'searched'], actor(ada.id));
    await campaigns.approve(created.id, actor(bram.id));
    process.stdout.write(`campaign #${created.id}: ${created.email} e-mail letters; sending…\n`);
    const t0 = performance.now();
    await campaigns.start(created.id, actor(ada.id));
    for (;;) {
      const c = await campaigns.counts(created.id);
      if (c.sent + c.failed + c.unknown >= created.email) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const campaignSeconds = (performance.now() - t0) / 1000;
    const afterCampaign = await sink.ask<{ messages: number; letters: number; duplicates: number }>('stats');
    const final = await campaigns.counts(created.id);

    // Baseline: the same letters, rendered beforehand (not timed), over a plain nodemailer pool.
    const incident = await t.app.get(IncidentsService).get(incidentId);
    const letters = t.app.get(LettersService);
    const customers = t.app.get(CustomersService);
    const rows: { id: string; customerId: string; token: string }[] = await inst.db.query("SELECT id, customerId, token FROM letters WHERE campaignId = ? AND channel = 'email'", [created.id]);
    const byId = new Map((await customers.findByIds(rows.map((r) => String(r.customerId)))).map((c) => [String(c.id), c]));
    const prepared = rows.map((r) => {
      const customer = byId.get(String(r.customerId))!;
      const rendered = letters.render(incident, customer, { token: r.token, sendDate: new Date() });
      return {
        from: { name: incident.company, address: incident.senderEmail },
        to: customer.email!,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: { 'X-Letter-Id': `plain-${r.id}` },
      };
    });
    await t.close();
    await sink.ask('reset');
    const plain = nodemailer.createTransport({ ...SMTP_POOL_OPTIONS, host: '127.0.0.1', port: sink.port, secure: false });
    const t1 = performance.now();
    await Promise.all(prepared.map((m) => plain.sendMail(m)));
    const plainSeconds = (performance.now() - t1) / 1000;
    plain.close();
    const afterPlain = await sink.ask<{ messages: number }>('stats');

    const campaignRate = created.email / campaignSeconds;
    const plainRate = prepared.length / plainSeconds;
    const result = {
      letters: created.email,
      campaign: { seconds: +campaignSeconds.toFixed(2), perSecond: Math.round(campaignRate), sent: final.sent, failed: final.failed, unknown: final.unknown, sinkMessages: afterCampaign.messages, duplicates: afterCampaign.duplicates },
      plainNodemailer: { seconds: +plainSeconds.toFixed(2), perSecond: Math.round(plainRate), sinkMessages: afterPlain.messages },
      ratio: +(campaignRate / plainRate).toFixed(3),
      target: 0.7,
    };
    process.stdout.write(`campaign path:    ${result.campaign.perSecond} letters/s (${result.campaign.seconds} s, ${result.campaign.duplicates} duplicates at the sink)\n`);
    process.stdout.write(`plain nodemailer: ${result.plainNodemailer.perSecond} messages/s (${result.plainNodemailer.seconds} s)\n`);
    process.stdout.write(`ratio: ${(result.ratio * 100).toFixed(1)}% (target ≥ 70%)\n`);
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await inst.close();
    sink.proc.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:send failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
