import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../src/config/config';

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  output: string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The API as its own process (`src/main.ts`, as `node dist/main.js` runs it) on an installation's
 * database and Redis. Needed wherever staff e-mails must really go out: Jest's VM cannot load
 * @react-email/render, so an in-process app renders no staff e-mail.
 */
export async function startServerProcess(config: AppConfig, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: `${__dirname}/../..`,
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: '1',
      APP_ROLE: 'api',
      PORT: String(port),
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      ...(config.smtpUrl ? { SMTP_URL: config.smtpUrl } : {}),
      PUBLIC_BASE_URL: config.publicBaseUrl,
      OUTBOX_DIR: config.outboxDir,
      UPLOAD_DIR: config.uploadDir,
      HOTLINE_WORKING_HOURS: '00:00-24:00',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
    proc.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) before answering: ${output.join('').slice(-2000)}`)));
    const poll = (): void => {
      fetch(`${baseUrl}/health`).then(
        (r) => (r.status === 200 ? resolve() : setTimeout(poll, 200)),
        () => setTimeout(poll, 200),
      );
    };
    poll();
  });
  return {
    baseUrl,
    pid: proc.pid!,
    output,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
