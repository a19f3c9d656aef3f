import { workerExecArgv } from './workers';

describe(workerExecArgv.name, () => {
  it('adds the heap bound after the parent\'s own flags, so it is the one that counts', () => {
    expect(workerExecArgv({ workerHeapMb: 192 }, ['-r', 'ts-node/register'])).toEqual(['-r', 'ts-node/register', '--max-old-space-size=192', '--max-semi-space-size=4']);
  });

  it('leaves the heap to Node (and NODE_OPTIONS) with WORKER_HEAP_MB=0', () => {
    expect(workerExecArgv({ workerHeapMb: 0 }, ['--enable-source-maps'])).toEqual(['--enable-source-maps']);
  });
});
