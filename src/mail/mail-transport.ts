import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/config';
import { fromRoot } from '../common/project-root';
import { buildMime, canBuildMime } from './mime-message';
import { classifySendFailure, describeSendFailure, SendFailureFacts, SendFailureKind } from './send-failure';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** Optional fixed Message-ID (without angle brackets). */
  messageId?: string;
}

export interface SentMail {
  /** Without angle brackets. */
  messageId: string;
  /** The SMTP server's final reply (e.g. "250 OK"), or "written to outbox". */
  response: string;
}

/** A send that did not succeed, with what it means for the letter (see send-failure.ts). Its message never holds an address. */
export class SendFailure extends Error {
  constructor(
    readonly kind: SendFailureKind,
    readonly facts: SendFailureFacts,
    /** Reply code or error code and a short reason, without addresses (for `letters.lastError`). */
    readonly reason: string,
  ) {
    super(`send failed (${kind}): ${reason}`);
    this.name = 'SendFailure';
  }
}

/** Per-message probe: the stream nodemailer reads the message from, to tell whether the data phase began. */
interface SendProbe {
  stream?: { readableDidRead?: boolean };
}

/**
 * The one file that owns SMTP. With SMTP_URL: a pooled nodemailer transport. Without it: each
 * message is written as an .eml file under OUTBOX_DIR (named by X-Letter-Id or a hash, never by
 * recipient), so the demo and development need no mail server.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly outbox: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.smtpUrl) {
      const u = new URL(config.smtpUrl);
      this.transporter = nodemailer.createTransport({
        pool: true,
        maxConnections: config.smtpPoolSize,
        maxMessages: Infinity,
        host: u.hostname,
        port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 25,
        secure: u.protocol === 'smtps:',
        auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
        // A local sink or relay without TLS is normal in tests and behind a smarthost.
        ignoreTLS: u.searchParams.get('ignoreTLS') === 'true',
      });
    } else {
      this.outbox = config.outboxDir.startsWith('/') ? config.outboxDir : fromRoot(config.outboxDir);
      mkdirSync(this.outbox, { recursive: true });
      this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
    // The pool reads a message's stream only after the server answered DATA with 354; remembering
    // that stream per message tells a connection lost before the data from one lost after it.
    this.transporter.use('stream', (mail, done) => {
      const probe = (mail.data as { sendProbe?: SendProbe }).sendProbe;
      const message = mail.message as unknown as { createReadStream: (...args: unknown[]) => { readableDidRead?: boolean } };
      if (probe) {
        const create = message.createReadStream.bind(message);
        message.createReadStream = (...args: unknown[]) => (probe.stream = create(...args));
      }
      done();
    });
  }

  get writesToOutbox(): boolean {
    return this.outbox !== undefined;
  }

  /** Sends one message; a failure is thrown as a SendFailure saying whether it is transient, permanent or unknown. */
  async send(mail: OutgoingMail): Promise<SentMail> {
    const probe: SendProbe = {};
    let info: { messageId: string; response?: string | Buffer; message?: Buffer };
    try {
      // A letter with its own Message-ID is built once as a whole message (see mime-message.ts).
      const prebuilt = mail.messageId && canBuildMime(mail) ? buildMime({ ...mail, messageId: mail.messageId }) : undefined;
      const options = prebuilt
        ? { envelope: { from: mail.from.address, to: [mail.to] }, raw: prebuilt, messageId: `<${mail.messageId}>`, sendProbe: probe }
        : {
            from: { name: mail.from.name, address: mail.from.address },
            to: mail.to,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
            headers: mail.headers,
            messageId: mail.messageId ? `<${mail.messageId}>` : undefined,
            sendProbe: probe,
          };
      info = await this.transporter.sendMail(options);
    } catch (err) {
      const e = err as { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };
      const facts: SendFailureFacts = {
        code: typeof e.code === 'string' ? e.code : undefined,
        responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
        command: typeof e.command === 'string' ? e.command : undefined,
        dataStarted: probe.stream?.readableDidRead === true,
      };
      throw new SendFailure(classifySendFailure(facts), facts, describeSendFailure(facts, typeof e.message === 'string' ? e.message : ''));
    }
    const messageId = mail.messageId ?? info.messageId.replace(/^<|>$/g, '');
    if (this.outbox && info.message) {
      const letterId = mail.headers?.['X-Letter-Id'];
      const name = letterId ? `letter-${letterId}` : `mail-${createHash('sha256').update(messageId).digest('hex').slice(0, 16)}`;
      writeFileSync(join(this.outbox, `${name}.eml`), info.message);
      return { messageId, response: 'written to outbox' };
    }
    return { messageId, response: typeof info.response === 'string' ? info.response : '' };
  }

  /** Letter ids of the letters written to the outbox (without SMTP_URL), for the purge to find its own. */
  outboxLetterIds(): string[] {
    if (!this.outbox) return [];
    return readdirSync(this.outbox).flatMap((name) => /^letter-(\d{1,19})\.eml$/.exec(name)?.[1] ?? []);
  }

  /** Deletes these letters' .eml files from the outbox (they hold the whole letter: name, address, e-mail). */
  removeFromOutbox(letterIds: string[]): number {
    if (!this.outbox) return 0;
    let removed = 0;
    for (const id of letterIds) {
      try {
        unlinkSync(join(this.outbox, `letter-${id}.eml`));
        removed++;
      } catch {
        // Already gone.
      }
    }
    return removed;
  }

  /** After every module's shutdown hooks: the letter consumers finish their letters first (SendProcessor). */
  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
