/**
 * Import benchmark (not a test): generates a CSV of BENCH_ROWS rows (default 1,000,000, about
 * 130 MB), imports it with the real import code into a scratch database, then loads the same file
 * with MySQL's LOAD DATA LOCAL INFILE into a scratch table with the same indexes, and prints both
 * rates, their ratio and the import's peak RSS (sampled during the run, so its flatness shows).
 *
 * The import runs as its own process (`cli import`, exactly what an operator runs), so its peak RSS
 * is the import's alone: dist/cli.js when a build at least as new as src/imports and src/customers
 * exists, otherwise src/cli.ts through ts-node (whose TypeScript compiler alone adds ~100 MiB; say
 * so when reporting). BENCH_CLI names another build, e.g. one compiled elsewhere with
 * `npx tsc -p tsconfig.build.json --outDir /tmp/build` (with package.json and node_modules linked in).
 * Its heap is capped with BENCH_NODE_OPTIONS (default --max-old-space-size=160), the setting a
 * worker would run with, so V8 collects garbage instead of letting the heap drift upwards.
 *
 *   npm run bench:import                 # 1,000,000 rows
 *   BENCH_ROWS=200000 npm run bench:import
 *   BENCH_CLI=/path/to/cli.js npm run bench:import
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createConnection } from 'mysql2/promise';
import { prepare } from '../src/bootstrap';
import { fromRoot } from '../src/common/project-root';
import { loadConfig } from '../src/config/config';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const FIRST = ['Hendrika', 'Johannes', 'Cornelis', 'Zoë', 'Gerrit', 'Wilhelmina', 'José', 'Dirk'];
const LAST = ['de Vries', 'Bakker', 'van der Meer', 'Çelik', 'Visser', 'Smit', 'Müller', 'Hoekstra'];
const STREETS = ['Polderweg', 'Molenkade', 'Dijkstraat', 'Burgemeester de Wittstraat'];
const TOWNS = ['Lindehoven', 'Oostervenne', 'Zuiderwaard', 'Kwelderdam'];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('klantnummer;naam;email;telefoon;straat;huisnummer;postcode;plaats;geboortedatum\n');
  let buf = '';
  for (let i = 1; i <= ROWS; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    buf += `B${String(i).padStart(9, '0')};${first} ${last};${first.toLowerCase().replace(/[^a-z]/g, '')}.${i}@mail.example;06${String(10_000_000 + (i % 89_999_999))};${STREETS[i % STREETS.length]};${(i % 250) + 1};${1000 + (i % 8999)} ${String.fromCharCode(65 + (i % 17))}${String.fromCharCode(66 + (i % 23))};${TOWNS[i % TOWNS.length]};${String((i % 28) + 1).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-${1925 + (i % 70)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/**
 * dist/ is used only when it is at least as new as the import's sources: an older build would
 * measure code that is no longer there (say so rather than report its figures as current).
 */
