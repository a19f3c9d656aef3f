/**
 * `npm run bench:print`: how fast one worker process renders a print batch, and how much memory it
 * needs. Builds its own database (fw_postal) with 20,000 post letters of realistic, varied
 * customers (names, addresses, tiers, exposed data, a third aged 75+ in large print), then in one run:
 *   1. baseline: plain pdfkit (bench/print-baseline.ts, no product code) draws the same pages: the
 *      drawing calls of 36 of the batch's letters, replayed round-robin with each letter's own
 *      token, reference and QR code, into files of as many letters as the product's;
 *   2. product: one worker process (`APP_ROLE=worker`, the real PrintRenderService behind Bull)
 *      renders the batch that this process makes with PrintBatchesService.create.
 * Both run as separate processes under `/usr/bin/time -v` for their peak RSS. Letters per second
 * of the product are letters / (batch readyAt - createdAt): queue pick-up, database reads, view
 * models, layout, drawing, hashing, fsync and the manifest included.
 *
 * The worker's peak RSS is also read after each finished file: flat means the last file's peak is
 * the first one's.
 *
 * The worker gets the Node flags the product gives the worker processes it forks (workerExecArgv:
 * WORKER_HEAP_MB). Knobs: BENCH_LETTERS (20000), PRINT_FILE_LETTERS (the product's default),
 * BENCH_NODE_FLAGS (instead, for the worker; "" for Node's defaults), WORKER_HEAP_MB, BENCH_PROFILE_DIR and BENCH_HEAP_AT (profiles, see
 * profileWorker), TEST_MYSQL_URL, TEST_REDIS_URL.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { createApp, prepare } from '../src/bootstrap';
import { JsonLogger } from '../src/common/json-logger';
import { AppConfig, loadConfig } from '../src/config/config';
import { CustomersService } from '../src/customers/customers.service';
import { IncidentsService } from '../src/incidents/incidents.service';
import { PrintBatchesService } from '../src/postal/print-batches.service';
import { printFontFiles, printFonts } from '../src/postal/print-fonts';
import { LetterRenderer, QR } from '../src/postal/print-letter';
import { PrintRenderService } from '../src/postal/print-render.service';
import { newLinkToken } from '../src/tracking/link-token';
import { workerExecArgv } from '../src/workers';
import { SeedCustomer, seedCustomers, seedIncident } from '../test/support/seed';
import { testServerUrls } from '../test/support/test-env';
import type { Recording } from './print-baseline';
import { seedCampaign } from '../test/tracking.seed';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 20_000);
const DB_NAME = 'fw_postal';
const PRINT_DIR = '/tmp/fw-postal-bench-print';

function benchConfig(role: 'api' | 'worker'): AppConfig {
  const { mysql, redis } = testServerUrls();
  return loadConfig({ DATABASE_URL: `${mysql}/${DB_NAME}`, REDIS_URL: redis, QUEUE_PREFIX: 'fw_postal', APP_ROLE: role, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'https://datalek.polderstroom.example', PRINT_DIR, PRINT_RETURN_ADDRESS: 'Postbus 1234, 3500 AA  UTRECHT', PRINT_FILE_LETTERS: process.env.PRINT_FILE_LETTERS, WORKER_HEAP_MB: process.env.WORKER_HEAP_MB });
}

const FIRST = ['Johanna', 'Cornelis', 'Maria', 'Hendrik', 'Wilhelmina', 'Jan', 'Geertruida', 'Pieter', 'Aaltje', 'Willem', 'Fatima', 'Mohamed', 'Anna', 'Dirk', 'Zoë', 'Sjoerd'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'van Dijk', 'El Amrani', 'Yılmaz', 'van der Meer-Hoekstra', 'Dekker'];
const STREETS = ['Dorpsstraat', 'Kerkweg', 'Burgemeester van Roijensingel', 'Molenstraat', 'Stationsplein', 'Julianalaan', 'Oude Gracht'];
const CITIES = ['Utrecht', 'Amersfoort', "'s-Hertogenbosch", 'Zwolle', 'Groningen', 'Den Haag', 'Ee'];
const SETS: SeedCustomer['exposed'][] = [
  ['name', 'address', 'customerNumber'],
  ['name', 'address', 'phone', 'birthDate', 'customerNumber'],
  ['name', 'email', 'address', 'phone', 'birthDate', 'customerNumber', 'iban'],
];

function customers(n: number): SeedCustomer[] {
  return Array.from({ length: n }, (_, i) => ({
    customerNumber: `K${String(i + 1).padStart(7, '0')}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
    street: STREETS[i % STREETS.length],
    houseNumber: String((i % 180) + 1),
    houseNumberSuffix: i % 9 === 0 ? 'A' : '',
    postcode: `${1000 + (i % 8999)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 3) % 26))}`,
    city: CITIES[i % CITIES.length],
    birthDate: i % 3 === 0 ? `19${38 + (i % 10)}-0${(i % 9) + 1}-1${i % 9}` : `19${60 + (i % 30)}-1${i % 3}-2${i % 8}`,
    language: i % 10 === 0 ? 'en' : 'nl',
    tier: (['photographed', 'viewed', 'searched'] as const)[i % 3],
    exposed: SETS[i % SETS.length],
  }));
}

/** Runs `node [flags] <script> args` under /usr/bin/time -v; resolves with its stdout and peak RSS in MiB. */
function timed(args: string[], env: NodeJS.ProcessEnv = process.env, onStart?: (pid: number) => void): Promise<{ stdout: string; rssMiB: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-v', process.execPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid && onStart) onStart(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (code !== 0 || !kb) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ stdout, rssMiB: Number(kb[1]) / 1024 });
    });
  });
}

