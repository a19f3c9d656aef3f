import { describeError } from '../common/json-logger';
import { InjectQueue } from '@nestjs/bull';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { APP_CONFIG, AppConfig } from '../config/config';
import { consume, QUEUES, runsWorkers } from '../queues/queues';
import { LetterJob, LetterQueue, SEND_JOB } from './letter-queue.service';
import { LetterSender } from './letter-sender.service';
import { Reconciler } from './reconciler.service';

export const RECONCILE_JOB = 'reconcile';

/** How long a stopping worker waits for the letters it is sending before it lets go of them. */
const DRAIN_MS = 20_000;

/** Consumes `letters` jobs: one call into LetterSender per job. */
@Injectable()
export class SendProcessor implements OnModuleInit, BeforeApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: LetterQueue,
    private readonly sender: LetterSender,
  ) {}

  onModuleInit(): void {
    consume<LetterJob>(this.config, this.queue.queue, SEND_JOB, this.config.sendConcurrency, (job) => this.sender.send(job.data.letterId));
  }

  /**
   * A stopping worker takes no new letters and finishes the ones in hand (the SMTP pool closes only
   * afterwards, in MailTransport.onApplicationShutdown). Closing the pool under them made each one a
   * failure, and a stopped server paused its campaign. Letters still out after DRAIN_MS are left to
   * their leases, as after a crash.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!runsWorkers(this.config)) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.queue.queue.pause(true).catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_MS)))]);
    clearTimeout(timer);
  }
}

/** Runs the reconciler as a repeatable job on `maintenance`, and once when a worker starts. */
@Injectable()
export class ReconcileProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('reconciler');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue,
    private readonly reconciler: Reconciler,
  ) {}

  onModuleInit(): void {
    if (!runsWorkers(this.config)) return;
    consume(this.config, this.maintenance, RECONCILE_JOB, 1, () => this.reconciler.run());
    const every = this.config.reconcileIntervalSeconds * 1000;
    // Re-adding a repeatable job is a no-op while it exists; doing it on a timer brings the schedule
    // back after Redis lost it (the moment the reconciler is needed most).
    const schedule = () =>
      this.maintenance
        .add(RECONCILE_JOB, {}, { repeat: { every }, jobId: RECONCILE_JOB, removeOnComplete: true, removeOnFail: true })
        .catch((err: unknown) => this.logger.warn({ msg: 'could not schedule the reconciler', ...describeError(err) }));
    void schedule();
    this.timer = setInterval(() => void schedule(), every);
    this.timer.unref();
    void this.reconciler.run().catch((err: unknown) => this.logger.warn({ msg: 'reconcile on start failed', error: err instanceof Error ? err.name : 'unknown' }));
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
