/**
 * The send benchmark's baseline, in its own process: the campaign's letters, rendered beforehand
 * with the product's own renderer (not timed), then sent with plain pooled nodemailer (html + text,
 * nodemailer's default MIME) over SMTP_POOL_SIZE connections, SMTP_POOL_SIZE × 20 in flight. Prints one JSON line:
 * `{letters, seconds, perSecond, bytes, peakRss, cpuSeconds}`.
 *
 *   BASELINE_CAMPAIGN=<id> DATABASE_URL=… SMTP_URL=… SMTP_POOL_SIZE=10 node dist/bench/send-baseline-process.js
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import nodemailer, { SendMailOptions } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { JsonLogger } from '../src/common/json-logger';
import { loadConfig } from '../src/config/config';
import { CustomersService } from '../src/customers/customers.service';
import { IncidentsService } from '../src/incidents/incidents.service';
import { LettersService } from '../src/letters/letters.service';
import { processFacts, runBench } from './processes';

async function main(): Promise<void> {
  const config = { ...loadConfig(process.env), appRole: 'api' as const };
  const campaignId = Number(process.env.BASELINE_CAMPAIGN);
  const ctx = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: new JsonLogger('error') });
  const db = ctx.get<DataSource>(getDataSourceToken());
  const [{ incidentId }] = await db.query<{ incidentId: number }[]>('SELECT incidentId FROM campaigns WHERE id = ?', [campaignId]);
  const incident = await ctx.get(IncidentsService).get(Number(incidentId));
  const rows: { id: string; customerId: string; token: string }[] = await db.query("SELECT id, customerId, token FROM letters WHERE campaignId = ? AND channel = 'email' ORDER BY id", [campaignId]);
  const letters = ctx.get(LettersService);
  const customers = ctx.get(CustomersService);
  const prepared: SendMailOptions[] = [];
  for (let i = 0; i < rows.length; i += 5000) {
    const page = rows.slice(i, i + 5000);
    const byId = new Map((await customers.findByIds(page.map((r) => String(r.customerId)))).map((c) => [String(c.id), c]));
    for (const r of page) {
      const customer = byId.get(String(r.customerId))!;
      const rendered = letters.render(incident, customer, { token: r.token, sendDate: new Date() });
      prepared.push({
        from: { name: incident.company, address: incident.senderEmail },
        to: customer.email!,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: { 'X-Letter-Id': `plain-${r.id}` },
      });
    }
  }
  await ctx.close();

  const smtp = new URL(config.smtpUrl!);
  const plain = nodemailer.createTransport({ pool: true, maxConnections: config.smtpPoolSize, maxMessages: Infinity, host: smtp.hostname, port: Number(smtp.port), secure: false, ignoreTLS: true });
  const before = processFacts(process.pid)!;
  const t0 = performance.now();
  // A bounded window in flight, as a careful sender would: handing nodemailer's pool every message
  // at once (Promise.all over 100,000) makes its queue, not SMTP, the bottleneck.
  const window = config.smtpPoolSize * 20;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < prepared.length) await plain.sendMail(prepared[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(window, prepared.length) }, lane));
  const seconds = (performance.now() - t0) / 1000;
  const after = processFacts(process.pid)!;
  plain.close();
  process.stdout.write(
    JSON.stringify({ letters: prepared.length, seconds, perSecond: prepared.length / seconds, cpuSeconds: after.cpuSeconds - before.cpuSeconds, peakRss: after.peakRss }) + '\n',
  );
}

runBench('send baseline', main);