/** Peak RSS so far (VmHWM) of the node process that /usr/bin/time started as `timePid`. */
function nodePeakMiB(timePid: number): number | undefined {
  try {
    const kid = readFileSync(`/proc/${timePid}/task/${timePid}/children`, 'utf8').trim().split(/\s+/)[0];
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${kid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * BENCH_PROFILE_DIR: the worker writes its memory every second (memory.ndjson), a CPU profile of
 * the whole run (worker.cpuprofile) and a sampling heap profile taken BENCH_HEAP_AT seconds after
 * start (worker.heapprofile: what is alive then, by where it was allocated). Read them with
 * bench/print-profile-summary.
 */
function profileWorker(dir: string): () => void {
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) => new Promise<unknown>((res, rej) => session.post(method, params, (err, out) => (err ? rej(err) : res(out))));
  const started = Date.now();
  void post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 1000 })).then(() => post('Profiler.start'));
  void post('HeapProfiler.enable').then(() => post('HeapProfiler.startSampling', { samplingInterval: 32768 }));
  const heapAt = Number(process.env.BENCH_HEAP_AT ?? 60);
  let heapTaken = false;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    const mib = (n: number) => Math.round(n / 1048576);
    appendFileSync(join(dir, 'memory.ndjson'), `${JSON.stringify({ s: Math.round((Date.now() - started) / 1000), rss: mib(m.rss), heapUsed: mib(m.heapUsed), heapTotal: mib(m.heapTotal), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) })}\n`);
    if (!heapTaken && Date.now() - started >= heapAt * 1000) {
      heapTaken = true;
      void post('HeapProfiler.getSamplingProfile').then((r) => writeFileSync(join(dir, 'worker.heapprofile'), JSON.stringify((r as { profile: unknown }).profile)));
    }
  }, 1000);
  return () => {
    clearInterval(timer);
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(join(dir, 'worker.cpuprofile'), JSON.stringify(res.profile));
    });
  };
}

