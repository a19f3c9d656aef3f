import type { Texts } from '../layout/i18n';

export const REGISTER: Texts<{
  title: string;
  intro: string;
  caption: string;
  head: [string, string, string, string, string];
  recipients: Record<'authority' | 'controller' | 'dataSubjects', string>;
  status: Record<'open' | 'met' | 'late', string>;
  due: (at: string) => string;
  submitted: (at: string) => string;
  noFixedTime: string;
  notRequired: string;
  report: string;
  download: string;
  none: string;
  reportTitle: (title: string) => string;
  reportIntro: string;
  lateWarning: (n: number) => string;
}> = {
  nl: {
    title: 'Register van datalekken',
    intro: 'Elk datalek met zijn meldtermijnen. De termijnen worden berekend uit het moment waarop het lek bekend werd; te laat zonder vastgelegde reden staat in het rood.',
    caption: 'Datalekken en hun meldtermijnen',
    head: ['Datalek', 'Bekend sinds', 'Autoriteit Persoonsgegevens', 'Opdrachtgever', 'Betrokkenen'],
    recipients: { authority: 'Autoriteit Persoonsgegevens', controller: 'Opdrachtgever', dataSubjects: 'Betrokkenen' },
    status: { open: 'Open', met: 'Gedaan', late: 'Te laat' },
    due: (at) => `uiterlijk ${at}`,
    submitted: (at) => `gemeld ${at}`,
    noFixedTime: 'zonder onnodige vertraging',
    notRequired: 'niet nodig',
    report: 'Concept-melding',
    download: 'Register downloaden (CSV)',
    none: 'Er zijn nog geen datalekken.',
    reportTitle: (title) => `Concept-melding: ${title}`,
    reportIntro: 'Kopieer deze tekst naar het meldformulier van de Autoriteit Persoonsgegevens. De cijfers komen uit dit systeem, van vandaag.',
    lateWarning: (n) => (n === 1 ? 'Eén meldtermijn is verstreken zonder vastgelegde reden.' : `${n} meldtermijnen zijn verstreken zonder vastgelegde reden.`),
  },
  en: {
    title: 'Breach register',
    intro: 'Every breach with its notification deadlines. Deadlines are computed from the moment the breach became known; late without a recorded reason is shown in red.',
    caption: 'Breaches and their notification deadlines',
    head: ['Breach', 'Aware since', 'Dutch Data Protection Authority', 'Controller', 'Data subjects'],
    recipients: { authority: 'Dutch Data Protection Authority', controller: 'Controller', dataSubjects: 'Data subjects' },
    status: { open: 'Open', met: 'Done', late: 'Late' },
    due: (at) => `due ${at}`,
    submitted: (at) => `notified ${at}`,
    noFixedTime: 'without undue delay',
    notRequired: 'not required',
    report: 'Draft notification',
    download: 'Download the register (CSV)',
    none: 'There are no breaches yet.',
    reportTitle: (title) => `Draft notification: ${title}`,
    reportIntro: 'Copy this text into the notification form of the Dutch Data Protection Authority. The figures come from this system, as of today.',
    lateWarning: (n) => (n === 1 ? 'One notification deadline has passed without a recorded reason.' : `${n} notification deadlines have passed without a recorded reason.`),
  },
};
