import { Reconciler } from '../../src/campaigns/reconciler.service';
import { createApp } from '../../src/bootstrap';
import { JsonLogger } from '../../src/common/json-logger';
import { loadConfig } from '../../src/config/config';

/**
 * A process that runs the reconciler back to back, as fast as it can, until SIGTERM: the "other
 * process" of the start-race stress test. Prints `ready` once, then one line per completion.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(process.env), appRole: 'api' as const };
  const app = await createApp(config, new JsonLogger('error', process.stderr));
  const reconciler = app.get(Reconciler);
  let stopping = false;
  process.once('SIGTERM', () => (stopping = true));
  process.stdout.write('ready\n');
  let runs = 0;
  while (!stopping) {
    const result = await reconciler.run();
    runs++;
    for (const id of result.completed) process.stdout.write(`completed ${id}\n`);
  }
  process.stdout.write(`runs ${runs}\n`);
  await app.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`reconciler loop failed: ${err instanceof Error ? err.name : 'unknown'}\n`);
  process.exit(1);
});
