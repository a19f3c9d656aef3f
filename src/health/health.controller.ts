import { Controller, Get, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { CampaignTripwire, TripwireReport, tripped } from '../campaigns/campaign-tripwire.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { StaffOnly } from '../staff/staff.decorators';

/** 200 `{status: "ok"}` when MySQL and Redis answer within a second, else 503 naming what is down; `/health/detail` adds the campaign tripwire for admins. */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  // Its own client with no offline queue, so a dead Redis fails the check fast instead of hanging.
  private readonly redis: Redis;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tripwire: CampaignTripwire,
  ) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => 1000 });
    this.redis.on('error', () => undefined);
  }

  @Get()
  async check(@Res() res: Response): Promise<void> {
    const { mysql, redis } = await this.services();
    const ok = mysql && redis;
    res.status(ok ? 200 : 503).json(ok ? { status: 'ok' } : { status: 'unavailable', mysql: mysql ? 'ok' : 'down', redis: redis ? 'ok' : 'down' });
  }

  /**
   * For admins: the same check plus the campaign tripwire (campaigns completed with letters still
   * open, started with letters never released, or stalled). `status` is `attention` when it tripped.
   */
  @Get('detail')
  @StaffOnly('admin')
  async detail(@Res() res: Response): Promise<void> {
    const { mysql, redis } = await this.services();
    if (!mysql) {
      res.status(503).json({ status: 'unavailable', mysql: 'down', redis: redis ? 'ok' : 'down' });
      return;
    }
    const campaigns: TripwireReport = await this.tripwire.check();
    res.status(redis ? 200 : 503).json({ status: !redis ? 'unavailable' : tripped(campaigns) ? 'attention' : 'ok', mysql: 'ok', redis: redis ? 'ok' : 'down', campaigns });
  }

  private async services(): Promise<{ mysql: boolean; redis: boolean }> {
    const [mysql, redis] = await Promise.all([within(1000, this.db.query('SELECT 1')), within(1000, this.connected().then(() => this.redis.ping()))]);
    return { mysql, redis };
  }

  /** One connect for all callers: concurrent first checks must not each find the client still connecting. */
  private connected(): Promise<void> {
    this.connecting ??= this.redis.connect().catch(() => undefined);
    return this.connecting;
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
