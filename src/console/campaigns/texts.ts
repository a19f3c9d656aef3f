import type { Texts } from '../layout/i18n';

export const CAMPAIGNS: Texts<{
  newTitle: string;
  newIntro: string;
  tiers: string;
  tiersHint: string;
  tierCounts: (total: string, email: string, post: string) => string;
  create: string;
  noTier: string;
  title: (id: number) => string;
  status: string;
  countsCaption: string;
  letters: string;
  byEmail: string;
  byPost: string;
  states: Record<string, string>;
  approvalHeading: string;
  approvalIntro: string;
  tierList: string;
  recipients: string;
  templateVersion: string;
  samples: string;
  approve: string;
  creatorCannotApprove: string;
  approvedBy: (name: string, at: string) => string;
  start: (n: string) => string;
  startPostOnly: (n: string) => string;
  startHint: (email: string, post: string) => string;
  pause: string;
  resume: string;
  pausedReason: (reason: string) => string;
  resumesAt: (time: string) => string;
  waitsForPerson: string;
  /** The campaign tripwire (issue 14): each broken invariant in words a comms member can act on. */
  tripwire: { completedWithOpenLetters: string; startedWithPendingLetters: string; stalled: (letters: string, since: string) => string };
  postalHeading: string;
  postalIntro: string;
  postalLink: string;
  needsPersonHeading: string;
  nothingNeedsPerson: string;
  failedHelp: (n: string) => string;
  unknownHelp: (n: string) => string;
  bouncedHelp: (n: string) => string;
  actionsHeading: string;
  completed: string;
}> = {
  nl: {
    newTitle: 'Nieuwe verzending',
    newIntro: 'Kies welke klanten een brief krijgen. Daarna moet een collega van communicatie de verzending goedkeuren.',
    tiers: 'Welke ernst?',
    tiersHint: 'Aantallen nu; klanten die al een waarschuwing kregen, worden niet nog eens gewaarschuwd.',
    tierCounts: (total, email, post) => `${total} klanten: ${email} per e-mail, ${post} per post`,
    create: 'Verzending aanmaken',
    noTier: 'Kies ten minste één ernst',
    title: (id) => `Verzending ${id}`,
    status: 'Status',
    countsCaption: 'Brieven',
    letters: 'Brieven',
    byEmail: 'per e-mail',
    byPost: 'per post',
    states: { total: 'Totaal', pending: 'Wacht (post of nog niet gestart)', queued: 'In de wachtrij', sending: 'Wordt verzonden', sent: 'Verzonden', retrying: 'Wordt opnieuw geprobeerd', failed: 'Mislukt', unknown: 'Onbekend', delivered: 'Afgeleverd', bounced: 'Teruggekomen', printed: 'Gedrukt (post)', posted: 'Op de post gedaan', returned: 'Retour gekomen (post)', clicked: 'Link geopend', acknowledged: 'Gelezen bevestigd' },
    approvalHeading: 'Wat u goedkeurt',
    approvalIntro: 'Controleer dit voordat u goedkeurt. Na goedkeuring kan de verzending worden gestart.',
    tierList: 'Ernst',
    recipients: 'Ontvangers',
    templateVersion: 'Versie van de brieven',
    samples: 'Voorbeeldbrieven',
    approve: 'Goedkeuren',
    creatorCannotApprove: 'U hebt deze verzending aangemaakt. Een andere collega van communicatie moet hem goedkeuren.',
    approvedBy: (name, at) => `Goedgekeurd door ${name} op ${at}.`,
    start: (n) => `Start verzending van ${n} brieven per e-mail`,
    startPostOnly: (n) => `Verzending starten (${n} brieven per post)`,
    startHint: (email, post) => `${email} brieven gaan per e-mail. De ${post} brieven per post gaan naar de drukker: maak daarvoor na de start een drukbestand onder ‘Gedrukte brieven’.`,
    pause: 'Pauzeren',
    resume: 'Hervatten',
    pausedReason: (reason) => `Reden: ${reason}`,
    waitsForPerson: 'De mailserver bleef de e-mails weigeren, en vanzelf opnieuw proberen helpt dan niet. Laat de instellingen van de mailserver nakijken en hervat de campagne daarna: de e-mails die tijdens deze storing zijn geweigerd, worden dan opnieuw verstuurd (behalve die al in een drukbestand zitten).',
    resumesAt: (time) => `De mailserver weigerde de e-mails tijdelijk. De campagne verstuurt vanzelf weer vanaf ${time}; werkt de mailserver al weer, hervat dan nu.`,
    tripwire: {
      completedWithOpenLetters: 'Deze campagne staat op afgerond, maar er zijn nog e-mails die niet verstuurd zijn. Vraag een beheerder dit na te kijken voordat u iets anders doet.',
      startedWithPendingLetters: 'Deze campagne is gestart, maar een deel van de e-mails is nooit vrijgegeven voor verzending. Vraag een beheerder dit na te kijken.',
      stalled: (letters, since) => `Er staan ${letters} e-mails klaar, maar sinds ${since} is er niets verstuurd. Controleer of de verzending draait, of vraag een beheerder dit na te kijken.`,
    },
    postalHeading: 'Postlijst',
    postalIntro: 'Alle brieven per post (klanten zonder e-mailadres, en e-mails die mislukten, terugkwamen of waarvan de uitkomst onbekend is) als één lijst met adressen. De drukbestanden hierboven zijn wat de drukker drukt.',
    postalLink: 'Postlijst downloaden (CSV)',
    needsPersonHeading: 'Brieven die aandacht nodig hebben',
    nothingNeedsPerson: 'Geen.',
    failedHelp: (n) => `${n} mislukt: de mailserver weigerde het adres. Ze gaan per post: zie ‘Gedrukte brieven’.`,
    unknownHelp: (n) => `${n} onbekend: de verbinding viel weg nadat de brief was verstuurd. Vraag de mailprovider of ze zijn aangekomen; ze gaan ook per post: zie ‘Gedrukte brieven’.`,
    bouncedHelp: (n) => `${n} teruggekomen: het adres bestaat niet (meer). Ze gaan per post: zie ‘Gedrukte brieven’.`,
    actionsHeading: 'Acties',
    completed: 'Alle brieven zijn verwerkt.',
  },
  en: {
    newTitle: 'New campaign',
    newIntro: 'Choose which customers get a letter. A colleague from communications must then approve the campaign.',
    tiers: 'Which tiers?',
    tiersHint: 'Counts as of now; customers already warned are not warned again.',
    tierCounts: (total, email, post) => `${total} customers: ${email} by email, ${post} by post`,
    create: 'Create campaign',
    noTier: 'Choose at least one tier',
    title: (id) => `Campaign ${id}`,
    status: 'Status',
    countsCaption: 'Letters',
    letters: 'Letters',
    byEmail: 'by email',
    byPost: 'by post',
    states: { total: 'Total', pending: 'Waiting (post, or not started)', queued: 'Queued', sending: 'Sending', sent: 'Sent', retrying: 'Retrying', failed: 'Failed', unknown: 'Unknown', delivered: 'Delivered', bounced: 'Bounced', printed: 'Printed (post)', posted: 'Posted', returned: 'Returned by post', clicked: 'Link opened', acknowledged: 'Reading confirmed' },
    approvalHeading: 'What you approve',
    approvalIntro: 'Check this before you approve. Once approved, the campaign can be started.',
    tierList: 'Tiers',
    recipients: 'Recipients',
    templateVersion: 'Letter template version',
    samples: 'Sample letters',
    approve: 'Approve',
    creatorCannotApprove: 'You created this campaign. Another colleague from communications must approve it.',
    approvedBy: (name, at) => `Approved by ${name} on ${at}.`,
    start: (n) => `Start sending ${n} letters by email`,
    startPostOnly: (n) => `Start the campaign (${n} letters by post)`,
    startHint: (email, post) => `${email} letters go by email. The ${post} letters by post go to print: after the start, make a print batch under ‘Printed letters’.`,
    pause: 'Pause',
    resume: 'Resume',
    pausedReason: (reason) => `Reason: ${reason}`,
    waitsForPerson: 'The mail server kept refusing the e-mails, and trying again by itself will not help. Have the mail server’s settings checked, then resume the campaign: the e-mails refused during this outage are then sent again (except those already in a print batch).',
    resumesAt: (time) => `The mail server refused the e-mails for now. The campaign sends again by itself from ${time}; if the mail server works again already, resume now.`,
    tripwire: {
      completedWithOpenLetters: 'This campaign says it is completed, but some of its e-mails were never sent. Ask an administrator to look into it before you do anything else.',
      startedWithPendingLetters: 'This campaign was started, but some of its e-mails were never released for sending. Ask an administrator to look into it.',
      stalled: (letters, since) => `${letters} e-mails are waiting to be sent, but nothing has moved since ${since}. Check that sending is running, or ask an administrator to look into it.`,
    },
    postalHeading: 'Postal list',
    postalIntro: 'Every letter by post (customers without an email address, and emails that failed, bounced or whose outcome is unknown) as one list of addresses. The print batches above are what the print house prints.',
    postalLink: 'Download the postal list (CSV)',
    needsPersonHeading: 'Letters that need a person',
    nothingNeedsPerson: 'None.',
    failedHelp: (n) => `${n} failed: the mail server refused the address. They go by post: see ‘Printed letters’.`,
    unknownHelp: (n) => `${n} unknown: the connection dropped after the letter was sent. Ask the mail provider whether they arrived; they go by post too: see ‘Printed letters’.`,
    bouncedHelp: (n) => `${n} bounced: the address does not exist (any more). They go by post: see ‘Printed letters’.`,
    actionsHeading: 'Actions',
    completed: 'Every letter has been handled.',
  },
};
