import { ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from './config/config';

/**
 * The Node flags of a worker process: with WORKER_HEAP_MB, a bounded old generation and a small
 * young generation (WORKER_SEMI_SPACE_MB). V8 otherwise sizes its heap by the machine's memory (about 4 GiB here) and lets
 * garbage grow far past what a worker keeps alive: drawing print files took a worker from 190 MiB at
 * start to 384 MiB, with the bound it stays near 215 MiB (src/postal/README.md, "Memory and speed").
 * The parent's own Node flags are kept; WORKER_HEAP_MB=0 leaves the heap to Node (or to NODE_OPTIONS).
 */
export function workerExecArgv(config: Pick<AppConfig, 'workerHeapMb'>, base: string[] = process.execArgv): string[] {
  if (config.workerHeapMb === 0) return base;
  return [...base, `--max-old-space-size=${config.workerHeapMb}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`];
}

/**
 * For a worker process that was not forked (APP_ROLE=worker with WORKERS=1, started by hand or by a
 * process manager): what to say when it runs without the heap bound a fork would have, or nothing.
 * The limit V8 reports is the old generation's plus the young generation's, so twice the bound is
 * far enough from it to mean "not set".
 */
export function heapBoundAdvice(config: Pick<AppConfig, 'workerHeapMb'>, heapLimitBytes: number): string | undefined {
  if (config.workerHeapMb === 0 || heapLimitBytes <= 2 * config.workerHeapMb * 1024 * 1024) return undefined;
  return `this worker's heap may grow to ${Math.round(heapLimitBytes / 1024 / 1024)} MiB, and garbage will use much of it; start it as \`node ${workerExecArgv(config, []).join(' ')} dist/main.js\` (README, "API and workers separately"), or set WORKER_HEAP_MB=0 to silence this`;
}

/**
 * Young-generation semi-space of a worker (MiB): smaller means more scavenges and less memory held
 * by short-lived garbage. 4 MiB kept print workers lowest, but a sending worker copies the letters
 * it has in hand (tens of KB each) on every scavenge: against 4 MiB, 8 MiB cost 9% less CPU per
 * letter (six alternating bench:send pairs, 2026-12-04) for +16 MiB in a print worker (241 MiB,
 * bench:print); 16 MiB saved 11–17% but took the print worker to 268 MiB, over its 256 MiB target.
 */
const WORKER_SEMI_SPACE_MB = 8;

/**
 * WORKERS=n: this process forks n queue-worker processes (APP_ROLE=worker) and keeps them running;
 * itself it serves HTTP only (APP_ROLE all) or nothing (APP_ROLE worker). The forks run at
 * WORKER_NICE (default 10), so when the CPU is short the kernel gives it to HTTP first. One Node process sends
 * on one core; the forks use the others. The SMTP connections (SMTP_POOL_SIZE) and the letters in
 * flight (SEND_CONCURRENCY) are the machine's, shared out among the forks, so a machine keeps the
 * same number of connections to the relay whatever WORKERS is.
 */
export function forkWorkers(config: AppConfig, logger: LoggerService): { stop(): Promise<void> } {
  const children = new Set<ChildProcess>();
  let stopping = false;
  const env = {
    ...process.env,
    APP_ROLE: 'worker',
    WORKERS: '1',
    SMTP_POOL_SIZE: String(Math.max(1, Math.ceil(config.smtpPoolSize / config.workers))),
    SEND_CONCURRENCY: String(Math.max(1, Math.ceil(config.sendConcurrency / config.workers))),
  };
  const start = (n: number) => {
    const child = fork(process.argv[1], process.argv.slice(2), { env, stdio: 'inherit', execArgv: workerExecArgv(config) });
    children.add(child);
    // Sending can wait a few milliseconds; a caller on the hotline should not (WORKER_NICE).
    if (child.pid && config.workerNice > 0) {
      try {
        setPriority(child.pid, config.workerNice);
      } catch (err) {
        logger.warn?.({ msg: 'could not lower the worker process priority', worker: n, error: (err as Error).message }, 'workers');
      }
    }
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      // A crashed worker's letters are safe (leases, the reconciler); a new one takes its place.
      logger.warn?.({ msg: 'worker process ended; starting another', worker: n, code, signal }, 'workers');
      setTimeout(() => !stopping && start(n), 1000).unref();
    });
  };
  for (let n = 1; n <= config.workers; n++) start(n);
  return {
    async stop() {
      stopping = true;
      await Promise.all(
        [...children].map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
