/**
 * Time to warn: BENCH_CUSTOMERS customers (default 100,000; every column filled) from the CSV
 * upload over HTTP to the last letter handed to SMTP, against `node dist/main.js` (WORKERS,
 * SMTP_POOL_SIZE as set) and the SMTP sink in its own process. A script does what the two comms
 * members would: upload, wait for the import, create the campaign, approve it (the colleague),
 * start it. Each phase is timed. Its floor, measured in the same run: LOAD DATA LOCAL INFILE of
 * the same file plus plain pooled nodemailer sending as many letters (the campaign's own, rendered
 * beforehand) over the same number of connections. Targets: under 5 minutes, at most 1.3 × floor.
 *
 *   npm run bench:warn                        (builds first)
 *   BENCH_CUSTOMERS=10000 WORKERS=2 npm run bench:warn
 */
import { mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataSeconds, plainNodemailer } from './floors';
import { api, benchInstallation, fmt, mib, sleep, startServer, startSink, waitUntilSent, runBench } from './processes';
import { writeRealisticCsv } from './realistic-csv';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const POOL = process.env.SMTP_POOL_SIZE ?? '10';
const WORKERS = process.env.WORKERS ?? '1';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-perf-warn-'));
  const sink = await startSink();
  const inst = await benchInstallation('warn', { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMTP_POOL_SIZE: POOL, WORKERS, UPLOAD_DIR: join(dir, 'uploads'), OUTBOX_DIR: join(dir, 'outbox'), UPLOAD_LIMIT_MB: '2000' });
  try {
    const file = join(dir, 'customers.csv');
    await writeRealisticCsv(file, CUSTOMERS);
    process.stdout.write(`${fmt(CUSTOMERS)} customers, ${mib(statSync(file).size)} MiB CSV; server: node dist/main.js, WORKERS=${WORKERS}, SMTP_POOL_SIZE=${POOL}\n`);
    const server = await startServer(inst.env);
    const phases: [string, number][] = [];
    const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const r = await f();
      phases.push([name, (performance.now() - t) / 1000]);
      return r;
    };
    const t0 = Date.now();

    await timed('upload + import', async () => {
      const form = new FormData();
      form.append('tier', 'photographed');
      form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'getroffen-klanten.csv');
      const res = await fetch(`${server.baseUrl}/api/incidents/${inst.incidentId}/imports`, { method: 'POST', headers: { authorization: `Bearer ${inst.ada}` }, body: form });
      if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      const { id } = (await res.json()) as { id: number };
      for (;;) {
        const s = await api<{ status: string; customersCreated: number; message?: string }>(server.baseUrl, inst.ada, 'GET', `/api/imports/${id}`);
        if (s.status === 'completed') {
          if (s.customersCreated !== CUSTOMERS) throw new Error(`import created ${s.customersCreated} customers`);
          return;
        }
        if (s.status === 'failed') throw new Error(`import failed: ${s.message}`);
        await sleep(200);
      }
    });
    const created = await timed('create campaign', () => api<{ id: number; email: number }>(server.baseUrl, inst.ada, 'POST', `/api/incidents/${inst.incidentId}/campaigns`, { tiers: ['photographed'] }));
    await timed('approve (colleague)', () => api(server.baseUrl, inst.bram, 'POST', `/api/campaigns/${created.id}/approve`));
    await timed('start', () => api(server.baseUrl, inst.ada, 'POST', `/api/campaigns/${created.id}/start`));
    const sendStarted = Date.now();
    const counts = await waitUntilSent(server.baseUrl, inst.ada, created.id, created.email, sink);
    const sent = await sink.stats();
    phases.push(['send (to the last letter at the sink)', (sent.lastAt - sendStarted) / 1000]);
    const total = (sent.lastAt - t0) / 1000;
    const facts = await server.stop();

    // The floor, in the same run: LOAD DATA of the same file, plain nodemailer sending as many letters.
    const load = await loadDataSeconds(inst.env.DATABASE_URL!, file, inst.incidentId);
    await sink.reset();
    const plain = await plainNodemailer(inst.env, created.id);
    const floor = load.seconds + plain.seconds;

    const lines = [
      '',
      ...phases.map(([name, s]) => `${name.padEnd(38)} ${s.toFixed(1).padStart(7)} s`),
      `${'total: upload to last letter handed to SMTP'.padEnd(38)} ${total.toFixed(1).padStart(7)} s  (${fmt(counts.sent)} sent, ${counts.failed} failed, ${counts.unknown} unknown, ${sent.duplicates} duplicates at the sink; target < 300 s)`,
      `${'floor: LOAD DATA + plain nodemailer'.padEnd(38)} ${floor.toFixed(1).padStart(7)} s  (${load.seconds.toFixed(1)} s + ${plain.seconds.toFixed(1)} s for ${fmt(plain.letters)} letters)`,
      `ratio                                  ${(total / floor).toFixed(2)} × floor (target ≤ 1.3)`,
      `server                                 CPU ${facts.cpuSeconds.toFixed(0)} s, peak RSS ${mib(facts.peakRss)} MiB (${facts.processes ?? 1} process(es) together)`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    process.stdout.write(JSON.stringify({ customers: CUSTOMERS, workers: Number(WORKERS), pool: Number(POOL), phases: Object.fromEntries(phases.map(([n, s]) => [n, +s.toFixed(2)])), total: +total.toFixed(1), floor: +floor.toFixed(1), ratio: +(total / floor).toFixed(2) }) + '\n');
  } finally {
    await inst.drop();
    sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench('bench:warn', main);
