import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import RedisStore from 'connect-redis';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { APP_CONFIG, AppConfig } from '../config/config';
import { StaffRedis } from './staff-redis';

declare module 'express-session' {
  interface SessionData {
    /** Set once password and authenticator code were both right. */
    staffId: number;
    signedInAt: number;
    lastSeenAt: number;
    /** Between the password step and the code step. */
    pendingStaffId: number;
    pendingSince: number;
    /** The console language chosen with ?lang=. */
    lang: 'nl' | 'en';
  }
}

/** Seconds someone has between the password step and the code step. */
const PENDING_SECONDS = 300;

export const SESSION_COOKIE = 'fw_console';

/**
 * Console sessions: express-session in Redis (shared by every API process), a cookie limited to
 * /console that is HttpOnly, SameSite=Strict and Secure when the public address is https. Each
 * member's session ids are also kept in a set, so disabling a member can end all of them at once.
 * Idle and absolute timeouts are checked here on every request (the Redis TTL only cleans up).
 */
@Injectable()
export class ConsoleSessions {
  private readonly store: RedisStore;
  private readonly prefix: string;
  readonly middleware: RequestHandler;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: StaffRedis,
  ) {
    this.prefix = redis.key('session') + ':';
    this.store = new RedisStore({ client: redis.client, prefix: this.prefix, ttl: config.sessionIdleSeconds });
    const secure = config.publicBaseUrl.startsWith('https:');
    this.middleware = session({
      name: SESSION_COOKIE,
      secret: config.appSecret,
      store: this.store,
      resave: false,
      saveUninitialized: false,
      // Behind a TLS-terminating proxy the app itself sees http; the Secure cookie must still be set.
      proxy: secure,
      cookie: { httpOnly: true, sameSite: 'strict', secure, path: '/console' },
    });
  }

  /** After the password: remembers who is half-way, in the (anonymous) session. */
  async passwordAccepted(req: Request, staffId: number): Promise<void> {
    req.session.pendingStaffId = staffId;
    req.session.pendingSince = Date.now();
    await promisify((cb) => req.session.save(cb));
  }

  /** The member waiting for the code step, if the password step was recent enough. */
  pendingStaffId(req: Request): number | null {
    const { pendingStaffId, pendingSince } = req.session ?? {};
    if (!pendingStaffId || !pendingSince || Date.now() - pendingSince > PENDING_SECONDS * 1000) return null;
    return pendingStaffId;
  }

  /** Signed in: a new session id (whatever id the browser had before is worthless), indexed per member. */
  async signedIn(req: Request, staffId: number): Promise<void> {
    const lang = req.session.lang;
    await promisify((cb) => req.session.regenerate(cb));
    const now = Date.now();
    Object.assign(req.session, { staffId, signedInAt: now, lastSeenAt: now, ...(lang ? { lang } : {}) });
    await promisify((cb) => req.session.save(cb));
    const index = this.indexKey(staffId);
    await this.redis.client.multi().sadd(index, req.session.id).expire(index, this.config.sessionAbsoluteSeconds).exec();
  }

  /**
   * The signed-in member of this request, or null (never signed in, timed out, signed out). A
   * timed-out session is destroyed on the spot.
   */
  async currentStaffId(req: Request): Promise<number | null> {
    const s = req.session;
    if (!s?.staffId || !s.signedInAt || !s.lastSeenAt) return null;
    const now = Date.now();
    if (now - s.lastSeenAt > this.config.sessionIdleSeconds * 1000 || now - s.signedInAt > this.config.sessionAbsoluteSeconds * 1000) {
      await this.end(req);
      return null;
    }
    s.lastSeenAt = now;
    return s.staffId;
  }

  async end(req: Request): Promise<void> {
    const staffId = req.session?.staffId;
    if (!req.session) return;
    const sid = req.session.id;
    await promisify((cb) => req.session.destroy(cb));
    if (staffId) await this.redis.client.srem(this.indexKey(staffId), sid);
  }

  /** Ends every console session of this member at once (disabling them). */
  async endAllFor(staffId: number): Promise<number> {
    const index = this.indexKey(staffId);
    const sids = await this.redis.client.smembers(index);
    // The store keeps a session as one key: deleting those keys ends the sessions everywhere.
    await this.redis.client.del(index, ...sids.map((sid) => this.prefix + sid));
    return sids.length;
  }

  private indexKey(staffId: number): string {
    return this.redis.key('sessions-of', staffId);
  }
}

function promisify(fn: (cb: (err?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => fn((err) => (err ? reject(err instanceof Error ? err : new Error('session store failed')) : resolve())));
}

/** The session middleware as a Nest middleware, applied to the console's routes (ConsoleModule). */
@Injectable()
export class ConsoleSessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: ConsoleSessions) {}

  use(req: Request, res: Response, next: NextFunction): void {
    this.sessions.middleware(req, res, next);
  }
}
