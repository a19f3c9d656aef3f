import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/config';
import { fromRoot } from '../common/project-root';

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

/**
 * The one file that owns SMTP. With SMTP_URL: a pooled nodemailer transport. Without it: each
 * message is written as an .eml file under OUTBOX_DIR (named by X-Letter-Id or a hash, never by
 * recipient), so the demo and development need no mail server.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter;
  private readonly outbox: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.smtpUrl) {
      const u = new URL(config.smtpUrl);
      this.transporter = nodemailer.createTransport({
        pool: true,
        host: u.hostname,
        port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 25,
        secure: u.protocol === 'smtps:',
        auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
        maxConnections: 5,
        maxMessages: Infinity,
        // A local sink or relay without TLS is normal in tests and behind a smarthost.
        ignoreTLS: u.searchParams.get('ignoreTLS') === 'true',
      });
    } else {
      this.outbox = config.outboxDir.startsWith('/') ? config.outboxDir : fromRoot(config.outboxDir);
      mkdirSync(this.outbox, { recursive: true });
      this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  get writesToOutbox(): boolean {
    return this.outbox !== undefined;
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = (await this.transporter.sendMail({
      from: { name: mail.from.name, address: mail.from.address },
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
      messageId: mail.messageId ? `<${mail.messageId}>` : undefined,
    })) as { messageId: string; response?: string | Buffer; message?: Buffer };
    const messageId = info.messageId.replace(/^<|>$/g, '');
    if (this.outbox && info.message) {
      const letterId = mail.headers?.['X-Letter-Id'];
      const name = letterId ? `letter-${letterId}` : `mail-${createHash('sha256').update(messageId).digest('hex').slice(0, 16)}`;
      writeFileSync(join(this.outbox, `${name}.eml`), info.message);
      return { messageId, response: 'written to outbox' };
    }
    return { messageId, response: typeof info.response === 'string' ? info.response : '' };
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
