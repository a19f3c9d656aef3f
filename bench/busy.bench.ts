/**
 * `npm run bench:busy`: do the hotline and the customers' links stay fast while a campaign sends on
 * the same machine? (The hotline is busiest right after the letters land.) BENCH_CUSTOMERS
 * realistic customers (default 60,000, every column filled) imported with `node dist/cli.js
 * import`; the server is `node dist/main.js` (WORKERS, SMTP_POOL_SIZE as set: with WORKERS=1 the
 * HTTP process forks one sending process), the SMTP sink in its own process.
 * Measured twice with the same load, first with nothing sending, then while the campaign sends:
 *   - hotline lookups evenly paced at BENCH_RATE (500) per second for BENCH_SECONDS (20), a
 *     different customer number each time (5% misses), p50/p99 from the moment each was due;
 *   - the links (`GET /l/<token>` of the campaign's letters), unthrottled autocannon with 32
 *     connections for 10 s: requests per second.
 * Prints both, their ratios, and whether the campaign was still sending when each measurement ended.
 *
 *   npm run bench:busy
 *   BENCH_CUSTOMERS=100000 WORKERS=1 npm run bench:busy
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createConnection } from 'mysql2/promise';
import { Figures, paced } from './paced';
import { api, benchInstallation, fmt, runBench, runCli, startServer, startSink, waitUntilSent } from './processes';
import { writeRealisticCsv } from './realistic-csv';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 60_000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const LINK_SECONDS = 10;
const POOL = process.env.SMTP_POOL_SIZE ?? '10';
const WORKERS = process.env.WORKERS ?? '1';
const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** A customer number of the realistic file (`B` + 9 digits), or 1 in 20 one that is not there. */
function callerNumber(): string {
  if (Math.random() < 0.05) return `X${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  return `B${String(1 + Math.floor(Math.random() * CUSTOMERS)).padStart(9, '0')}`;
}

async function links(baseUrl: string, tokens: string[]): Promise<{ reqPerSec: number; p99: number; non2xx: number; errors: number }> {
  let i = Math.floor(Math.random() * tokens.length);
  const r = await autocannon({
    url: baseUrl,
    connections: 32,
    duration: LINK_SECONDS,
    headers: { 'user-agent': BROWSER_UA },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/l/${tokens[i++ % tokens.length]}` }) }],
  });
  // Redirects (302/303) are the link's normal answer.
  return { reqPerSec: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx - (r['3xx'] ?? 0), errors: r.errors + r.timeouts };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-perf-busy-'));
  const sink = await startSink();
  // The browsing-alert rules would (rightly) suspend one member doing 500 lookups a second.
  const inst = await benchInstallation('busy', {
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    SMTP_POOL_SIZE: POOL,
    WORKERS,
    UPLOAD_DIR: join(dir, 'uploads'),
    OUTBOX_DIR: join(dir, 'outbox'),
    HOTLINE_ALERT_BURST_LOOKUPS: '0',
    HOTLINE_ALERT_MISSES_IN_A_ROW: '0',
    HOTLINE_LOOKUP_LIMIT: '0',
    HOTLINE_WORKING_HOURS: '00:00-24:00',
  });
  const db = await createConnection({ uri: inst.env.DATABASE_URL!, timezone: 'Z' });
  try {
    const csv = join(dir, 'customers.csv');
    await writeRealisticCsv(csv, CUSTOMERS);
    await runCli(inst.env, ['import', '--incident', String(inst.incidentId), '--tier', 'photographed', csv]);
    const hotline = (await runCli<{ token: string }>(inst.env, ['staff:create', '--name', 'Hotline Bench', '--role', 'hotline'])).result.token;
    const server = await startServer(inst.env);
    const port = Number(new URL(server.baseUrl).port);
    const created = await api<{ id: number; email: number }>(server.baseUrl, inst.ada, 'POST', `/api/incidents/${inst.incidentId}/campaigns`, { tiers: ['photographed'] });
    await api(server.baseUrl, inst.bram, 'POST', `/api/campaigns/${created.id}/approve`);
    const [rows] = await db.query<(import('mysql2').RowDataPacket & { token: string })[]>('SELECT token FROM letters WHERE campaignId = ?', [created.id]);
    const tokens = rows.map((r) => r.token);
    const lookup = () => ({
      method: 'POST' as const,
      path: '/api/hotline/lookup',
      headers: { authorization: `Bearer ${hotline}`, 'content-type': 'application/json' },
      body: JSON.stringify({ incidentId: inst.incidentId, reason: 'Benchmark caller', customerNumber: callerNumber() }),
    });
    // Warm-up: JIT, pools, the index pages.
    await paced(port, RATE, 4, lookup);

    const quietLookups = await paced(port, RATE, SECONDS, lookup);
    const quietLinks = await links(server.baseUrl, tokens);

    const t0 = Date.now();
    await api(server.baseUrl, inst.ada, 'POST', `/api/campaigns/${created.id}/start`);
    // Let the sender get going before measuring.
    while ((await sink.stats()).messages < Math.min(2000, created.email / 10)) await new Promise((r) => setTimeout(r, 100));
    const busyLookups = await paced(port, RATE, SECONDS, lookup);
    const atSinkAfterLookups = (await sink.stats()).messages;
    const busyLinks = await links(server.baseUrl, tokens);
    const atSinkAfterLinks = (await sink.stats()).messages;
    await waitUntilSent(server.baseUrl, inst.ada, created.id, created.email, sink);
    const sent = await sink.stats();
    const sendRate = created.email / ((sent.lastAt - t0) / 1000);
    await server.stop();

    const row = (name: string, f: Figures) => `${name.padEnd(30)} ${fmt(f.reqPerSec).padStart(5)} req/s  p50 ${f.p50.toFixed(1).padStart(5)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms  non-2xx ${f.non2xx}  errors ${f.errors}`;
    const linkRow = (name: string, l: Awaited<ReturnType<typeof links>>) => `${name.padEnd(30)} ${fmt(l.reqPerSec).padStart(5)} req/s  p99 ${String(l.p99).padStart(4)} ms  errors ${l.errors}`;
    const still = (n: number) => (n < created.email ? `still sending (${fmt(n)} of ${fmt(created.email)} at the sink)` : 'NOT still sending: the campaign had finished');
    const lines = [
      '',
      `${fmt(CUSTOMERS)} customers, campaign of ${fmt(created.email)} e-mail letters; server: node dist/main.js, WORKERS=${WORKERS}, SMTP_POOL_SIZE=${POOL}`,
      row(`lookups ${RATE}/s, nothing sending`, quietLookups),
      row(`lookups ${RATE}/s, while sending`, busyLookups) + `  → ${still(atSinkAfterLookups)}`,
      `lookup p99 while sending       ${(busyLookups.p99 / quietLookups.p99).toFixed(2)} × quiet (target: p99 < 10 ms)`,
      linkRow('links, nothing sending', quietLinks),
      linkRow('links, while sending', busyLinks) + `  → ${still(atSinkAfterLinks)}`,
      `link rate while sending        ${((busyLinks.reqPerSec / quietLinks.reqPerSec) * 100).toFixed(0)}% of quiet (target ≥ 3,000 req/s)`,
      `campaign                       ${fmt(sendRate)} letters/s from start to the last letter at the sink, with the load above`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    process.stdout.write(
      JSON.stringify({
        customers: CUSTOMERS,
        workers: Number(WORKERS),
        lookupP99Quiet: +quietLookups.p99.toFixed(1),
        lookupP99Sending: +busyLookups.p99.toFixed(1),
        linksQuiet: Math.round(quietLinks.reqPerSec),
        linksSending: Math.round(busyLinks.reqPerSec),
        sendPerSecond: Math.round(sendRate),
      }) + '\n',
    );
  } finally {
    await db.end();
    await inst.drop();
    sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench('bench:busy', main);
