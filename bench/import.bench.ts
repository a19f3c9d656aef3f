/**
 * Import benchmark, measured the way production runs: a realistic CSV of BENCH_ROWS rows (default
 * 1,000,000; every column filled) imported by `node dist/cli.js import` as its own process, with
 * no heap setting (as an operator runs it), its peak RSS from the kernel (VmHWM, and `/usr/bin/time
 * -v` when installed: `apt-get install -y time`); then the same file loaded with MySQL's LOAD DATA
 * LOCAL INFILE into a scratch table like affected_customers. Prints both rates and their ratio
 * (target ≥ 80%) and the peak RSS (target ≤ 256 MiB). BENCH_FLATNESS=1 also imports a file twice
 * the size (into a second incident) to show the peak RSS does not grow with the file.
 *
 *   npm run bench:import                     (builds first)
 *   BENCH_ROWS=100000 npm run bench:import
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataSeconds } from './floors';
import { benchInstallation, fmt, mib, runCli, runBench } from './processes';
import { summarise } from './profile-summary';
import { writeRealisticCsv } from './realistic-csv';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

interface Summary {
  status: string;
  warnings: number;
  rowsRead: number;
  rowsRejected: number;
  customersCreated: number;
  createdAt: string;
  finishedAt: string;
}

async function importOnce(env: NodeJS.ProcessEnv, incidentId: number, file: string, rows: number, profileDir?: string) {
  // BENCH_NODE_OPTIONS is for finding where memory goes, not for reporting: production runs without.
  const nodeOptions = [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean)];
  const run = await runCli<Summary>(env, ['import', '--incident', String(incidentId), '--tier', 'viewed', file], { timeV: !profileDir, nodeOptions });
  const s = run.result;
  if (s.status !== 'completed' || s.customersCreated !== rows) throw new Error(`import did not complete as expected: ${JSON.stringify(s)}`);
  return { ...run, importSeconds: (Date.parse(s.finishedAt) - Date.parse(s.createdAt)) / 1000 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-perf-import-'));
  const inst = await benchInstallation('import', { UPLOAD_DIR: join(dir, 'uploads'), OUTBOX_DIR: join(dir, 'outbox') });
  try {
    const file = join(dir, 'bench.csv');
    process.stdout.write(`generating ${fmt(ROWS)} realistic rows … `);
    await writeRealisticCsv(file, ROWS);
    const size = statSync(file).size;
    process.stdout.write(`${mib(size)} MiB\nimport: node dist/cli.js import (own process, no heap setting)\n`);

    const profileDir = process.env.BENCH_PROFILE ? join(dir, 'profile') : undefined;
    const imp = await importOnce(inst.env, inst.incidentId, file, ROWS, profileDir);
    const load = await loadDataSeconds(inst.env.DATABASE_URL!, file, inst.incidentId);
    const wallRate = ROWS / imp.seconds;
    const importRate = ROWS / imp.importSeconds;
    const loadRate = load.rows / load.seconds;
    const lines = [
      '',
      `rows                 ${fmt(ROWS)} (${mib(size)} MiB, every column filled); rejected ${fmt(imp.result.rowsRejected)}, warnings ${fmt(imp.result.warnings)}`,
      `import (process)     ${imp.seconds.toFixed(1)} s  ${fmt(wallRate)} rows/s  (start-up included; the import itself ${imp.importSeconds.toFixed(1)} s, ${fmt(importRate)} rows/s)`,
      `LOAD DATA INFILE     ${load.seconds.toFixed(1)} s  ${fmt(loadRate)} rows/s`,
      `ratio                ${((wallRate / loadRate) * 100).toFixed(0)}% of LOAD DATA for the whole process, ${((importRate / loadRate) * 100).toFixed(0)}% for the import itself (target ≥ 80%)`,
      `peak RSS             ${mib(imp.peakRss)} MiB (VmHWM)${imp.timeVPeakRss ? `, ${mib(imp.timeVPeakRss)} MiB (/usr/bin/time -v)` : ' (/usr/bin/time not installed)'} (target ≤ 256 MiB); CPU ${imp.cpuSeconds.toFixed(1)} s`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    if (profileDir) {
      const [name] = readdirSync(profileDir);
      process.stdout.write('\nimport CPU profile (whole process):\n' + summarise(JSON.parse(readFileSync(join(profileDir, name), 'utf8')), 30));
    }
    if (process.env.BENCH_FLATNESS) {
      const bigger = join(dir, 'bench2.csv');
      await writeRealisticCsv(bigger, ROWS * 2, 'D');
      rmSync(file);
      const second = (await runCli<{ id: number }>(inst.env, ['incident:create', '--title', 'Tweede', '--company', 'Polderstroom Energie', '--hotline-phone', '0800 765 4321', '--hotline-email', 'datalek@polderstroom.example', '--discovered-at', '2026-11-20T09:30:00Z'])).result.id;
      const twice = await importOnce(inst.env, second, bigger, ROWS * 2);
      process.stdout.write(`twice the rows       ${fmt(ROWS * 2)}: ${twice.seconds.toFixed(1)} s, peak RSS ${mib(twice.peakRss)} MiB${twice.timeVPeakRss ? ` (/usr/bin/time -v ${mib(twice.timeVPeakRss)} MiB)` : ''}\n`);
    }
    process.stdout.write(JSON.stringify({ rows: ROWS, importPerSecond: Math.round(wallRate), loadDataPerSecond: Math.round(loadRate), ratio: +(wallRate / loadRate).toFixed(3), peakRss: imp.peakRss, timeVPeakRss: imp.timeVPeakRss }) + '\n');
  } finally {
    await inst.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench('bench:import', main);
