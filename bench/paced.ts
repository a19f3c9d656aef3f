/** An evenly paced HTTP load generator for the benchmarks (open loop, no coordinated omission). */
import { Agent, request } from 'node:http';

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export interface Figures {
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Paced run only: how late (ms) the load generator sent its requests, 99th percentile. */
  sendLagP99?: number;
}

/** One request of a paced run: built fresh for every request (the lookups vary the customer number). */
export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Open-loop load at an even `rate`: request i leaves at start + i/rate whatever happened to the
 * earlier ones, as independent callers would. Latency is measured from the moment a request was
 * due, so a slow server cannot hide its queue (no coordinated omission).
 */
export async function paced(port: number, rate: number, seconds: number, next: () => PacedRequest): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = rate * seconds;
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const sendLags: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      sendLags.push(performance.now() - due);
      const { method, path, headers, body } = next();
      const req = request(
        { host: '127.0.0.1', port, path, method, agent, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if (res.statusCode && res.statusCode < 300) ok++;
            else non2xx++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const start = performance.now();
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && start + i * interval <= now) inflight.push(one(start + i++ * interval));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  sendLags.sort((a, b) => a - b);
  return { reqPerSec: (ok + non2xx) / elapsed, p50: quantile(latencies, 0.5), p90: quantile(latencies, 0.9), p99: quantile(latencies, 0.99), ok, non2xx, errors, sendLagP99: quantile(sendLags, 0.99) };
}
