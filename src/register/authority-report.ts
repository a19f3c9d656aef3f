import type { IncidentLetterFigures } from '../campaigns/campaign-letters.service';
import { CATEGORIES, Category, Tier, TIERS } from '../customers/tiers';
import type { IncidentView } from '../incidents/incidents.service';
import type { Deadline } from './deadline-rules';
import type { SubmissionView } from './deadlines.service';

/**
 * The draft for the Autoriteit Persoonsgegevens' notification form (Meldformulier datalekken),
 * sections 0–9 in the form's order: 0 about this notification, 1 contact details, 2 timeline,
 * 3 the breach, 4 personal data involved, 5 the people involved, 6 measures before the breach,
 * 7 consequences, 8 follow-up (informing the people, measures, international), 9 other.
 * Pure: every figure comes from `ReportFigures`, gathered by the service.
 */
export interface PostedFigures {
  posted: number;
  firstPostedAt: Date | null;
  lastPostedAt: Date | null;
}

export interface ReportFigures {
  incident: IncidentView;
  categories: Record<Category, number>;
  letters: IncidentLetterFigures[];
  /** Null while the postal module does not report posted letters. */
  posted: PostedFigures | null;
  deadlines: Deadline[];
  submissions: SubmissionView[];
  generatedAt: Date;
}

const CATEGORY_LABELS: Record<Category, string> = {
  name: 'Name',
  email: 'E-mail address',
  address: 'Postal address',
  phone: 'Phone number',
  birthDate: 'Date of birth',
  customerNumber: 'Customer number',
  iban: 'Bank account number (IBAN)',
};

/** The authority's form groups data types; these are the groups our categories fall in. */
const FORM_GROUPS: Record<Category, string> = {
  name: 'Name, address and town',
  address: 'Name, address and town',
  phone: 'Phone numbers',
  email: 'E-mail addresses or other addresses for electronic communication',
  birthDate: 'Sex, date of birth and/or age',
  customerNumber: 'Access or identification data',
  iban: 'Financial data',
};

const NATURE_LABELS = {
  confidentiality: 'Reading or copying (confidentiality)',
  integrity: 'Changing (integrity)',
  availability: 'Deleting, destroying or losing access (availability)',
} as const;

