import { Injectable, Logger } from '@nestjs/common';
import { toPlainText } from '@react-email/render';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MailTransport, SentMail } from '../mail/mail-transport';
import { StaffService } from '../staff/staff.service';

const FROM = { name: 'Fraud-warning mailer', address: 'no-reply@fraud-warning.invalid' };

/** The register's e-mails (React Email, emails/staff/): to the controller, and to every admin. */
@Injectable()
export class RegisterMailer {
  private readonly logger = new Logger('register-mail');

  constructor(
    private readonly transport: MailTransport,
    private readonly staff: StaffService,
  ) {}

  /**
   * React's own static render rather than @react-email/render's render(): that one loads
   * react-dom/server with a dynamic import, which fails inside Jest's VM, so the e-mails could not
   * be checked end to end. The markup is the same; toPlainText is React Email's text conversion.
   */
  render(element: ReactElement): { html: string; text: string } {
    const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">${renderToStaticMarkup(element)}`;
    return { html, text: toPlainText(html) };
  }

  /** One message to one address; a failure is thrown (the caller decides what it means). */
  async send(to: string, subject: string, element: ReactElement, from = FROM): Promise<SentMail> {
    return this.transport.send({ from, to, subject, ...this.render(element) });
  }

  /** One message to each active admin with an e-mail address; returns how many were sent. Failures are logged by staff id only. */
  async toAdmins(subject: string, element: ReactElement): Promise<number> {
    const admins = await this.staff.activeWithEmail('admin');
    const body = this.render(element);
    let sent = 0;
    for (const admin of admins) {
      try {
        await this.transport.send({ from: FROM, to: admin.email!, subject, ...body });
        sent++;
      } catch (err) {
        this.logger.warn({ msg: 'admin e-mail not sent', staffId: admin.id, code: (err as { code?: string }).code });
      }
    }
    return sent;
  }
}
