import { csvCell } from '../imports/rejects-csv';
import { AuthorityReport } from './authority-report';

/**
 * The Art. 33(5) register: per incident the facts of the breach, its effects and the measures
 * taken, and how each deadline was met. Cells go through the formula-safe csvCell, since staff
 * open this in Excel and descriptions are free text.
 */
export const REGISTER_COLUMNS = [
  'incidentId',
  'title',
  'organisation',
  'role',
  'controller',
  'discoveredAt',
  'awareAt',
  'summary',
  'nature',
  'dataCategories',
  'peopleMin',
  'peopleMax',
  'customersPhotographed',
  'customersViewed',
  'customersSearched',
  'riskLevel',
  'riskReasoning',
  'consequences',
  'measuresBefore',
  'measuresTaken',
  'authorityDueAt',
  'authorityStatus',
  'authoritySubmittedAt',
  'authorityReference',
  'delayReason',
  'controllerDueAt',
  'controllerStatus',
  'controllerSubmittedAt',
  'dataSubjectsStatus',
  'peopleInformed',
  'firstInformedAt',
  'lastInformedAt',
  'emailsSent',
  'lettersPosted',
  'fraudAttemptsReported',
] as const;

export interface RegisterRowInput {
  report: AuthorityReport;
  title: string;
  deadlines: { recipient: string; dueAt: string | null; status: string; submittedAt: string | null; delayReason: string | null }[];
}

export function registerHeader(): string {
  return REGISTER_COLUMNS.join(',');
}

export function registerRow({ report: r, title, deadlines }: RegisterRowInput): string {
  const d = (recipient: string) => deadlines.find((x) => x.recipient === recipient);
  const tier = (t: string) => r.s5.byTier.find((b) => b.tier === t)?.people ?? 0;
  const email = r.s8.channels.find((c) => c.channel === 'email');
  const post = r.s8.channels.find((c) => c.channel === 'post');
  const values: Record<(typeof REGISTER_COLUMNS)[number], string | number | null | undefined> = {
    incidentId: r.incidentId,
    title,
    organisation: r.s1.organisation,
    role: r.s1.role,
    controller: r.s1.controller ? `${r.s1.controller.name} <${r.s1.controller.email}>` : '',
    discoveredAt: r.s2.discoveredAt,
    awareAt: r.s2.awareAt,
    summary: r.s3.summary,
    nature: r.s3.nature.map((n) => n.nature).join('|'),
    dataCategories: r.s4.categories.map((c) => `${c.category}:${c.people}`).join('|'),
    peopleMin: r.s5.min,
    peopleMax: r.s5.max,
    customersPhotographed: tier('photographed'),
    customersViewed: tier('viewed'),
    customersSearched: tier('searched'),
    riskLevel: r.s7.riskLevel,
    riskReasoning: r.s7.riskReasoning,
    consequences: r.s7.consequences,
    measuresBefore: r.s6.measures,
    measuresTaken: r.s8.measuresTaken,
    authorityDueAt: d('authority')?.dueAt ?? 'not required',
    authorityStatus: d('authority')?.status ?? 'not required',
    authoritySubmittedAt: d('authority')?.submittedAt,
    authorityReference: r.s0.reference,
    delayReason: d('authority')?.delayReason,
    controllerDueAt: d('controller')?.dueAt,
    controllerStatus: d('controller')?.status,
    controllerSubmittedAt: d('controller')?.submittedAt,
    dataSubjectsStatus: d('dataSubjects')?.status,
    peopleInformed: r.s8.informedPeople,
    firstInformedAt: r.s8.firstInformedAt,
    lastInformedAt: r.s8.lastInformedAt,
    emailsSent: email?.sent ?? 0,
    lettersPosted: post?.posted ?? '',
    fraudAttemptsReported: r.s7.hotline.peopleReportingFraudAttempt,
  };
  return REGISTER_COLUMNS.map((c) => csvCell(values[c] ?? '')).join(',');
}
