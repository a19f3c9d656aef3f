/**
 * Send benchmark, measured the way production runs: BENCH_LETTERS customers (default 20,000) from
 * a realistic CSV (every column filled, so each letter carries every tip: about 36 KB) imported with
 * `node dist/cli.js import`; the server is `node dist/main.js` (SEND_RATE 100000, SMTP_POOL_SIZE
 * connections, WORKERS processes) sending one campaign to the SMTP sink, which runs in a process
 * of its own. Timed from the start request to the last message the sink accepted.
 * The baseline, in its own process: the same letters rendered beforehand (not timed) and sent with
 * plain pooled nodemailer over the same number of connections to the same sink. Prints both rates,
 * their ratio (target ≥ 90%), CPU per letter and peak RSS (kernel figures) of each process.
 *
 *   npm run bench:send                              (builds first)
 *   BENCH_LETTERS=5000 WORKERS=2 npm run bench:send
 *   BENCH_PROFILE=1 npm run bench:send              (CPU profile of the server, summarised)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainNodemailer } from './floors';
import { summarise } from './profile-summary';
import { api, benchInstallation, fmt, mib, runCli, startServer, startSink, waitUntilSent, runBench } from './processes';
import { writeRealisticCsv } from './realistic-csv';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 20000);
const POOL = process.env.SMTP_POOL_SIZE ?? '10';
const WORKERS = process.env.WORKERS ?? '1';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-perf-send-'));
  const sink = await startSink();
  const inst = await benchInstallation('send', { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMTP_POOL_SIZE: POOL, WORKERS, UPLOAD_DIR: join(dir, 'uploads'), OUTBOX_DIR: join(dir, 'outbox') });
  try {
    const csv = join(dir, 'customers.csv');
    await writeRealisticCsv(csv, LETTERS);
    const imported = await runCli<{ customersCreated: number }>(inst.env, ['import', '--incident', String(inst.incidentId), '--tier', 'photographed', csv]);
    process.stdout.write(`imported ${fmt(imported.result.customersCreated)} customers (every column filled)\n`);

    const profileDir = process.env.BENCH_PROFILE ? dir : undefined;
    const server = await startServer(inst.env, { profileDir });
    const created = await api<{ id: number; email: number }>(server.baseUrl, inst.ada, 'POST', `/api/incidents/${inst.incidentId}/campaigns`, { tiers: ['photographed'] });
    await api(server.baseUrl, inst.bram, 'POST', `/api/campaigns/${created.id}/approve`);
    process.stdout.write(`campaign #${created.id}: ${fmt(created.email)} e-mail letters; server: node dist/main.js, SMTP_POOL_SIZE=${POOL}, WORKERS=${WORKERS}\n`);
    const cpuBefore = server.facts().cpuSeconds;
    const t0 = Date.now();
    await api(server.baseUrl, inst.ada, 'POST', `/api/campaigns/${created.id}/start`);
    const counts = await waitUntilSent(server.baseUrl, inst.ada, created.id, created.email, sink);
    const sent = await sink.stats();
    const campaignSeconds = (sent.lastAt - t0) / 1000;
    const facts = await server.stop();
    const serverCpu = facts.cpuSeconds - cpuBefore;

    await sink.reset();
    const plain = await plainNodemailer(inst.env, created.id);
    const plainSink = await sink.stats();

    const campaignRate = created.email / campaignSeconds;
    const ratio = campaignRate / plain.perSecond;
    const lines = [
      '',
      `letters              ${fmt(created.email)} of ${fmt(sent.bytes / Math.max(1, sent.messages) / 1024)} KB on average`,
      `campaign (server)    ${campaignSeconds.toFixed(1)} s  ${fmt(campaignRate)} letters/s  sent ${fmt(counts.sent)}, failed ${counts.failed}, unknown ${counts.unknown}, at the sink ${fmt(sent.messages)} (${sent.duplicates} duplicates)`,
      `                     server CPU ${((serverCpu / created.email) * 1000).toFixed(2)} ms/letter, peak RSS ${mib(facts.peakRss)} MiB (${facts.processes ?? 1} process(es) together)`,
      `plain nodemailer     ${plain.seconds.toFixed(1)} s  ${fmt(plain.perSecond)} messages/s  at the sink ${fmt(plainSink.messages)}; CPU ${((plain.cpuSeconds / plain.letters) * 1000).toFixed(2)} ms/message, peak RSS ${mib(plain.peakRss)} MiB (all letters held in memory)`,
      `ratio                ${(ratio * 100).toFixed(1)}% of plain pooled nodemailer, ${POOL} connections each (target ≥ 90%)`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    process.stdout.write(
      JSON.stringify({ letters: created.email, pool: Number(POOL), workers: Number(WORKERS), campaignPerSecond: Math.round(campaignRate), plainPerSecond: Math.round(plain.perSecond), ratio: +ratio.toFixed(3), duplicates: sent.duplicates, serverPeakRss: facts.peakRss }) + '\n',
    );
    if (profileDir) {
      // The HTTP process, then each sending process it forked (WORKERS; where the campaign's CPU goes).
      const workers = readdirSync(profileDir)
        .map((f) => /^worker-(\d+)\.cpuprofile$/.exec(f))
        .filter((m): m is RegExpExecArray => m !== null);
      for (const [title, file] of [['server (HTTP) process', 'server.cpuprofile'], ...workers.map((m) => [`sending process ${m[1]}`, m[0]])]) {
        process.stdout.write(`\n${title} CPU profile (from start-up to the end of the campaign):\n` + summarise(JSON.parse(readFileSync(join(profileDir, file), 'utf8')), 30));
      }
    }
  } finally {
    await inst.drop();
    sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench('bench:send', main);
