import type { Category, Tier } from '../../src/customers/tiers';

/**
 * The letter's words that are not tier prose: subjects, greetings, the plain-language name of each
 * data category with what it can mean, and the labels of the shared sections. `labels` are baked
 * into the templates when they are compiled (`[[key]]`); everything else goes through the view
 * model. `{company}` and `{name}` are filled in by the view model, never by string templates.
 */
export type LetterLanguage = 'nl' | 'en';
export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['nl', 'en'];

export type LabelKey =
  | 'kicker'
  | 'headerCall'
  | 'measuresHeading'
  | 'tipsHeading'
  | 'neverHeading'
  | 'neverPin'
  | 'neverCard'
  | 'neverCodes'
  | 'neverTransfer'
  | 'neverScam'
  | 'hotlineHeading'
  | 'hotlineCall'
  | 'hotlineMail'
  | 'hotlineMention'
  | 'confirmHeading'
  | 'confirmText'
  | 'confirmTextPlain'
  | 'confirmButton'
  | 'confirmLinkIntro'
  | 'genuineHeading'
  | 'genuineText'
  | 'closing'
  | 'footer';

export interface LetterWording {
  /** Plain about it being a data breach; `{company}` is filled in. */
  subjects: Record<Tier, string>;
  /** The line mail apps show next to the subject. */
  previews: Record<Tier, string>;
  greeting: string;
  greetingWithoutName: string;
  formerCustomer: string;
  categories: Record<Category, { label: string; meaning: string }>;
  /** BCP 47 locale for dates. */
  locale: string;
  labels: Record<LabelKey, string>;
  /**
   * The printed letter: the same labels, except where paper differs from e-mail (no button to click,
   * "this letter" instead of "this e-mail"), plus what only paper has.
   */
  print: {
    labels: Partial<Record<LabelKey, string>>;
    date: string;
    reference: string;
    webCode: string;
  };
}

