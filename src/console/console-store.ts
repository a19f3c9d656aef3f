import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * Short-lived console state that every API process must see: uploads kept for the import step after
 * their check, and rendered letter previews waiting to be framed. JSON values with a TTL.
 */
@Injectable()
export class ConsoleStore implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
  }

  async put(kind: string, id: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.key(kind, id), JSON.stringify(value), 'EX', ttlSeconds);
  }

  async get<T>(kind: string, id: string): Promise<T | null> {
    const raw = await this.redis.get(this.key(kind, id));
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  /** Reads and removes in one step: of two concurrent takers, only one gets the value. */
  async take<T>(kind: string, id: string): Promise<T | null> {
    const raw = await this.redis.getdel(this.key(kind, id));
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  private key(kind: string, id: string): string {
    return `${this.config.queuePrefix}:console:${kind}:${id}`;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
