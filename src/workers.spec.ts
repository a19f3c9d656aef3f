import { heapBoundAdvice, workerExecArgv } from './workers';

describe(workerExecArgv.name, () => {
  it('adds the heap bound after the parent\'s own flags, so it is the one that counts', () => {
    expect(workerExecArgv({ workerHeapMb: 192 }, ['-r', 'ts-node/register'])).toEqual(['-r', 'ts-node/register', '--max-old-space-size=192', '--max-semi-space-size=8']);
  });

  it('leaves the heap to Node (and NODE_OPTIONS) with WORKER_HEAP_MB=0', () => {
    expect(workerExecArgv({ workerHeapMb: 0 }, ['--enable-source-maps'])).toEqual(['--enable-source-maps']);
  });
});

describe(heapBoundAdvice.name, () => {
  const MiB = 1024 * 1024;

  it('says how to start a worker that runs with V8\'s machine-sized heap', () => {
    expect(heapBoundAdvice({ workerHeapMb: 192 }, 4144 * MiB)).toBe(
      "this worker's heap may grow to 4144 MiB, and garbage will use much of it; start it as `node --max-old-space-size=192 --max-semi-space-size=8 dist/main.js` (README, \"API and workers separately\"), or set WORKER_HEAP_MB=0 to silence this",
    );
  });

  it('is quiet when the bound is set (old plus young generation) or turned off', () => {
    expect(heapBoundAdvice({ workerHeapMb: 192 }, 204 * MiB)).toBeUndefined();
    expect(heapBoundAdvice({ workerHeapMb: 0 }, 4144 * MiB)).toBeUndefined();
  });
});