const TIER_LABELS: Record<Tier, string> = {
  photographed: 'people whose records were photographed (copied)',
  viewed: 'people whose records were viewed',
  searched: 'people who appeared in search results',
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export interface LetterChannelFigures {
  channel: 'email' | 'post';
  letters: number;
  customers: number;
  sent: number;
  delivered: number | null;
  bounced: number | null;
  failed: number | null;
  posted: number | null;
  firstAt: string | null;
  lastAt: string | null;
}

export function channelFigures(f: Pick<ReportFigures, 'letters' | 'posted'>): LetterChannelFigures[] {
  const email = f.letters.find((l) => l.channel === 'email');
  const post = f.letters.find((l) => l.channel === 'post');
  return [
    {
      channel: 'email',
      letters: email?.letters ?? 0,
      customers: email?.customers ?? 0,
      sent: email?.sent ?? 0,
      delivered: email?.delivered ?? 0,
      bounced: email?.bounced ?? 0,
      failed: email?.failed ?? 0,
      posted: null,
      firstAt: iso(email?.firstSentAt),
      lastAt: iso(email?.lastSentAt),
    },
    {
      channel: 'post',
      letters: post?.letters ?? 0,
      customers: post?.customers ?? 0,
      sent: f.posted?.posted ?? 0,
      delivered: null,
      bounced: null,
      failed: null,
      posted: f.posted?.posted ?? null,
      firstAt: iso(f.posted?.firstPostedAt),
      lastAt: iso(f.posted?.lastPostedAt),
    },
  ];
}

export function buildAuthorityReport(f: ReportFigures) {
  const i = f.incident;
  const authority = f.deadlines.find((d) => d.recipient === 'authority');
  const controller = f.deadlines.find((d) => d.recipient === 'controller');
  const authoritySubs = f.submissions.filter((s) => s.recipient === 'authority');
  const channels = channelFigures(f);
  const totalCustomers = i.customers.total;
  // A customer whose e-mail failed may also have been posted a letter: never count more people than there are.
  const informed = Math.min(totalCustomers, (f.letters.find((l) => l.channel === 'email')?.sentCustomers ?? 0) + (f.posted?.posted ?? 0));
  const firstInformed = channels.map((c) => c.firstAt).filter((x): x is string => x !== null).sort()[0] ?? null;
  const lastInformed = channels.map((c) => c.lastAt).filter((x): x is string => x !== null).sort().at(-1) ?? null;
  const categories = CATEGORIES.filter((c) => f.categories[c] > 0).map((c) => ({ category: c, label: CATEGORY_LABELS[c], formGroup: FORM_GROUPS[c], people: f.categories[c] }));
  return {
    incidentId: i.id,
    generatedAt: f.generatedAt.toISOString(),
    s0: {
      title: 'About this notification',
      phase: authoritySubs.length === 0 ? 'initial' : 'supplement',
      reference: authoritySubs[0]?.reference ?? null,
      previous: authoritySubs.map((s) => ({ phase: s.phase, submittedAt: s.submittedAt, reference: s.reference })),
    },
    s1: {
      title: 'Contact details and general information',
      organisation: i.company,
      role: i.role,
      controller: i.role === 'processor' ? i.controller : null,
      contactPoint: { phone: i.hotlinePhone, email: i.hotlineEmail },
      note: 'The name, function and phone number of the person making the notification are entered in the form by that person.',
    },
    s2: {
      title: 'Timeline',
      startedAt: null as string | null,
      discoveredAt: i.discoveredAt,
      awareAt: i.awareAt,
      authorityDueAt: iso(authority?.dueAt),
      controllerNotifiedAt: i.role === 'processor' ? iso(controller?.submittedAt) : null,
      notifiedLate: authority?.submittedAt && authority.dueAt ? authority.submittedAt.getTime() > authority.dueAt.getTime() : authority?.status === 'late',
      delayReason: authority?.delayReason ?? null,
    },
    s3: {
      title: 'About the breach',
      summary: i.description,
      nature: i.nature.map((n) => ({ nature: n, label: NATURE_LABELS[n] })),
    },
    s4: {
      title: 'Personal data involved',
      categories,
      specialCategories: [] as string[],
      approximateRecords: totalCustomers,
      note: 'One record per affected customer; counts from the imported customer files.',
    },
    s5: {
      title: 'The people involved',
      min: i.subjectsMin ?? totalCustomers,
      max: i.subjectsMax ?? totalCustomers,
      byTier: TIERS.map((t) => ({ tier: t, label: TIER_LABELS[t], people: i.customers[t] })),
      groups: ['Customers and former customers'],
    },
    s6: {
      title: 'Measures taken before the breach',
      measures: i.measuresBefore,
    },
    s7: {
      title: 'Consequences of the breach',
      riskLevel: i.riskLevel,
      riskReasoning: i.riskReasoning,
      consequences: i.consequences,
      hotline: { contacts: i.contacts.total, peopleReportingFraudAttempt: i.contacts.customersReportingFraudAttempt, peopleDefrauded: i.contacts.customersDefrauded },
    },
    s8: {
      title: 'Follow-up',
      dataSubjectsInformed: informed === 0 ? 'no' : informed >= totalCustomers ? 'yes' : 'partly',
      informedPeople: informed,
      firstInformedAt: firstInformed,
      lastInformedAt: lastInformed,
      channels,
      measuresTaken: i.measuresTaken,
      international: null as string | null,
    },
    s9: {
      title: 'Other',
      note: `Draft made by the fraud-warning mailer from incident ${i.id} on ${f.generatedAt.toISOString()}; check every answer before submitting it.`,
    },
  };
}

export type AuthorityReport = ReturnType<typeof buildAuthorityReport>;

const show = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '(not recorded)' : String(v));