/** Child process: a worker, as `APP_ROLE=worker node dist/main.js` runs it, until every batch is ready. */
async function worker(): Promise<void> {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const stopProfile = profileDir ? profileWorker(profileDir) : undefined;
  const config = benchConfig('worker');
  const app = await createApp(config, new JsonLogger('warn', process.stderr));
  const db = app.get(DataSource);
  process.stdout.write('worker ready\n');
  for (;;) {
    const [r]: { total: string; ready: string }[] = await db.query("SELECT COUNT(*) total, SUM(status = 'ready') ready FROM print_batches");
    if (Number(r.total) > 0 && Number(r.total) === Number(r.ready)) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  stopProfile?.();
  await app.close();
  process.exit(0);
}

const SAMPLES = 36;

/**
 * The drawing calls the product's renderer makes for some of the batch's own letters, for the
 * baseline to replay. The QR code's rectangles (the renderer's only `rect` calls) become one op,
 * ['qr', []]: the baseline draws each letter's own.
 */
function recordLetters(render: PrintRenderService, samples: Parameters<PrintRenderService['letterInput']>[]): Recording {
  const DRAW = new Set(['addPage', 'font', 'fontSize', 'text', 'save', 'restore', 'lineWidth', 'strokeColor', 'fillColor', 'roundedRect', 'fillAndStroke', 'moveTo', 'lineTo', 'stroke', 'rect', 'fill']);
  let ops: [string, unknown[]][] = [];
  const doc = new PDFDocument({ autoFirstPage: false });
  const proxy: PDFKit.PDFDocument = new Proxy(doc, {
    get(target, prop: string) {
      const value = (target as unknown as Record<string, unknown>)[prop];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (DRAW.has(prop)) ops.push([prop, JSON.parse(JSON.stringify(args)) as unknown[]]);
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  const renderer = new LetterRenderer(proxy, printFonts());
  const letters = samples.map((sample) => {
    ops = [];
    const input = render.letterInput(...sample);
    renderer.draw(input);
    const collapsed: [string, unknown[]][] = [];
    for (let i = 0; i < ops.length; i++) {
      if (ops[i][0] !== 'rect') {
        collapsed.push(ops[i]);
        continue;
      }
      while (ops[i][0] === 'rect') i++;
      i++; // fillColor('black'); the loop's i++ skips fill()
      collapsed.push(['qr', []]);
    }
    return { token: sample[2].token, reference: input.reference, url: input.view.letterUrl, ops: collapsed };
  });
  doc.end();
  return { fonts: printFontFiles(), qr: QR, letters };
}

async function main(): Promise<void> {
  if (process.argv[2] === 'worker') return worker();
  const config = benchConfig('api');
  const { mysql, redis } = testServerUrls();
  const admin = await createConnection({ uri: mysql });
  await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  rmSync(PRINT_DIR, { recursive: true, force: true });
  mkdirSync(PRINT_DIR, { recursive: true });
  await prepare(config);
  const db = new DataSource({ type: 'mysql', url: config.databaseUrl, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true });
  await db.initialize();
  const app = await createApp(config, new JsonLogger('warn', process.stderr));
  try {
    process.stdout.write(`seeding ${LETTERS} post letters in ${DB_NAME}…\n`);
    const incidentId = await seedIncident(db, {
      company: 'Polderstroom Energie B.V.',
      description: 'Een medewerker van een ingehuurd bedrijf heeft klantgegevens bekeken zonder dat daar een reden voor was. Hij heeft schermen gefotografeerd.',
      measuresTaken: 'Wij hebben de toegang van dat bedrijf direct gestopt en aangifte gedaan bij de politie.',
    });
    await seedCustomers(db, incidentId, customers(LETTERS));
    const campaignId = await seedCampaign(db, incidentId, 'sending');
    const ids: { id: string }[] = await db.query('SELECT id FROM affected_customers WHERE incidentId = ? ORDER BY id', [incidentId]);
    for (let i = 0; i < ids.length; i += 2000) {
      const part = ids.slice(i, i + 2000);
      await db.query(`INSERT INTO letters (campaignId, customerId, channel, state, token) VALUES ${part.map(() => "(?, ?, 'post', 'pending', ?)").join(',')}`, part.flatMap((c) => [campaignId, c.id, newLinkToken()]));
    }

    // 1. Baseline: pdfkit alone, the same pages.
    const render = app.get(PrintRenderService);
    const incident = await app.get(IncidentsService).get(incidentId);
    const sampleCustomers = await app.get(CustomersService).findByIds(ids.slice(0, SAMPLES).map((c) => String(c.id)));
    const recording = recordLetters(
      render,
      sampleCustomers.map((customer, i) => [incident, customer, { batchId: 1, sequence: i + 1, token: newLinkToken(), sendDate: new Date() }]),
    );
    const opsPath = join(PRINT_DIR, 'recording.json');
    writeFileSync(opsPath, JSON.stringify(recording));
    const baselineDir = join(PRINT_DIR, 'baseline');
    mkdirSync(baselineDir);
    const perFile = config.printFileLetters;
    process.stdout.write(`baseline: pdfkit drawing the same pages (${recording.letters.length} recorded letters, each with its own token and QR code), ${perFile} letters per file…\n`);
    const baseline = await timed([join(__dirname, 'print-baseline.js'), opsPath, String(LETTERS), String(perFile), baselineDir]);
    const b = JSON.parse(baseline.stdout.trim().split('\n').pop()!) as { letters: number; seconds: number };
    const baselineBytes = readdirSync(baselineDir).reduce((n, f) => n + statSync(join(baselineDir, f)).size, 0);
    rmSync(baselineDir, { recursive: true, force: true });

    // 2. Product: one worker process renders the batch.
    process.stdout.write('product: one worker process renders the batch…\n');
    let timePid = 0;
    // The worker runs with the Node flags the product forks its workers with (WORKER_HEAP_MB), unless BENCH_NODE_FLAGS says otherwise.
    const flags = process.env.BENCH_NODE_FLAGS !== undefined ? process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean) : workerExecArgv(config, []);
    process.stdout.write(`worker Node flags: ${flags.join(' ') || '(none)'}\n`);
    const workerRun = timed([...flags, __filename, 'worker'], process.env, (pid) => (timePid = pid));
    await new Promise((r) => setTimeout(r, 4000)); // the worker boots (not part of the measured time)
    const bootMiB = nodePeakMiB(timePid);
    const batch = await app.get(PrintBatchesService).create(campaignId, { id: 1, name: 'bench', role: 'comms' });
    // Peak RSS after each file: flat means the last file's peak is the first one's.
    const peakAfterFiles: number[] = [];
    const follow = setInterval(() => {
      void db.query("SELECT COUNT(*) n FROM print_files WHERE batchId = ? AND state = 'done'", [batch.id]).then(([r]: { n: string }[]) => {
        const peak = nodePeakMiB(timePid);
        if (peak !== undefined && Number(r.n) > peakAfterFiles.length) peakAfterFiles.push(Math.round(peak));
      });
    }, 250);
    const w = await workerRun.finally(() => clearInterval(follow));
    const view = await app.get(PrintBatchesService).view(batch.id);
    const [times]: { createdAt: Date; readyAt: Date }[] = await db.query('SELECT createdAt, readyAt FROM print_batches WHERE id = ?', [batch.id]);
    const productSeconds = (new Date(times.readyAt).getTime() - new Date(times.createdAt).getTime()) / 1000;
    const pages = view.files.reduce((n, f) => n + f.pages, 0);
    const bytes = readdirSync(render.batchDir(batch.id)).reduce((n, f) => n + statSync(join(render.batchDir(batch.id), f)).size, 0);
    const productRate = view.letters / productSeconds;
    const baselineRate = b.letters / b.seconds;
    const result = {
      letters: view.letters,
      lettersPerFile: perFile,
      files: view.files.length,
      pages,
      pagesPerLetter: Math.round((pages / view.letters) * 100) / 100,
      megabytes: Math.round(bytes / 1e5) / 10,
      product: { seconds: Math.round(productSeconds * 10) / 10, lettersPerSecond: Math.round(productRate), peakRssMiB: Math.round(w.rssMiB), bootRssMiB: bootMiB && Math.round(bootMiB), peakRssMiBAfterEachFile: peakAfterFiles },
      baseline: { seconds: Math.round(b.seconds * 10) / 10, lettersPerSecond: Math.round(baselineRate), peakRssMiB: Math.round(baseline.rssMiB), megabytes: Math.round(baselineBytes / 1e5) / 10 },
      ratio: Math.round((productRate / baselineRate) * 100) / 100,
      rssRatio: Math.round((w.rssMiB / baseline.rssMiB) * 100) / 100,
      targets: { ratioAtLeast: 0.7, rssAtMostMiB: 256 },
      met: { ratio: productRate / baselineRate >= 0.7, rss: w.rssMiB <= 256 },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.close();
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
    await admin.end();
    const r = new Redis(redis);
    const keys = await r.keys('fw_postal:*');
    if (keys.length) await r.del(...keys);
    r.disconnect();
    rmSync(PRINT_DIR, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
