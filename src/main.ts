import 'reflect-metadata';
import 'dotenv/config';
import { createApp, prepare } from './bootstrap';
import { JsonLogger } from './common/json-logger';
import { ConfigError, loadConfig } from './config/config';
import { forkWorkers } from './workers';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  await prepare(config);
  const logger = new JsonLogger(config.logLevel);
  if (config.workers > 1 && config.appRole !== 'api') {
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