/** The same draft as plain text, one numbered section after another, to copy into the form. */
export function authorityReportText(r: AuthorityReport): string {
  const lines: string[] = [];
  const section = (n: number, title: string, body: string[]) => lines.push(`${n}. ${title}`, ...body.map((b) => `   ${b}`), '');
  section(0, r.s0.title, [
    `Phase: ${r.s0.phase}`,
    `Reference of the first notification: ${show(r.s0.reference)}`,
    ...r.s0.previous.map((p) => `Earlier: ${p.phase} at ${p.submittedAt} (${show(p.reference)})`),
  ]);
  section(1, r.s1.title, [
    `Organisation: ${r.s1.organisation}`,
    `Role: ${r.s1.role}`,
    ...(r.s1.controller ? [`Controller: ${r.s1.controller.name} <${r.s1.controller.email}>`] : []),
    `Contact point: ${r.s1.contactPoint.phone}, ${r.s1.contactPoint.email}`,
    r.s1.note,
  ]);
  section(2, r.s2.title, [
    `Breach started: ${show(r.s2.startedAt)}`,
    `Discovered: ${r.s2.discoveredAt}`,
    `Aware since: ${r.s2.awareAt}`,
    `Notification due: ${show(r.s2.authorityDueAt)}`,
    ...(r.s1.role === 'processor' ? [`Controller notified: ${show(r.s2.controllerNotifiedAt)}`] : []),
    ...(r.s2.notifiedLate ? [`Reason for the delay: ${show(r.s2.delayReason)}`] : []),
  ]);
  section(3, r.s3.title, [`Summary: ${r.s3.summary}`, `Nature: ${r.s3.nature.length ? r.s3.nature.map((n) => n.label).join('; ') : '(not recorded)'}`]);
  section(4, r.s4.title, [
    ...r.s4.categories.map((c) => `${c.label} (${c.formGroup}): ${c.people} people`),
    `Special categories: ${r.s4.specialCategories.length ? r.s4.specialCategories.join(', ') : 'none'}`,
    `Approximate number of records: ${r.s4.approximateRecords}`,
  ]);
  section(5, r.s5.title, [`At least ${r.s5.min}, at most ${r.s5.max} people`, ...r.s5.byTier.map((t) => `${t.people} ${t.label}`), `Groups: ${r.s5.groups.join(', ')}`]);
  section(6, r.s6.title, [show(r.s6.measures)]);
  section(7, r.s7.title, [
    `Risk: ${show(r.s7.riskLevel)}`,
    `Reasoning: ${show(r.s7.riskReasoning)}`,
    `Likely consequences: ${show(r.s7.consequences)}`,
    `Hotline: ${r.s7.hotline.contacts} contacts; ${r.s7.hotline.peopleReportingFraudAttempt} people reported a fraud attempt, ${r.s7.hotline.peopleDefrauded} reported being defrauded`,
  ]);
  section(8, r.s8.title, [
    `People informed: ${r.s8.dataSubjectsInformed} (${r.s8.informedPeople} people, from ${show(r.s8.firstInformedAt)} to ${show(r.s8.lastInformedAt)})`,
    ...r.s8.channels.map((c) =>
      c.channel === 'email'
        ? `By e-mail: ${c.sent} sent of ${c.letters}, ${c.delivered} delivered, ${c.bounced} bounced, ${c.failed} failed (first ${show(c.firstAt)}, last ${show(c.lastAt)})`
        : `By post: ${c.letters} letters, ${c.posted === null ? 'posting not recorded' : `${c.posted} posted`} (first ${show(c.firstAt)}, last ${show(c.lastAt)})`,
    ),
    `Measures taken: ${r.s8.measuresTaken}`,
    `International aspects: ${show(r.s8.international)}`,
  ]);
  section(9, r.s9.title, [r.s9.note]);
  return lines.join('\n');
}
