import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { TraceEntry } from './browsing-rules';
import { decodeTrace, encodeTraceEntry } from './trace-codec';

/** Enough history for every rule at its largest sensible threshold, small enough to read on each lookup. */
const MAX_ENTRIES = 200;
/** A run of misses is not bounded by a window; a day without lookups starts it afresh. */
const MIN_TTL_SECONDS = 86400;

/**
 * Append, trim, renew and read back in one atomic step, answered as one string: the MULTI it
 * replaces answered 200 separate replies, and every lookup runs this.
 */
const ADD_AND_READ = `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return table.concat(redis.call('LRANGE', KEYS[1], 0, -1), '\\n')
`;

type TraceRedis = Redis & { hotlineTraceAdd(key: string, entry: string, maxEntries: number, ttlMs: number): Promise<string> };

/**
 * Each staff member's recent lookups as the browsing rules see them, in Redis so every API process
 * adds to and reads the same trace. Postcodes are kept only as a keyed hash (APP_SECRET).
 */
@Injectable()
export class LookupTrace implements OnModuleDestroy {
  private readonly redis: TraceRedis;
  private readonly ttlMs: number;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 }) as TraceRedis;
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('hotlineTraceAdd', { numberOfKeys: 1, lua: ADD_AND_READ });
    const a = config.hotlineAlerts;
    this.ttlMs = Math.max(MIN_TTL_SECONDS, a.burstWindowSeconds, a.walkWindowSeconds) * 1000;
  }

  /** Stands for the postcode in the trace: equal postcodes give equal keys, and the key gives nothing back. */
  streetKey(postcode: string): string {
    return createHmac('sha256', this.config.appSecret).update(`hotline-trace:${postcode}`).digest('hex').slice(0, 20);
  }

  /** Adds one lookup and answers the member's trace, oldest first, in one atomic step. */
  async add(staffId: number, entry: TraceEntry): Promise<TraceEntry[]> {
    return decodeTrace(await this.redis.hotlineTraceAdd(this.key(staffId), encodeTraceEntry(entry), MAX_ENTRIES, this.ttlMs));
  }

  /** After an admin resolved an alert the member starts with a clean trace, or the same lookups would raise it again. */
  async clear(staffId: number): Promise<void> {
    await this.redis.del(this.key(staffId));
  }

  private key(staffId: number): string {
    return `${this.config.queuePrefix}:hotline:trace:${staffId}`;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
