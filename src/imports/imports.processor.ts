import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { describeError } from '../common/json-logger';
import { APP_CONFIG, AppConfig } from '../config/config';
import { consume, QUEUES, runsWorkers } from '../queues/queues';
import { IMPORT_JOB, ImportJob, ImportsService } from './imports.service';

/** Runs queued imports one at a time per worker process (the incident lock serialises across processes). */
@Injectable()
export class ImportsProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('imports');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue(QUEUES.imports) private readonly queue: Queue<ImportJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly imports: ImportsService,
  ) {}

  onModuleInit(): void {
    if (!runsWorkers(this.config)) return;
    consume(this.config, this.queue, IMPORT_JOB, 1, (job) => this.imports.run(job.data.importId, (percent) => void job.progress(percent).catch(() => undefined)));
    this.imports.recoverInterrupted().catch((err: unknown) => this.logger.error({ msg: 'import recovery failed', ...describeError(err) }));
    // An upload queued while Redis lost its keys would otherwise wait for the next worker restart.
    this.timer = setInterval(() => void this.imports.requeueLost().catch((err: unknown) => this.logger.warn({ msg: 'could not check the queued imports', ...describeError(err) })), this.config.reconcileIntervalSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
