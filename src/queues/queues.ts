import type { Job, Queue } from 'bull';
import type { AppConfig } from '../config/config';

/** Bull queue names. Bull only carries work: the database is the source of truth. */
export const QUEUES = {
  imports: 'imports',
  letters: 'letters',
  maintenance: 'maintenance',
  print: 'print',
} as const;

/** Whether this process consumes queue jobs (APP_ROLE all or worker). */
export function runsWorkers(config: AppConfig): boolean {
  return config.appRole !== 'api';
}

/**
 * Starts consuming `name` jobs on `queue` when this process is a worker. Processors call this in
 * onModuleInit instead of using @Process, so APP_ROLE=api (and the CLI) never consume jobs.
 */
export function consume<T>(config: AppConfig, queue: Queue<T>, name: string, concurrency: number, handler: (job: Job<T>) => Promise<unknown>): void {
  if (!runsWorkers(config)) return;
  void queue.process(name, concurrency, handler);
}
