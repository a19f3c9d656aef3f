import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * Sliding window over the last `windowMs`, one sorted set per staff member. The clock is Redis's
 * own (TIME), so API processes on machines with drifting clocks still share one window. Refused
 * attempts are not added: the window empties at the pace of the admitted lookups.
 */
const SLIDING_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, count, tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return {1, count + 1, 0}
`;

export type LimitVerdict = { allowed: true } | { allowed: false; limit: number; windowSeconds: number; retryAfterSeconds: number };

type LimiterRedis = Redis & { hotlineWindow(key: string, limit: number, windowMs: number, member: string): Promise<[number, number, number]> };

/** Per-staff-member lookup limit that holds across every API process sharing this Redis. */
@Injectable()
export class LookupLimiter implements OnModuleDestroy {
  private readonly redis: LimiterRedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 }) as LimiterRedis;
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('hotlineWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW });
  }

  get enabled(): boolean {
    return this.config.hotlineLookupLimit > 0;
  }

  /** Counts one lookup for this staff member if it is within the limit. */
  async take(staffId: number): Promise<LimitVerdict> {
    if (!this.enabled) return { allowed: true };
    const { hotlineLookupLimit: limit, hotlineLookupWindowSeconds: windowSeconds } = this.config;
    const key = `${this.config.queuePrefix}:hotline:lookups:${staffId}`;
    const [allowed, , retryMs] = await this.redis.hotlineWindow(key, limit, windowSeconds * 1000, `${Date.now()}-${randomBytes(6).toString('hex')}`);
    if (allowed === 1) return { allowed: true };
    return { allowed: false, limit, windowSeconds, retryAfterSeconds: Math.max(1, Math.ceil(Number(retryMs) / 1000)) };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
