/**
 * `npm run bench:links`: how fast customers' links answer. Builds its own installation-like
 * database (fw_bench_links) with 10,000 sent letters, starts the application as a child process
 * on a free port (so the load generator does not share its event loop), and runs autocannon
 * against /l/<token> cycling through all 10,000 tokens, then against GET /health, in one run.
 * Afterwards it stops the server (which must write every buffered click) and checks that the
 * database holds exactly one click per answered request. The database is dropped at the end.
 *
 * Knobs: BENCH_SECONDS (10), BENCH_CONNECTIONS (32), TEST_MYSQL_URL, TEST_REDIS_URL.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp, prepare } from '../src/bootstrap';
import { JsonLogger } from '../src/common/json-logger';
import { AppConfig, loadConfig } from '../src/config/config';
import { seedCustomers, seedIncident } from '../test/support/seed';
import { testServerUrls } from '../test/support/test-env';
import { seedCampaign, seedSentLetters } from '../test/tracking.seed';

const LETTERS = 10_000;
const DB_NAME = 'fw_bench_links';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

function benchConfig(): AppConfig {
  const { mysql, redis } = testServerUrls();
  return loadConfig({ DATABASE_URL: `${mysql}/${DB_NAME}`, REDIS_URL: redis, QUEUE_PREFIX: 'fwbench_links', APP_ROLE: 'api', LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'http://bench.test' });
}

/** Child process: the application, as `node dist/main.js` would run it (API role), until told to stop. */
async function serve(): Promise<void> {
  const app = await createApp(benchConfig(), new JsonLogger('warn', process.stderr));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.on('message', (msg) => {
    if (msg !== 'stop') return;
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.send!({ port: address.port });
}

async function run(url: string, paths: () => string, title: string, amount?: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url,
    title,
    connections: CONNECTIONS,
    ...(amount ? { amount } : { duration: SECONDS }),
    headers: { 'user-agent': BROWSER_UA },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths() }) }],
  });
  return result;
}

async function main(): Promise<void> {
  const config = benchConfig();
  const { mysql, redis } = testServerUrls();
  const admin = await createConnection({ uri: mysql });
  await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await prepare(config);
  const db = new DataSource({ type: 'mysql', url: config.databaseUrl, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true });
  await db.initialize();
  let child: ReturnType<typeof fork> | undefined;
  try {
    process.stdout.write(`seeding ${LETTERS} sent letters in ${DB_NAME}…\n`);
    const incidentId = await seedIncident(db, { company: 'Polderstroom Energie' });
    await seedCustomers(db, incidentId, LETTERS);
    const campaignId = await seedCampaign(db, incidentId);
    const letters = await seedSentLetters(db, campaignId, incidentId);
    const tokens = letters.map((l) => l.token);

    child = fork(__filename, ['serve'], { execArgv: __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      child!.once('message', (m: { port: number }) => resolve(m.port));
      child!.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
    });
    const base = `http://127.0.0.1:${port}`;

    let i = 0;
    // First every letter once (each a first click: nothing cached), then the steady run over all of them.
    const firstPass = await run(base, () => `/l/${tokens[i++ % tokens.length]}`, 'links, first clicks', tokens.length);
    const links = await run(base, () => `/l/${tokens[i++ % tokens.length]}`, 'links');
    const health = await run(base, () => '/health', 'health');

    const stopped = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
    child.send('stop');
    await stopped;
    child = undefined;
    const [{ clicks, letters: clicked }] = await db.query<Array<{ clicks: string; letters: string }>>(
      'SELECT COALESCE(SUM(clickCount),0) AS clicks, COUNT(*) AS letters FROM letter_engagements WHERE campaignId = ?',
      [campaignId],
    );

    const answered = firstPass['2xx'] + links['2xx'];
    const row = (name: string, r: autocannon.Result) =>
      `${name.padEnd(26)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}   non-2xx ${r.non2xx}   errors ${r.errors + r.timeouts}`;
    process.stdout.write('\n');
    process.stdout.write(`${CONNECTIONS} connections, ${SECONDS} s each, ${LETTERS} different letters\n`);
    process.stdout.write(row('GET /l/<token> first pass', firstPass) + '\n');
    process.stdout.write(row('GET /l/<token>', links) + '\n');
    process.stdout.write(row('GET /health', health) + '\n');
    process.stdout.write(`clicks recorded after shutdown: ${clicks} for ${answered} answered link requests (+ up to ${CONNECTIONS} in flight at the end), on ${clicked} letters\n`);
    // Requests still in flight when autocannon stops are answered (and counted) but not tallied by it: at most one per connection.
    const noClickLost = Number(clicks) >= answered && Number(clicks) <= answered + CONNECTIONS;
    const ok = links.requests.average >= 3000 && links.latency.p99 < 50 && noClickLost;
    process.stdout.write(
      JSON.stringify({
        firstPass: { reqPerSec: Math.round(firstPass.requests.average), p99Ms: firstPass.latency.p99, requests: firstPass['2xx'] },
        links: { reqPerSec: Math.round(links.requests.average), p99Ms: links.latency.p99, requests: links['2xx'], non2xx: links.non2xx },
        health: { reqPerSec: Math.round(health.requests.average), p99Ms: health.latency.p99, requests: health['2xx'], non2xx: health.non2xx },
        clicksRecorded: Number(clicks),
        noClickLost,
        target: { reqPerSec: 3000, p99Ms: 50 },
        met: ok,
      }) + '\n',
    );
  } finally {
    if (child) child.kill();
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
    await admin.end();
    const r = new Redis(redis);
    const keys = await r.keys('fwbench_links:*');
    if (keys.length) await r.del(...keys);
    r.disconnect();
  }
}

if (process.argv[2] === 'serve') {
  serve().catch((err: unknown) => {
    process.stderr.write(`bench server failed: ${String(err)}\n`);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
