import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/config';

/** The one Redis connection of the staff module: console sessions, their index per member, sign-in limits. */
@Injectable()
export class StaffRedis implements OnModuleDestroy {
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    // Errors surface on the commands that fail; an idle reconnect must not crash the process.
    this.client.on('error', () => undefined);
  }

  /** A key in this installation's namespace (several installations may share one Redis). */
  key(...parts: (string | number)[]): string {
    return [this.config.queuePrefix, 'staff', ...parts].join(':');
  }

  async onModuleDestroy(): Promise<void> {
    if (this.client.status === 'wait' || this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
