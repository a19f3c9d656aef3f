import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * Public breach reports per IP address in a fixed window, counted in Redis so every API process
 * shares it. The key holds a keyed hash of the address, never the address itself.
 */
@Injectable()
export class ReportLimiter implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
  }

  /** Counts one report from `ip`; `retryAfterSeconds` when the window is full. */
  async take(ip: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    const { breachReportLimit: limit, breachReportWindowSeconds: window } = this.config;
    if (limit === 0) return { allowed: true };
    const key = `${this.config.queuePrefix}:breach-reports:ip:${createHmac('sha256', this.config.appSecret).update(ip).digest('hex').slice(0, 32)}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incr(key).ttl(key).exec()) as [[null, number], [null, number]];
    if (ttl < 0) await this.redis.expire(key, window);
    if (count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: ttl > 0 ? ttl : window };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
