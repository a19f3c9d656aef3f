import { AuditEvent } from '../audit/audit-event.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Letter } from '../campaigns/letter.entity';
import { MailEvent } from '../campaigns/mail-event.entity';
import { Warning } from '../campaigns/warning.entity';
import { AffectedCustomer } from '../customers/affected-customer.entity';
import { DataKeyCheck } from '../data-keys/data-key-check.entity';
import { BrowsingAlert } from '../hotline/browsing-alert.entity';
import { Contact } from '../hotline/contact.entity';
import { ImportIssue } from '../imports/import-issue.entity';
import { Import } from '../imports/import.entity';
import { Incident } from '../incidents/incident.entity';
import { PrintBatch, PrintFile, PrintItem } from '../postal/print-batch.entity';
import { BreachReport } from '../register/breach-report.entity';
import { DeadlineReminder } from '../register/deadline-reminder.entity';
import { DeadlineSubmission } from '../register/deadline-submission.entity';
import { StaffMember } from '../staff/staff-member.entity';
import { LetterEngagement } from '../tracking/letter-engagement.entity';

/** Every table of the product; each is owned by the module whose folder holds it. */
export const ENTITIES = [
  Incident,
  StaffMember,
  AuditEvent,
  AffectedCustomer,
  Import,
  ImportIssue,
  Campaign,
  Letter,
  MailEvent,
  Warning,
  LetterEngagement,
  Contact,
  DeadlineSubmission,
  DeadlineReminder,
  BreachReport,
  BrowsingAlert,
  PrintBatch,
  PrintFile,
  PrintItem,
  DataKeyCheck,
];
