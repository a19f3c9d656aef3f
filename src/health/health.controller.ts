import { Controller, Get, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';

/** 200 `{status: "ok"}` when MySQL and Redis answer within a second, else 503 naming what is down. */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  // Its own client with no offline queue, so a dead Redis fails the check fast instead of hanging.
  private readonly redis: Redis;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => 1000 });
    this.redis.on('error', () => undefined);
  }

  @Get()
  async check(@Res() res: Response): Promise<void> {
    const [mysql, redis] = await Promise.all([
      within(1000, this.db.query('SELECT 1')),
      within(1000, this.connected().then(() => this.redis.ping())),
    ]);
    const ok = mysql && redis;
    res.status(ok ? 200 : 503).json(ok ? { status: 'ok' } : { status: 'unavailable', mysql: mysql ? 'ok' : 'down', redis: redis ? 'ok' : 'down' });
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
