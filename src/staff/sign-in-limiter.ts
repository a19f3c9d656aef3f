import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../config/config';
import { StaffRedis } from './staff-redis';

export interface AttemptGate {
  locked: boolean;
  /** How long to hold the answer back: failures slow every further attempt down. */
  delayMs: number;
}

const MAX_DELAY_MS = 8000;

/**
 * Failed sign-in attempts counted in Redis (so every API process shares the count), per account
 * (the e-mail address typed, whether or not it exists, so the lock tells nothing about who has an
 * account) and per IP address. After `signInSlowAfter` failures each attempt is held back longer;
 * after `signInLockAfter` the account is locked for `signInLockSeconds`.
 */
@Injectable()
export class SignInLimiter {
  private readonly account: RateLimiterRedis;
  private readonly ip: RateLimiterRedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: StaffRedis,
  ) {
    this.account = new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key('sign-in', 'account'), points: config.signInLockAfter, duration: config.signInLockSeconds });
    this.ip = new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key('sign-in', 'ip'), points: config.signInIpLimit, duration: 3600 });
  }

  async gate(accountKey: string, ip: string): Promise<AttemptGate> {
    const [account, address] = await Promise.all([this.account.get(hashed(accountKey)), this.ip.get(ip)]);
    const failures = account?.consumedPoints ?? 0;
    const locked = failures >= this.config.signInLockAfter || (address?.consumedPoints ?? 0) >= this.config.signInIpLimit;
    return { locked, delayMs: locked ? 0 : slowDown(failures, this.config.signInSlowAfter) };
  }

  /** Counts a failure; true when this one locked the account. */
  async failed(accountKey: string, ip: string): Promise<boolean> {
    const key = hashed(accountKey);
    await this.ip.penalty(ip, 1).catch(() => undefined);
    const res: RateLimiterRes = await this.account.penalty(key, 1);
    if (res.consumedPoints === this.config.signInLockAfter) {
      // The lock lasts its full time from now, however the failures were spread over the window.
      await this.account.block(key, this.config.signInLockSeconds);
      return true;
    }
    return false;
  }

  async succeeded(accountKey: string): Promise<void> {
    await this.account.delete(hashed(accountKey));
  }
}

/** The e-mail address typed is personal data: only its hash goes into Redis keys. */
function hashed(accountKey: string): string {
  return createHash('sha256').update(accountKey.trim().toLowerCase()).digest('hex').slice(0, 32);
}

export function slowDown(failures: number, slowAfter: number): number {
  if (failures < slowAfter || failures === 0) return 0;
  return Math.min(MAX_DELAY_MS, 250 * 2 ** (failures - slowAfter));
}
