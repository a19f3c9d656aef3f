/**
 * `npm run bench:print`: how fast one worker process renders a print batch, and how much memory it
 * needs. Builds its own database (fw_postal) with 20,000 post letters of realistic, varied
 * customers (names, addresses, tiers, exposed data, a third aged 75+ in large print), then in one run:
 *   1. baseline: plain pdfkit (bench/print-baseline.ts, no product code) replays the drawing calls
 *      of one product letter 20,000 times into files of 5,000 letters;
 *   2. product: one worker process (`APP_ROLE=worker`, the real PrintRenderService behind Bull)
 *      renders the batch that this process makes with PrintBatchesService.create.
 * Both run as separate processes under `/usr/bin/time -v` for their peak RSS. Letters per second
 * of the product are letters / (batch readyAt - createdAt): queue pick-up, database reads, view
 * models, layout, drawing, hashing, fsync and the manifest included.
 *
 * Knobs: BENCH_LETTERS (20000), TEST_MYSQL_URL, TEST_REDIS_URL.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
import { LetterRenderer } from '../src/postal/print-letter';
import { PrintRenderService } from '../src/postal/print-render.service';
import { newLinkToken } from '../src/tracking/link-token';
import { SeedCustomer, seedCustomers, seedIncident } from '../test/support/seed';
import { testServerUrls } from '../test/support/test-env';
import { seedCampaign } from '../test/tracking.seed';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 20_000);
const DB_NAME = 'fw_postal';
const PRINT_DIR = '/tmp/fw-postal-bench-print';

function benchConfig(role: 'api' | 'worker'): AppConfig {
  const { mysql, redis } = testServerUrls();
  return loadConfig({ DATABASE_URL: `${mysql}/${DB_NAME}`, REDIS_URL: redis, QUEUE_PREFIX: 'fw_postal', APP_ROLE: role, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'https://datalek.polderstroom.example', PRINT_DIR, PRINT_RETURN_ADDRESS: 'Postbus 1234, 3500 AA  UTRECHT' });
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

/** Runs `node <script> args` under /usr/bin/time -v; resolves with its stdout and peak RSS in MiB. */
function timed(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; rssMiB: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-v', process.execPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Child process: a worker, as `APP_ROLE=worker node dist/main.js` runs it, until every batch is ready. */
async function worker(): Promise<void> {
  const config = benchConfig('worker');
  const app = await createApp(config, new JsonLogger('warn', process.stderr));
  const db = app.get(DataSource);
  process.stdout.write('worker ready\n');
  for (;;) {
    const [r]: { total: string; ready: string }[] = await db.query("SELECT COUNT(*) total, SUM(status = 'ready') ready FROM print_batches");
    if (Number(r.total) > 0 && Number(r.total) === Number(r.ready)) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  await app.close();
  process.exit(0);
}

/** The drawing calls the product's renderer makes for one letter, for the baseline to replay. */
function recordOneLetter(render: PrintRenderService, sample: Parameters<PrintRenderService['letterInput']>): { fonts: Record<string, string>; ops: [string, unknown[]][] } {
  const DRAW = new Set(['addPage', 'font', 'fontSize', 'text', 'save', 'restore', 'lineWidth', 'strokeColor', 'fillColor', 'roundedRect', 'fillAndStroke', 'moveTo', 'lineTo', 'stroke', 'rect', 'fill']);
  const ops: [string, unknown[]][] = [];
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
  ops.length = 0; // the font registrations are the baseline's own
  renderer.draw(render.letterInput(...sample));
  doc.end();
  return { fonts: printFontFiles(), ops };
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

    // 1. Baseline: pdfkit alone, the same letter's drawing calls.
    const render = app.get(PrintRenderService);
    const incident = await app.get(IncidentsService).get(incidentId);
    const sampleCustomer = (await app.get(CustomersService).findById(String(ids[1].id)))!;
    const recording = recordOneLetter(render, [incident, sampleCustomer, { batchId: 1, sequence: 1, token: newLinkToken(), sendDate: new Date() }]);
    const opsPath = join(PRINT_DIR, 'ops.json');
    writeFileSync(opsPath, JSON.stringify(recording));
    const baselineDir = join(PRINT_DIR, 'baseline');
    mkdirSync(baselineDir);
    process.stdout.write(`baseline: pdfkit replaying ${recording.ops.length} drawing calls per letter…\n`);
    const baseline = await timed([join(__dirname, 'print-baseline.js'), opsPath, String(LETTERS), baselineDir]);
    const b = JSON.parse(baseline.stdout.trim().split('\n').pop()!) as { letters: number; seconds: number };

    // 2. Product: one worker process renders the batch.
    process.stdout.write('product: one worker process renders the batch…\n');
    const workerRun = timed([__filename, 'worker']);
    await new Promise((r) => setTimeout(r, 4000)); // the worker boots (not part of the measured time)
    const batch = await app.get(PrintBatchesService).create(campaignId, { id: 1, name: 'bench', role: 'comms' });
    const w = await workerRun;
    const view = await app.get(PrintBatchesService).view(batch.id);
    const [times]: { createdAt: Date; readyAt: Date }[] = await db.query('SELECT createdAt, readyAt FROM print_batches WHERE id = ?', [batch.id]);
    const productSeconds = (new Date(times.readyAt).getTime() - new Date(times.createdAt).getTime()) / 1000;
    const pages = view.files.reduce((n, f) => n + f.pages, 0);
    const bytes = readdirSync(render.batchDir(batch.id)).reduce((n, f) => n + statSync(join(render.batchDir(batch.id), f)).size, 0);
    const productRate = view.letters / productSeconds;
    const baselineRate = b.letters / b.seconds;
    const result = {
      letters: view.letters,
      files: view.files.map((f) => `${f.name}: ${f.letters} letters, ${f.pages} pages`),
      pages,
      megabytes: Math.round(bytes / 1e5) / 10,
      product: { seconds: Math.round(productSeconds * 10) / 10, lettersPerSecond: Math.round(productRate), peakRssMiB: Math.round(w.rssMiB) },
      baseline: { seconds: Math.round(b.seconds * 10) / 10, lettersPerSecond: Math.round(baselineRate), peakRssMiB: Math.round(baseline.rssMiB) },
      ratio: Math.round((productRate / baselineRate) * 100) / 100,
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
