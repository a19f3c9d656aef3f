import type { Texts } from '../layout/i18n';
import type { AuditFilterProblem } from './audit-view';

export const ADMIN: Texts<{
  staffTitle: string;
  invite: string;
  staffCaption: string;
  colName: string;
  colRole: string;
  colEmail: string;
  colLastSignIn: string;
  colStatus: string;
  never: string;
  status: { active: string; disabled: string; invited: string; tokenOnly: string };
  roleNames: Record<string, string>;
  inviteTitle: string;
  name: string;
  emailAddress: string;
  emailHint: string;
  role: string;
  sendInvite: string;
  problems: { name: string; email: string; role: string };
  invitedTitle: (name: string) => string;
  linkShownOnce: string;
  setupLink: string;
  mailed: (email: string) => string;
  notMailed: string;
  backToStaff: string;
  memberFacts: string;
  changeRole: string;
  roleChanged: string;
  resetAuthenticator: string;
  resetHint: string;
  resetTitle: (name: string) => string;
  disable: string;
  disableHint: string;
  disabled: (n: number) => string;
  notYourself: string;
  auditTitle: string;
  action: string;
  actionHint: string;
  staffMember: string;
  anyone: string;
  from: string;
  to: string;
  dayHint: string;
  filter: string;
  filterProblems: Record<AuditFilterProblem, string>;
  auditCaption: string;
  colAt: string;
  colActor: string;
  colAction: string;
  colSubject: string;
  colDetail: string;
  noEvents: string;
  newer: string;
  older: string;
  csv: string;
  lookupsTitle: string;
  lookupsIntro: (days: number) => string;
  lookupsCaption: string;
  period: string;
  show: string;
  colTotal: string;
  noLookups: string;
  alertsTitle: string;
  alertsIntro: string;
  openAlerts: string;
  resolvedAlerts: string;
  noAlerts: string;
  alertHeading: (id: number, name: string) => string;
  raised: string;
  suspends: string;
  yes: string;
  no: string;
  resolution: string;
  resolutionHint: string;
  resolve: string;
  resolvedBy: (name: string, at: string) => string;
}> = {
  nl: {
    staffTitle: 'Medewerkers',
    invite: 'Medewerker uitnodigen',
    staffCaption: 'Alle medewerkers',
    colName: 'Naam',
    colRole: 'Rol',
    colEmail: 'E-mailadres',
    colLastSignIn: 'Laatst aangemeld',
    colStatus: 'Status',
    never: 'nog nooit',
    status: { active: 'actief', disabled: 'uitgeschakeld', invited: 'uitgenodigd', tokenOnly: 'alleen API-token' },
    roleNames: { comms: 'communicatie', hotline: 'hotline', admin: 'beheer' },
    inviteTitle: 'Medewerker uitnodigen',
    name: 'Naam',
    emailAddress: 'E-mailadres',
    emailHint: 'De uitnodiging met de link om in te stellen gaat naar dit adres.',
    role: 'Rol',
    sendInvite: 'Uitnodiging versturen',
    problems: { name: 'Vul de naam in (hoogstens 100 tekens)', email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl', role: 'Kies een rol' },
    invitedTitle: (name) => `${name} is uitgenodigd`,
    linkShownOnce: 'Deze link ziet u maar één keer. Hij werkt 72 uur en één keer.',
    setupLink: 'Link om in te stellen',
    mailed: (email) => `De link is ook gemaild naar ${email}.`,
    notMailed: 'De e-mail kon niet worden verstuurd; geef de link zelf veilig door.',
    backToStaff: 'Terug naar de medewerkers',
    memberFacts: 'Gegevens',
    changeRole: 'Rol wijzigen',
    roleChanged: 'De rol is gewijzigd.',
    resetAuthenticator: 'Authenticator opnieuw instellen',
    resetHint: 'Wachtwoord en authenticator werken dan niet meer; de medewerker krijgt een nieuwe link.',
    resetTitle: (name) => `Nieuwe link voor ${name}`,
    disable: 'Uitschakelen',
    disableHint: 'De medewerker kan niet meer aanmelden, het API-token werkt niet meer en alle sessies eindigen direct.',
    disabled: (n) => `Uitgeschakeld; ${n} sessie(s) beëindigd.`,
    notYourself: 'U kunt uw eigen rol niet wijzigen en uzelf niet uitschakelen.',
    auditTitle: 'Auditlog',
    action: 'Actie',
    actionHint: 'Bijvoorbeeld hotline.lookup of staff.sign-in.',
    staffMember: 'Medewerker',
    anyone: 'Iedereen',
    from: 'Vanaf',
    to: 'Tot en met',
    dayHint: 'JJJJ-MM-DD, Nederlandse tijd.',
    filter: 'Filteren',
    filterProblems: { action: 'Een actie ziet eruit als module.werkwoord, bijvoorbeeld hotline.lookup', staff: 'Kies een medewerker uit de lijst', date: 'Vul de datum in als JJJJ-MM-DD', order: 'De einddatum ligt vóór de begindatum' },
    auditCaption: 'Gebeurtenissen, nieuwste eerst',
    colAt: 'Tijd',
    colActor: 'Wie',
    colAction: 'Actie',
    colSubject: 'Waarop',
    colDetail: 'Details',
    noEvents: 'Geen gebeurtenissen met deze filters.',
    newer: 'Nieuwer',
    older: 'Ouder',
    csv: 'Download als CSV',
    lookupsTitle: 'Opzoekingen per medewerker',
    lookupsIntro: (days) => `Hotline-opzoekingen per medewerker per dag, de laatste ${days} dagen (Nederlandse tijd).`,
    lookupsCaption: 'Opzoekingen per dag',
    period: 'Aantal dagen',
    show: 'Tonen',
    colTotal: 'Totaal',
    noLookups: 'Geen opzoekingen in deze periode.',
    alertsTitle: 'Meldingen over opzoeken',
    alertsIntro: 'Een melding betekent dat de opzoekingen van een medewerker lijken op rondneuzen. Vraag waarvoor ze waren en bekijk ze in het auditlog.',
    openAlerts: 'Open meldingen',
    resolvedAlerts: 'Afgehandeld',
    noAlerts: 'Geen open meldingen.',
    alertHeading: (id, name) => `Melding ${id}: ${name}`,
    raised: 'Gemeld op',
    suspends: 'Opzoeken gepauzeerd',
    yes: 'ja',
    no: 'nee',
    resolution: 'Wat u vond',
    resolutionHint: 'Bijvoorbeeld met wie u sprak en wat de verklaring was. Geen klantgegevens.',
    resolve: 'Afhandelen',
    resolvedBy: (name, at) => `Afgehandeld door ${name} op ${at}`,
  },
  en: {
    staffTitle: 'Staff',
    invite: 'Invite staff member',
    staffCaption: 'All staff members',
    colName: 'Name',
    colRole: 'Role',
    colEmail: 'Email address',
    colLastSignIn: 'Last sign-in',
    colStatus: 'Status',
    never: 'never',
    status: { active: 'active', disabled: 'disabled', invited: 'invited', tokenOnly: 'API token only' },
    roleNames: { comms: 'communications', hotline: 'hotline', admin: 'admin' },
    inviteTitle: 'Invite staff member',
    name: 'Name',
    emailAddress: 'Email address',
    emailHint: 'The invitation with the set-up link goes to this address.',
    role: 'Role',
    sendInvite: 'Send invitation',
    problems: { name: 'Enter the name (at most 100 characters)', email: 'Enter a valid email address, like name@example.nl', role: 'Choose a role' },
    invitedTitle: (name) => `${name} has been invited`,
    linkShownOnce: 'You see this link only once. It works for 72 hours, and once.',
    setupLink: 'Set-up link',
    mailed: (email) => `The link has also been e-mailed to ${email}.`,
    notMailed: 'The e-mail could not be sent; pass the link on safely yourself.',
    backToStaff: 'Back to staff',
    memberFacts: 'Details',
    changeRole: 'Change role',
    roleChanged: 'The role has been changed.',
    resetAuthenticator: 'Reset authenticator',
    resetHint: 'Their password and authenticator stop working; they get a new set-up link.',
    resetTitle: (name) => `New set-up link for ${name}`,
    disable: 'Disable',
    disableHint: 'They can no longer sign in, their API token stops working and all their sessions end at once.',
    disabled: (n) => `Disabled; ${n} session(s) ended.`,
    notYourself: 'You cannot change your own role or disable yourself.',
    auditTitle: 'Audit log',
    action: 'Action',
    actionHint: 'For example hotline.lookup or staff.sign-in.',
    staffMember: 'Staff member',
    anyone: 'Anyone',
    from: 'From',
    to: 'To',
    dayHint: 'YYYY-MM-DD, Dutch time.',
    filter: 'Filter',
    filterProblems: { action: 'An action looks like module.verb, for example hotline.lookup', staff: 'Choose a staff member from the list', date: 'Enter the date as YYYY-MM-DD', order: 'The end date is before the start date' },
    auditCaption: 'Events, newest first',
    colAt: 'Time',
    colActor: 'Who',
    colAction: 'Action',
    colSubject: 'On',
    colDetail: 'Details',
    noEvents: 'No events match these filters.',
    newer: 'Newer',
    older: 'Older',
    csv: 'Download as CSV',
    lookupsTitle: 'Lookups per staff member',
    lookupsIntro: (days) => `Hotline lookups per staff member per day, the last ${days} days (Dutch time).`,
    lookupsCaption: 'Lookups per day',
    period: 'Number of days',
    show: 'Show',
    colTotal: 'Total',
    noLookups: 'No lookups in this period.',
    alertsTitle: 'Lookup alerts',
    alertsIntro: 'An alert means that a staff member’s lookups look like browsing. Ask what they were for and check them in the audit log.',
    openAlerts: 'Open alerts',
    resolvedAlerts: 'Resolved',
    noAlerts: 'No open alerts.',
    alertHeading: (id, name) => `Alert ${id}: ${name}`,
    raised: 'Raised at',
    suspends: 'Lookups suspended',
    yes: 'yes',
    no: 'no',
    resolution: 'What you found',
    resolutionHint: 'For example whom you spoke with and what the explanation was. No customer details.',
    resolve: 'Resolve',
    resolvedBy: (name, at) => `Resolved by ${name} at ${at}`,
  },
};
