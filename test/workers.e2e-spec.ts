import { readFileSync } from 'node:fs';
import { ServerProcess, startServerProcess } from './support/server-process';
import { createInstallation, TestInstallation } from './support/test-app';

/** The processes a process forked (Linux: every thread's children, of which a Node process's main thread has them all). */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(probe: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `APP_ROLE=all` as production runs it: the HTTP process forks WORKERS queue workers with a bounded heap, and a fork outlives no parent. */
describe('worker processes (APP_ROLE=all, WORKERS)', () => {
  let inst: TestInstallation;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    inst = await createInstallation();
  });
  afterAll(async () => {
    await server?.stop();
    await inst.close();
  });

  it('forks WORKERS workers with the WORKER_HEAP_MB bound, and a fork stops when its parent is killed -9', async () => {
    server = await startServerProcess(inst.config, { APP_ROLE: 'all', WORKERS: '2', WORKER_HEAP_MB: '160' });
    await until(() => childrenOf(server!.pid).length === 2, 'two forks');
    const forks = childrenOf(server.pid);
    for (const pid of forks) {
      const argv = commandLine(pid);
      expect(argv).toEqual(expect.arrayContaining(['--max-old-space-size=160', '--max-semi-space-size=8']));
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')).toContain('APP_ROLE=worker');
    }
    process.kill(server.pid, 'SIGKILL');
    // A booted fork drains for up to 20 s (SendProcessor) before it exits; a loaded machine adds to that.
    await until(() => forks.every((pid) => !alive(pid)), 'the forks to stop after their parent died', 120_000);
  });
});
