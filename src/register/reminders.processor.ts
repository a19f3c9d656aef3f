import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { describeError } from '../common/json-logger';
import { APP_CONFIG, AppConfig } from '../config/config';
import { consume, runsWorkers } from '../queues/queues';
import { RemindersService } from './reminders.service';

export const REGISTER_QUEUE = 'register';
export const REMINDERS_JOB = 'reminders';

/** Runs the reminders as a Bull repeatable job (one schedule however many workers add it). */
@Injectable()
export class RemindersProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('reminders');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(REGISTER_QUEUE) private readonly queue: Queue,
    private readonly reminders: RemindersService,
  ) {}

  onModuleInit(): void {
    if (!runsWorkers(this.config)) return;
    consume(this.config, this.queue, REMINDERS_JOB, 1, () => this.reminders.run());
    const every = this.config.reminderIntervalSeconds * 1000;
    // As for the reconciler: re-adding is a no-op while the schedule exists and restores it after Redis lost it.
    const schedule = () =>
      this.queue
        .add(REMINDERS_JOB, {}, { repeat: { every }, jobId: REMINDERS_JOB, removeOnComplete: true, removeOnFail: true })
        .catch((err: unknown) => this.logger.warn({ msg: 'could not schedule the reminders', ...describeError(err) }));
    void schedule();
    this.timer = setInterval(() => void schedule(), every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
