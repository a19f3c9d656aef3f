import 'reflect-metadata';
import 'dotenv/config';
import { getHeapStatistics } from 'node:v8';
import { createApp, prepare } from './bootstrap';
import { JsonLogger } from './common/json-logger';
import { ConfigError, loadConfig } from './config/config';
import { forkWorkers, heapBoundAdvice } from './workers';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // A fork whose parent died (even by kill -9) stops the way SIGTERM stops it, instead of sending
  // on as an orphan beside the parent's replacement. Listening from the very start also covers a
  // parent that dies while this process still boots (SIGTERM then simply ends it).
  if (process.send) {
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    // The parent may be gone already (it died while this process loaded its code): no event comes then.
    if (!process.connected) process.kill(process.pid, 'SIGTERM');
  }
  await prepare(config);
  const logger = new JsonLogger(config.logLevel);
  // APP_ROLE all: the HTTP process never sends itself (a campaign's rendering and SMTP work would
  // hold up the hotline's lookups and the customers' links on the same event loop), so it forks its
  // WORKERS; WORKERS=0 keeps everything in one process. APP_ROLE worker forks only for more than one.
  const forks = config.appRole === 'all' ? config.workers : config.appRole === 'worker' && config.workers > 1 ? config.workers : 0;
  if (forks > 0) {
    // The forks consume the queues; this process serves HTTP (APP_ROLE all) or only supervises them.
    const workers = forkWorkers(config, logger);
    const stop = () => void workers.stop().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    logger.log({ msg: 'worker processes started', workers: config.workers }, 'main');
    if (config.appRole === 'worker') return;
    const app = await createApp({ ...config, appRole: 'api' }, logger);
    await app.listen(config.port);
    logger.log({ msg: 'listening', port: config.port, role: 'api', docs: '/api/docs' }, 'main');
    return;
  }
  const app = await createApp(config, logger);
  if (config.appRole === 'worker') {
    logger.log({ msg: 'worker started', role: config.appRole }, 'main');
    const advice = process.send ? undefined : heapBoundAdvice(config, getHeapStatistics().heap_size_limit);
    if (advice) logger.warn({ msg: advice }, 'main');
    return;
  }
  await app.listen(config.port);
  logger.log({ msg: 'listening', port: config.port, role: config.appRole, docs: '/api/docs' }, 'main');
}

main().catch((err: unknown) => {
  // One readable line for what a person can fix; a stack only for the unexpected.
  if (err instanceof ConfigError) process.stderr.write(`fraud-warning: ${err.message}\n`);
  else process.stderr.write(`fraud-warning: could not start: ${err instanceof Error ? err.name + ' ' + (err.stack ?? '') : String(err)}\n`);
  process.exit(1);
});
