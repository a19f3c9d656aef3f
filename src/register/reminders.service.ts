import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createElement } from 'react';
import { DataSource } from 'typeorm';
import { DeadlineReminder as DeadlineReminderEmail } from '../../emails/staff/deadline-reminder';
import { APP_CONFIG, AppConfig } from '../config/config';
import { IncidentsService } from '../incidents/incidents.service';
import { Deadline, Reminder, REMINDERS, reminderDue } from './deadline-rules';
import { DeadlinesService } from './deadlines.service';
import { RegisterMailer } from './register-mailer.service';

/** A claim left unfinished this long (the process died while sending) may be taken over. */
const CLAIM_SECONDS = 300;

/**
 * Deadline reminders to every admin, 24 and 4 hours before an open deadline. Any number of worker
 * processes may run this at the same time: each reminder is claimed in the database first (a
 * unique row per incident, recipient and reminder), and only the process whose claim succeeded
 * sends it. A restart finds the row and sends nothing again.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('reminders');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly incidents: IncidentsService,
    private readonly deadlines: DeadlinesService,
    private readonly mailer: RegisterMailer,
  ) {}

  /** Sends the reminders due at `now`; returns how many this process sent. */
  async run(now = new Date()): Promise<number> {
    let sent = 0;
    for (const incident of await this.incidents.all()) {
      for (const deadline of await this.deadlines.forIncident(incident, now)) {
        const reminder = reminderDue(deadline, now);
        if (!reminder || deadline.recipient === 'dataSubjects') continue;
        if (!(await this.claim(incident.id, deadline.recipient, reminder, deadline.dueAt!))) continue;
        const admins = await this.mailer.toAdmins(
          `${REMINDERS[reminder]} hours left: notify ${deadline.recipient === 'authority' ? 'the Autoriteit Persoonsgegevens' : 'the controller'} about incident ${incident.id}`,
          createElement(DeadlineReminderEmail, {
            incidentId: incident.id,
            incidentTitle: incident.title,
            recipient: deadline.recipient,
            dueAt: deadline.dueAt!.toISOString(),
            hoursLeft: REMINDERS[reminder],
            deadlinesUrl: `${this.config.publicBaseUrl}/api/incidents/${incident.id}/deadlines`,
          }),
        );
        await this.db.query('UPDATE deadline_reminders SET sentAt = UTC_TIMESTAMP(3), admins = ? WHERE incidentId = ? AND recipient = ? AND reminder = ?', [admins, incident.id, deadline.recipient, reminder]);
        this.logger.log({ msg: 'deadline reminder sent', incidentId: incident.id, recipient: deadline.recipient, reminder, admins });
        sent++;
      }
    }
    return sent;
  }

  /** True for exactly one caller: the one that inserted the row, or took over a claim that expired unsent. */
  private async claim(incidentId: number, recipient: Exclude<Deadline['recipient'], 'dataSubjects'>, reminder: Reminder, dueAt: Date): Promise<boolean> {
    const inserted: { affectedRows: number } = await this.db.query(
      'INSERT IGNORE INTO deadline_reminders (incidentId, recipient, reminder, dueAt, claimedUntil) VALUES (?, ?, ?, ?, DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? SECOND))',
      [incidentId, recipient, reminder, dueAt, CLAIM_SECONDS],
    );
    if (inserted.affectedRows === 1) return true;
    const retaken: { affectedRows: number } = await this.db.query(
      'UPDATE deadline_reminders SET claimedUntil = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? SECOND) WHERE incidentId = ? AND recipient = ? AND reminder = ? AND sentAt IS NULL AND claimedUntil < UTC_TIMESTAMP(3)',
      [CLAIM_SECONDS, incidentId, recipient, reminder],
    );
    return retaken.affectedRows === 1;
  }
}