function distIsCurrent(): boolean {
  const built = fromRoot('dist/src/imports/imports.service.js');
  if (!existsSync(built)) return false;
  const sources = ['src/imports', 'src/customers'].flatMap((dir) => readdirSync(fromRoot(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => fromRoot(dir, f)));
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (statSync(built).mtimeMs >= newest) return true;
  process.stdout.write('dist/ is older than src/imports or src/customers: measuring src/ through ts-node (run `npm run build`, or set BENCH_CLI to a current build)\n');
  return false;
}

/** Runs `cli import` as a child process; returns its summary, wall time and peak RSS (VmHWM). */
async function runImport(env: NodeJS.ProcessEnv, args: string[]): Promise<{ summary: { status: string; customersCreated: number; createdAt: string; finishedAt: string }; seconds: number; peakRss: number; rssSamples: number[] }> {
  const built = process.env.BENCH_CLI ?? (distIsCurrent() ? fromRoot('dist/cli.js') : undefined);
  const entry = built ? [built] : ['-r', 'ts-node/register/transpile-only', fromRoot('src/cli.ts')];
  const nodeOptions = (process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=160').split(' ').filter(Boolean);
  process.stdout.write(`import process: node ${[...nodeOptions, ...entry].join(' ')} import …\n`);
  const started = process.hrtime.bigint();
  const child = spawn('node', [...nodeOptions, ...entry, 'import', ...args], { env: { ...env, TS_NODE_TRANSPILE_ONLY: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  let peakRss = 0;
  const rssSamples: number[] = [];
  let tick = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      const rss = /VmRSS:\s+(\d+) kB/.exec(status);
      if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
      if (rss && tick++ % 10 === 0) rssSamples.push(Number(rss[1]) * 1024);
    } catch {
      // The process has just exited.
    }
  }, 100);
  const [code] = (await once(child, 'exit')) as [number];
  clearInterval(poll);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0) throw new Error(`import exited with ${code}: ${last}`);
  return { summary: JSON.parse(last), seconds, peakRss, rssSamples };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-bench-import-'));
  const file = join(dir, 'bench.csv');
  const base = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
  const dbName = `fw_bench_import_${randomBytes(4).toString('hex')}`;
  const config = {
    ...loadConfig({ ...process.env, DATABASE_URL: `${base}/${dbName}`, QUEUE_PREFIX: `fwb_${dbName}`, LOG_LEVEL: 'warn', OUTBOX_DIR: join(dir, 'outbox'), UPLOAD_DIR: join(dir, 'uploads') }),
    appRole: 'api' as const,
  };
  try {
    process.stdout.write(`generating ${ROWS.toLocaleString('en-US')} rows … `);
    await generate(file);
    const size = statSync(file).size;
    process.stdout.write(`${mb(size)} MB\n`);

    await prepare(config);
    const conn = await createConnection({ uri: config.databaseUrl, infileStreamFactory: () => createReadStream(file) });
    try {
      const [res] = await conn.query(
        "INSERT INTO incidents (title, company, senderEmail, hotlinePhone, hotlineEmail, discoveredAt, description, measuresTaken) VALUES ('bench', 'Bench BV', 'a@bench.example', '0800', 'a@bench.example', NOW(), '', '')",
      );
      const incidentId = (res as { insertId: number }).insertId;

      // 1. The import, with the real code, in its own process (as `cli import` runs it).
      const env = { ...process.env, DATABASE_URL: config.databaseUrl, QUEUE_PREFIX: config.queuePrefix, OUTBOX_DIR: config.outboxDir, UPLOAD_DIR: config.uploadDir, LOG_LEVEL: 'warn' };
      const { summary, seconds: processSeconds, peakRss, rssSamples: rss } = await runImport(env, ['--incident', String(incidentId), '--tier', 'viewed', file]);
      if (summary.status !== 'completed' || summary.customersCreated !== ROWS) throw new Error(`import did not complete as expected: ${JSON.stringify(summary)}`);
      // The import's own time (file read to last commit), without the process start-up.
      const importSeconds = (Date.parse(summary.finishedAt) - Date.parse(summary.createdAt)) / 1000;

      // 2. LOAD DATA LOCAL INFILE of the same file into a scratch table with the same indexes.
      await conn.query('CREATE TABLE bench_load LIKE affected_customers');
      const loadStarted = process.hrtime.bigint();
      await conn.query({
        sql: `LOAD DATA LOCAL INFILE 'bench.csv' INTO TABLE bench_load CHARACTER SET utf8mb4
              FIELDS TERMINATED BY ';' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n' IGNORE 1 LINES
              (customerNumber, name, email, phone, street, houseNumber, postcode, city, @birth)
              SET incidentId = ${Number(incidentId)}, tierSeverity = 2, exposedMask = 63, birthDate = STR_TO_DATE(@birth, '%d-%m-%Y')`,
        infileStreamFactory: () => createReadStream(file),
      } as Parameters<typeof conn.query>[0]);
      const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
      const [[{ n }]] = (await conn.query('SELECT COUNT(*) AS n FROM bench_load')) as unknown as [[{ n: number }]];

      const importRate = ROWS / importSeconds;
      const loadRate = Number(n) / loadSeconds;
      const lines = [
        '',
        `rows                 ${ROWS.toLocaleString('en-US')} (${mb(size)} MB)`,
        `import               ${importSeconds.toFixed(1)} s  ${Math.round(importRate).toLocaleString('en-US')} rows/s  (process incl. start-up ${processSeconds.toFixed(1)} s)`,
        `LOAD DATA INFILE     ${loadSeconds.toFixed(1)} s  ${Math.round(loadRate).toLocaleString('en-US')} rows/s`,
        `ratio                ${((importRate / loadRate) * 100).toFixed(0)}% of LOAD DATA (target ≥ 50%)`,
        `peak RSS             ${mb(peakRss)} MiB (target < 256 MiB)`,
        `RSS every second     ${rss.map((r) => mb(r)).join(', ')} MiB`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
    } finally {
      await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``).catch(() => undefined);
      await conn.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
