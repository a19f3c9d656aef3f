/**
 * What the production-like benchmarks share: every measured program runs as its own process from
 * the build (`node dist/main.js`, `node dist/cli.js`), and its peak RSS is the kernel's (VmHWM,
 * read from /proc until it exits) and its CPU time the kernel's (utime + stime). Nothing to
 * install: /proc is all it needs (Linux).
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/** The project root (dist/bench/*.js and bench/*.ts both sit two levels below it or one). */
export const ROOT = join(__dirname, __dirname.includes(`${join('dist', 'bench')}`) ? '../..' : '..');
export const DIST_MAIN = join(ROOT, 'dist/main.js');
export const DIST_CLI = join(ROOT, 'dist/cli.js');
export const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Peak RSS and CPU seconds of a running process, from the kernel. */
export function processFacts(pid: number): { peakRss: number; cpuSeconds: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") "; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { peakRss: Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024, cpuSeconds: ticks / 100 };
  } catch {
    return undefined;
  }
}

/** Pids of running processes by command name (e.g. mariadbd), read from /proc; empty where there is none. */
export function pidsNamed(names: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** CPU seconds so far of the local MySQL/MariaDB and Redis servers, to charge their share of a measured run. */
export function serviceCpuSeconds(): { mysql: number; redis: number } {
  const sum = (names: string[]) => pidsNamed(names).reduce((total, pid) => total + (processFacts(pid)?.cpuSeconds ?? 0), 0);
  return { mysql: sum(['mariadbd', 'mysqld']), redis: sum(['redis-server']) };
}

/** The same for a process and every process it forked (WORKERS=n): CPU summed, peak RSS summed over the processes. */
export function treeFacts(pid: number): { peakRss: number; cpuSeconds: number; processes: number } | undefined {
  const own = processFacts(pid);
  if (!own) return undefined;
  let kids: number[] = [];
  try {
    kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // No children file (kernel without CONFIG_PROC_CHILDREN): the parent's own figures.
  }
  let total = { ...own, processes: 1 };
  for (const kid of kids) {
    const f = treeFacts(kid);
    if (f) total = { peakRss: total.peakRss + f.peakRss, cpuSeconds: total.cpuSeconds + f.cpuSeconds, processes: total.processes + f.processes };
  }
  return total;
}

/** Follows a child's VmHWM and CPU until it exits (the last sample is at most `everyMs` old). */
export function watch(child: ChildProcess, everyMs = 50): { last(): { peakRss: number; cpuSeconds: number }; stop(): void } {
  let last = { peakRss: 0, cpuSeconds: 0 };
  const timer = setInterval(() => {
    const f = child.pid ? processFacts(child.pid) : undefined;
    if (f) last = { peakRss: Math.max(last.peakRss, f.peakRss), cpuSeconds: Math.max(last.cpuSeconds, f.cpuSeconds) };
  }, everyMs);
  return { last: () => last, stop: () => clearInterval(timer) };
}

/** A fresh scratch database name of this bench's own (fw_perf_<what>_<random>), and its URL. */
export function scratchDatabase(what: string): { name: string; url: string; queuePrefix: string } {
  const base = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
  const name = `fw_perf_${what}_${randomBytes(3).toString('hex')}`;
  return { name, url: `${base}/${name}`, queuePrefix: name };
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const conn = await createConnection({ uri: url.replace(/\/[^/]*$/, '') });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

export interface CliRun<T> {
  result: T;
  seconds: number;
  peakRss: number;
  cpuSeconds: number;
}

export const TIME_V = '/usr/bin/time';

/**
 * Runs `node [nodeOptions] dist/cli.js <args>`; resolves with its last stdout line as JSON and the
 * kernel's figures. With `timeV` (and /usr/bin/time installed) it runs under `/usr/bin/time -v`
 * and `timeVPeakRss` is that tool's "Maximum resident set size".
 */
export async function runCli<T>(env: NodeJS.ProcessEnv, args: string[], options: { nodeOptions?: string[]; timeV?: boolean } = {}): Promise<CliRun<T> & { timeVPeakRss?: number }> {
  const started = process.hrtime.bigint();
  const node = [process.execPath, ...(options.nodeOptions ?? []), DIST_CLI, ...args];
  const timeV = options.timeV && existsSync(TIME_V);
  const child = timeV ? spawn(TIME_V, ['-v', ...node], { env, stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(node[0], node.slice(1), { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  // Under /usr/bin/time the node process is its child: follow that one.
  await sleep(timeV ? 100 : 0);
  const nodePid = timeV ? Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]) || child.pid! : child.pid!;
  const w = watch({ pid: nodePid } as ChildProcess);
  const [code] = (await once(child, 'exit')) as [number];
  w.stop();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0) throw new Error(`cli ${args[0]} exited with ${code}: ${last} ${stderr.slice(-1000)}`);
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { result: JSON.parse(last) as T, seconds, ...w.last(), ...(maxRss ? { timeVPeakRss: Number(maxRss[1]) * 1024 } : {}) };
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Peak RSS and CPU so far (kernel figures), of the server and the worker processes it forked. */
  facts(): { peakRss: number; cpuSeconds: number; processes?: number };
  /** SIGTERM and wait; returns the final facts. A profiled server writes its profile first. */
  stop(): Promise<{ peakRss: number; cpuSeconds: number; processes?: number }>;
}

/**
 * Starts `node dist/main.js` with `env` and waits for /health (or, for a worker, a moment).
 * With `profileDir`, the server runs under bench/profiled-main (the V8 CPU profiler from start to stop).
 */
export async function startServer(env: NodeJS.ProcessEnv, options: { profileDir?: string; http?: boolean } = {}): Promise<ServerProcess> {
  const entry = options.profileDir ? [join(ROOT, 'dist/bench/profiled-main.js')] : [DIST_MAIN];
  const child = spawn(process.execPath, entry, {
    env: { ...env, ...(options.profileDir ? { PROFILE_DIR: options.profileDir } : {}) },
    stdio: options.profileDir ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'inherit', 'inherit'],
  });
  const w = watch(child, 200);
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  const http = options.http ?? env.APP_ROLE !== 'worker';
  for (let i = 0; ; i++) {
    if (exited) throw new Error('server exited during start-up');
    if (!http && i >= 10) break;
    if (http) {
      const ok = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
      if (ok) break;
    }
    await sleep(300);
  }
  return {
    child,
    baseUrl,
    facts: () => {
      const f = child.pid ? treeFacts(child.pid) : undefined;
      return f ?? w.last();
    },
    async stop() {
      const f = (child.pid ? treeFacts(child.pid) : undefined) ?? w.last();
      w.stop();
      if (!exited && options.profileDir) {
        const answered = once(child, 'message');
        child.send({ cmd: 'stop-profile' });
        await answered;
      }
      if (!exited) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      return f;
    },
  };
}

export interface SinkStats {
  messages: number;
  bytes: number;
  letters: number;
  duplicates: number;
  firstAt: number;
  lastAt: number;
}

/** The SMTP sink in its own process (dist/bench/smtp-sink-process.js). */
export async function startSink(port = 0): Promise<{ proc: ChildProcess; port: number; stats(): Promise<SinkStats>; reset(): Promise<void>; stop(): void }> {
  const proc = fork(join(ROOT, 'dist/bench/smtp-sink-process.js'), [], { env: { ...process.env, SINK_PORT: String(port) } });
  const ask = <T>(cmd: string) =>
    new Promise<T>((resolve) => {
      proc.once('message', (m) => resolve(m as T));
      proc.send({ cmd });
    });
  const actual = await new Promise<number>((resolve) => proc.once('message', (m: { port: number }) => resolve(m.port)));
  return { proc, port: actual, stats: () => ask<SinkStats>('stats'), reset: () => ask<unknown>('reset').then(() => undefined), stop: () => proc.connected && proc.disconnect() };
}

/** JSON over HTTP with a staff token; throws with the status and message on anything but 2xx. */
export async function api<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Removes the Bull keys of a scratch installation (its own prefix only). */
export async function dropQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** An installation for a benchmark: scratch database and queue prefix, two comms members, one incident. */
export async function benchInstallation(what: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const db = scratchDatabase(what);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: db.url,
    QUEUE_PREFIX: db.queuePrefix,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    PORT: process.env.BENCH_PORT ?? '3105',
    PUBLIC_BASE_URL: 'https://waarschuwing.example',
    SEND_RATE: process.env.SEND_RATE ?? '100000',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const ada = (await runCli<{ token: string }>(env, ['staff:create', '--name', 'Ada Bench', '--role', 'comms'])).result.token;
  const bram = (await runCli<{ token: string }>(env, ['staff:create', '--name', 'Bram Bench', '--role', 'comms'])).result.token;
  const incident = (
    await runCli<{ id: number }>(env, [
      'incident:create',
      '--title', 'Klantgegevens ingezien door onbevoegden',
      '--company', 'Polderstroom Energie',
      '--hotline-phone', '0800 765 4321',
      '--hotline-email', 'datalek@polderstroom.example',
      '--discovered-at', '2026-11-20T09:30:00Z',
    ])
  ).result.id;
  return {
    env,
    ada,
    bram,
    incidentId: incident,
    async drop(): Promise<void> {
      await dropDatabase(db.url, db.name).catch(() => undefined);
      await dropQueueKeys(env.REDIS_URL!, db.queuePrefix).catch(() => undefined);
    },
  };
}

export interface CampaignCounts {
  total: number;
  email: number;
  sent: number;
  failed: number;
  unknown: number;
  [state: string]: number;
}

/**
 * Waits until the sink has `email` messages (asking the sink, which costs the server nothing: the
 * campaign's counts are a GROUP BY over its letters, and polling them would slow what is measured),
 * then until every e-mail letter has an end state; returns the last counts.
 */
export async function waitUntilSent(baseUrl: string, token: string, campaignId: number, email: number, sink?: { stats(): Promise<SinkStats> }): Promise<CampaignCounts> {
  while (sink && (await sink.stats()).messages < email) await sleep(200);
  for (;;) {
    const { counts } = await api<{ counts: CampaignCounts }>(baseUrl, token, 'GET', `/api/campaigns/${campaignId}`);
    if (counts.sent + counts.failed + counts.unknown >= email) return counts;
    await sleep(200);
  }
}

/** Runs a benchmark's main and ends the process: 0 when it finished, 1 with the stack when it threw. */
export function runBench(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
