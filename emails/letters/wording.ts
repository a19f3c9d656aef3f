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
  | 'tipsIntro'
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
    webAddress: string;
    webCode: string;
    webHint: string;
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
    formerCustomer: 'U bent geen klant meer bij {company}. Wij hadden uw gegevens nog wel. Daarom krijgt u deze brief ook.',
    categories: {
      name: { label: 'Uw naam', meaning: 'Iemand kan u met uw naam aanspreken. Dat bewijst niet dat hij van ons of van uw bank is.' },
      email: { label: 'Uw e-mailadres', meaning: 'U kunt valse e-mails krijgen die echt lijken.' },
      address: { label: 'Uw adres', meaning: 'Iemand kan aan uw deur komen of u post sturen.' },
      phone: { label: 'Uw telefoonnummer', meaning: 'Iemand kan u bellen, sms’en of appen en doen alsof hij van de bank, de politie of van ons is.' },
      birthDate: { label: 'Uw geboortedatum', meaning: 'Iemand kan die noemen om betrouwbaar over te komen.' },
      customerNumber: { label: 'Uw klantnummer bij ons', meaning: 'Iemand kan dat noemen. Dat bewijst niet dat hij van ons is.' },
      iban: { label: 'Uw bankrekeningnummer (IBAN)', meaning: 'Met alleen dit nummer kan niemand geld opnemen. Kijk wel goed naar uw afschriften.' },
    },
    locale: 'nl-NL',
    labels: {
      kicker: 'Belangrijk bericht over uw gegevens',
      headerCall: 'Vragen? Bel ons:',
      measuresHeading: 'Wat hebben wij gedaan?',
      tipsHeading: 'Wat kunt u doen?',
      tipsIntro: 'Deze tips passen bij uw situatie.',
      neverHeading: 'Wij vragen u nooit om:',
      neverPin: 'Uw pincode.',
      neverCard: 'Uw bankpas. Wij komen die ook nooit ophalen.',
      neverCodes: 'Codes om in te loggen of om iets goed te keuren.',
      neverTransfer: 'Geld over te maken naar een andere rekening.',
      neverScam: 'Vraagt iemand hier toch om? Dan is het een oplichter. Hang op of doe de deur niet open.',
      hotlineHeading: 'Vragen of zorgen?',
      hotlineCall: 'Bel ons speciale team:',
      hotlineMail: 'Of mail naar:',
      hotlineMention: 'Heeft iemand u al benaderd? Laat het ons weten. Doe bij twijfel ook aangifte bij de politie.',
      confirmHeading: 'Laat ons weten dat u dit hebt gelezen',
      confirmText: 'Klik op de knop. U komt dan op onze eigen pagina over dit datalek. U hoeft daar niets in te vullen en niet in te loggen.',
      confirmTextPlain: 'Open de link hieronder. U komt dan op onze eigen pagina over dit datalek. U hoeft daar niets in te vullen en niet in te loggen.',
      confirmButton: 'Ik heb deze brief gelezen',
      confirmLinkIntro: 'Werkt de knop niet? Dit is het adres van de pagina:',
      genuineHeading: 'Is deze e-mail echt van ons?',
      genuineText: 'Twijfelt u? Klik dan nergens op. Bel ons op een nummer dat u zelf opzoekt, bijvoorbeeld op uw rekening of op onze website.',
      closing: 'Met vriendelijke groet,',
      footer: 'U krijgt deze e-mail omdat uw gegevens bij dit datalek betrokken zijn. Dit is geen reclame.',
    },
    print: {
      labels: {
        confirmText: 'Ga op uw computer, tablet of telefoon naar het adres hieronder. Of scan de QR-code met de camera van uw telefoon. U komt dan op onze eigen pagina over dit datalek. U hoeft niets in te vullen en niet in te loggen.',
        genuineHeading: 'Is deze brief echt van ons?',
        genuineText: 'Twijfelt u? Bel ons dan op een nummer dat u zelf opzoekt, bijvoorbeeld op uw rekening of op onze website.',
        footer: 'U krijgt deze brief omdat uw gegevens bij dit datalek betrokken zijn. Dit is geen reclame.',
      },
      date: 'Datum',
      reference: 'Kenmerk',
      webAddress: 'Adres:',
      webCode: 'De code in groepjes van vier:',
      webHint: 'Typ het adres zonder spaties. Let op hoofdletters en kleine letters.',
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
    formerCustomer: 'You are no longer a customer of {company}. We still had your details, though. That is why you are getting this letter too.',
    categories: {
      name: { label: 'Your name', meaning: 'Someone may call you by your name. That does not prove they are from us or your bank.' },
      email: { label: 'Your e-mail address', meaning: 'You may get fake e-mails that look real.' },
      address: { label: 'Your address', meaning: 'Someone may come to your door or send you post.' },
      phone: { label: 'Your phone number', meaning: 'Someone may call you, text you or message you and pretend to be your bank, the police or us.' },
      birthDate: { label: 'Your date of birth', meaning: 'Someone may mention it to seem trustworthy.' },
      customerNumber: { label: 'Your customer number with us', meaning: 'Someone may mention it. That does not prove they are from us.' },
      iban: { label: 'Your bank account number (IBAN)', meaning: 'Nobody can take money out with this number alone. Do check your bank statements carefully.' },
    },
    locale: 'en-GB',
    labels: {
      kicker: 'Important message about your personal details',
      headerCall: 'Questions? Call us:',
      measuresHeading: 'What have we done?',
      tipsHeading: 'What can you do?',
      tipsIntro: 'These tips fit your situation.',
      neverHeading: 'We will never ask you:',
      neverPin: 'For your PIN.',
      neverCard: 'For your bank card. We will never come to collect it either.',
      neverCodes: 'For codes to log in or to approve something.',
      neverTransfer: 'To move money to another account.',
      neverScam: 'Does someone ask for these anyway? Then they are a fraudster. Hang up, or do not open the door.',
      hotlineHeading: 'Questions or worries?',
      hotlineCall: 'Call our special team:',
      hotlineMail: 'Or send an e-mail to:',
      hotlineMention: 'Has someone already contacted you? Please tell us. If in doubt, also report it to the police.',
      confirmHeading: 'Let us know you have read this',
      confirmText: 'Click the button. It opens our own page about this data breach. You do not need to fill in anything or log in.',
      confirmTextPlain: 'Open the link below. It opens our own page about this data breach. You do not need to fill in anything or log in.',
      confirmButton: 'I have read this letter',
      confirmLinkIntro: 'Does the button not work? This is the address of the page:',
      genuineHeading: 'Is this e-mail really from us?',
      genuineText: 'If you are not sure, do not click anything. Call us on a number you look up yourself, for example on your bill or on our website.',
      closing: 'Kind regards,',
      footer: 'You are getting this e-mail because your details were part of this data breach. This is not advertising.',
    },
    print: {
      labels: {
        confirmText: 'On your computer, tablet or phone, go to the address below. Or scan the QR code with your phone’s camera. It opens our own page about this data breach. You do not need to fill in anything or log in.',
        genuineHeading: 'Is this letter really from us?',
        genuineText: 'If you are not sure, call us on a number you look up yourself, for example on your bill or on our website.',
        footer: 'You are getting this letter because your details were part of this data breach. This is not advertising.',
      },
      date: 'Date',
      reference: 'Reference',
      webAddress: 'Address:',
      webCode: 'The code in groups of four:',
      webHint: 'Type the address without spaces. Mind capital and small letters.',
    },
  },
};
