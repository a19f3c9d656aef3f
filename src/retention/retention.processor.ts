import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { describeError } from '../common/json-logger';
import { APP_CONFIG, AppConfig } from '../config/config';
import { consume, runsWorkers } from '../queues/queues';
import { PurgeService } from './purge.service';

export const RETENTION_QUEUE = 'retention';
export const SWEEP_JOB = 'sweep';

/**
 * Runs the retention sweep as a Bull repeatable job every PURGE_SWEEP_SECONDS (one schedule however
 * many workers add it, as for the deadline reminders); the purge's claim in the database makes it
 * exactly once even when two sweeps overlap.
 */
@Injectable()
export class RetentionProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('retention');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(RETENTION_QUEUE) private readonly queue: Queue,
    private readonly purges: PurgeService,
  ) {}

  onModuleInit(): void {
    if (!runsWorkers(this.config)) return;
    consume(this.config, this.queue, SWEEP_JOB, 1, () => this.purges.sweep());
    const every = this.config.purgeSweepSeconds * 1000;
    // Re-adding is a no-op while the schedule exists and restores it after Redis lost it.
    const schedule = () =>
      this.queue
        .add(SWEEP_JOB, {}, { repeat: { every }, jobId: SWEEP_JOB, removeOnComplete: true, removeOnFail: true })
        .catch((err: unknown) => this.logger.warn({ msg: 'could not schedule the retention sweep', ...describeError(err) }));
    void schedule();
    this.timer = setInterval(() => void schedule(), Math.max(every, 60_000));
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