export const WORDING: Record<LetterLanguage, LetterWording> = {
  nl: {
    subjects: {
      photographed: 'Datalek bij {company}: uw gegevens zijn gefotografeerd en doorgegeven',
      viewed: 'Datalek bij {company}: iemand heeft uw gegevens zonder reden bekeken',
      searched: 'Datalek bij {company}: uw gegevens waren mogelijk zichtbaar',
    },
    previews: {
      photographed: 'Wat er is gebeurd, wat het voor u betekent en wat u kunt doen.',
      viewed: 'Wat er is gebeurd, wat het voor u betekent en wat u kunt doen.',
      searched: 'Wat er is gebeurd, wat het voor u betekent en wat u kunt doen.',
    },
    greeting: 'Beste {name},',
    greetingWithoutName: 'Beste klant,',
    // "Bij ons", not the company's name: the letter names it already (sender, "we found a data breach at …"), and a long name made this two lines at 16 pt.
    formerCustomer: 'U bent geen klant meer bij ons, maar wij hadden uw gegevens nog.',
    categories: {
      name: { label: 'Uw naam', meaning: 'Wie die kent, bewijst niets.' },
      email: { label: 'Uw e-mailadres', meaning: 'Pas op voor nepmails.' },
      address: { label: 'Uw adres', meaning: 'Iemand kan aanbellen.' },
      phone: { label: 'Uw telefoonnummer', meaning: 'Pas op voor nepbellers.' },
      birthDate: { label: 'Uw geboortedatum', meaning: 'Wie die kent, bewijst niets.' },
      customerNumber: { label: 'Uw klantnummer', meaning: 'Wie dat kent, bewijst niets.' },
      iban: { label: 'Uw bankrekeningnummer (IBAN)', meaning: 'Alleen daarmee kan niemand geld halen.' },
    },
    locale: 'nl-NL',
    labels: {
      kicker: 'Belangrijk bericht over uw gegevens',
      headerCall: 'Vragen? Bel ons:',
      measuresHeading: 'Wat hebben wij gedaan?',
      tipsHeading: 'Wat kunt u doen?',
      neverHeading: 'Wij vragen u nooit om:',
      neverPin: 'Uw pincode.',
      neverCard: 'Uw bankpas.',
      neverCodes: 'Inlogcodes of andere codes.',
      neverTransfer: 'Geld over te maken.',
      neverScam: 'Vraagt iemand dit toch? Dan is het een oplichter.',
      hotlineHeading: 'Vragen of zorgen?',
      hotlineCall: 'Bel ons:',
      hotlineMail: 'Of mail naar:',
      hotlineMention: 'Heeft iemand u al gebeld of bezocht? Vertel het ons.',
      confirmHeading: 'Laat weten dat u dit hebt gelezen',
      confirmText: 'Klik op de knop naar onze eigen pagina. U hoeft niets in te vullen.',
      confirmTextPlain: 'Open de link hieronder naar onze eigen pagina. U hoeft niets in te vullen.',
      confirmButton: 'Ik heb deze brief gelezen',
      confirmLinkIntro: 'Werkt de knop niet? Gebruik dan dit adres:',
      genuineHeading: 'Is deze e-mail echt van ons?',
      genuineText: 'Twijfelt u? Klik nergens op en bel ons op een nummer dat u zelf opzoekt.',
      closing: 'Met vriendelijke groet,',
      footer: 'U krijgt deze e-mail omdat uw gegevens bij dit datalek betrokken zijn. Dit is geen reclame.',
    },
    print: {
      labels: {
        confirmText: 'Scan de QR-code op pagina 1 of typ dit adres zonder spaties. U hoeft niets in te vullen.',
        genuineHeading: 'Is deze brief echt van ons?',
        genuineText: 'Bel bij twijfel een nummer van ons dat u zelf opzoekt.',
        // The e-mail's footer is there for mail filters and inbox glances; paper needs none.
        footer: '',
      },
      date: 'Datum',
      reference: 'Kenmerk',
      webCode: 'De code in groepjes:',
    },
  },
  en: {
    subjects: {
      photographed: 'Data breach at {company}: your details were photographed and passed on',
      viewed: 'Data breach at {company}: someone looked at your details without a reason',
      searched: 'Data breach at {company}: your details may have been visible',
    },
    previews: {
      photographed: 'What happened, what it means for you and what you can do.',
      viewed: 'What happened, what it means for you and what you can do.',
      searched: 'What happened, what it means for you and what you can do.',
    },
    greeting: 'Dear {name},',
    greetingWithoutName: 'Dear customer,',
    formerCustomer: 'You are no longer our customer, but we still had your details.',
    categories: {
      name: { label: 'Your name', meaning: 'Knowing it proves nothing.' },
      email: { label: 'Your e-mail address', meaning: 'Watch out for fake e-mails.' },
      address: { label: 'Your address', meaning: 'Someone may come to your door.' },
      phone: { label: 'Your phone number', meaning: 'Watch out for fake calls.' },
      birthDate: { label: 'Your date of birth', meaning: 'Knowing it proves nothing.' },
      customerNumber: { label: 'Your customer number', meaning: 'Knowing it proves nothing.' },
      iban: { label: 'Your bank account number (IBAN)', meaning: 'Nobody can take money with it alone.' },
    },
    locale: 'en-GB',
    labels: {
      kicker: 'Important message about your personal details',
      headerCall: 'Questions? Call us:',
      measuresHeading: 'What have we done?',
      tipsHeading: 'What can you do?',
      neverHeading: 'We will never ask you for:',
      neverPin: 'Your PIN.',
      neverCard: 'Your bank card.',
      neverCodes: 'Log-in or other codes.',
      neverTransfer: 'A money transfer.',
      neverScam: 'Does someone ask anyway? Then they are a fraudster.',
      hotlineHeading: 'Questions or worries?',
      hotlineCall: 'Call us:',
      hotlineMail: 'Or e-mail:',
      hotlineMention: 'Has someone called or visited you? Please tell us.',
      confirmHeading: 'Let us know you have read this',
      confirmText: 'Click the button to go to our own page. You do not need to fill in anything.',
      confirmTextPlain: 'Open the link below to go to our own page. You do not need to fill in anything.',
      confirmButton: 'I have read this letter',
      confirmLinkIntro: 'Does the button not work? Use this address:',
      genuineHeading: 'Is this e-mail really from us?',
      genuineText: 'Not sure? Click nothing, and call us on a number you look up yourself.',
      closing: 'Kind regards,',
      footer: 'You are getting this e-mail because your details were part of this data breach. This is not advertising.',
    },
    print: {
      labels: {
        confirmText: 'Scan the QR code on page 1 or type this address without spaces. You do not need to fill in anything.',
        genuineHeading: 'Is this letter really from us?',
        genuineText: 'If in doubt, call us on a number you look up yourself.',
        footer: '',
      },
      date: 'Date',
      reference: 'Reference',
      webCode: 'The code in groups:',
    },
  },
};
