import { describeError } from '../common/json-logger';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { consume, runsWorkers } from '../queues/queues';
import { PRINT_RECONCILE_JOB, PrintRenderService, RENDER_JOB, RenderJob } from './print-render.service';

/**
 * Consumes `print` jobs (one file each, one at a time per process: rendering is CPU work, more
 * processes render more files at once) and runs the print reconciler on a repeatable job.
 */
@Injectable()
export class PrintProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('postal');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly render: PrintRenderService,
  ) {}

  onModuleInit(): void {
    if (!runsWorkers(this.config)) return;
    const queue = this.render.queue;
    consume<RenderJob>(this.config, queue, RENDER_JOB, 1, (job) => this.render.renderFile(job.data.fileId));
    consume(this.config, queue, PRINT_RECONCILE_JOB, 1, () => this.render.reconcile());
    const every = this.config.reconcileIntervalSeconds * 1000;
    const schedule = () =>
      queue
        .add(PRINT_RECONCILE_JOB, {} as RenderJob, { repeat: { every }, jobId: PRINT_RECONCILE_JOB, removeOnComplete: true, removeOnFail: true })
        .catch((err: unknown) => this.logger.warn({ msg: 'could not schedule the print reconciler', ...describeError(err) }));
    void schedule();
    this.timer = setInterval(() => void schedule(), every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
