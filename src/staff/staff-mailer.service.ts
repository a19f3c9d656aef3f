import { Injectable, Logger } from '@nestjs/common';
import { render } from '@react-email/render';
import type { ReactElement } from 'react';
import { MailTransport } from '../mail/mail-transport';
import { StaffService } from './staff.service';

/**
 * Staff e-mails (React Email templates in emails/staff/). Sent through the same transport as the
 * letters; skipped when the staff member has no e-mail address. A failed staff e-mail is logged,
 * never allowed to fail the work it reports on.
 */
@Injectable()
export class StaffMailerService {
  private readonly logger = new Logger('staff-mail');

  constructor(
    private readonly staff: StaffService,
    private readonly transport: MailTransport,
  ) {}

  async sendToStaff(staffId: number | null, subject: string, element: ReactElement): Promise<boolean> {
    if (staffId === null) return false;
    const member = await this.staff.findById(staffId);
    if (!member?.email) return false;
    try {
      const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
      await this.transport.send({ from: { name: 'Fraud-warning mailer', address: 'no-reply@fraud-warning.invalid' }, to: member.email, subject, html, text });
      return true;
    } catch (err) {
      this.logger.warn({ msg: 'staff e-mail not sent', staffId, code: (err as { code?: string }).code });
      return false;
    }
  }
}
