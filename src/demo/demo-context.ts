import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../config/config';

/** What every demo step gets: the running app (HTTP + workers), its URL and the demo's staff and incident. */
export interface DemoContext {
  app: INestApplication;
  config: AppConfig;
  /** Where the demo's own server listens, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  tokens: { comms: string; comms2: string; hotline: string; admin: string };
  incidentId: number;
  /** Set by the campaign step for later steps. */
  campaignId?: number;
  /** Calls the demo server like any client would; throws on a non-2xx answer with its message. */
  api<T = unknown>(method: string, path: string, token?: string, body?: unknown): Promise<T>;
  say(line?: string): void;
}

export type DemoStep = (ctx: DemoContext) => Promise<void>;
