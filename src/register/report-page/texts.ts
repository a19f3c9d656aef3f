/** Words of the public breach report pages, in Dutch (default) and English. */
export type ReportLanguage = 'nl' | 'en';

const nl = {
  title: 'Een datalek melden',
  intro: 'Denkt u dat persoonsgegevens bij ons in verkeerde handen zijn gekomen, of bent u iets tegengekomen dat daarop lijkt? Meld het hier. U hoeft niet zeker te weten dat het een datalek is.',
  why: 'Wij moeten een datalek binnen 72 uur melden bij de Autoriteit Persoonsgegevens. Hoe eerder we het weten, hoe beter we de mensen om wie het gaat kunnen beschermen.',
  labels: {
    whatHappened: 'Wat is er gebeurd',
    noticedAt: 'Wanneer merkte u het',
    organisation: 'Uw organisatie',
    name: 'Uw naam',
    email: 'Uw e-mailadres',
    phone: 'Uw telefoonnummer',
  },
  hints: {
    whatHappened: 'Beschrijf wat u zag of merkte. Zet er geen wachtwoorden, pincodes of volledige rekeningnummers in.',
    noticedAt: 'Bijvoorbeeld 1-12-2026 14:30, of "gisterenmiddag".',
    organisation: 'Niet verplicht. Laat leeg als u meldt als privépersoon.',
    contact: 'Vul uw e-mailadres of uw telefoonnummer in (of allebei), zodat we u kunnen bereiken met vragen.',
  },
  contactLegend: 'Hoe kunnen we u bereiken?',
  submit: 'Melding versturen',
  errorSummary: 'Er is een probleem',
  errorPrefix: 'Fout',
  errors: {
    whatHappenedMissing: 'Beschrijf wat er is gebeurd',
    noticedAtMissing: 'Vul in wanneer u het merkte',
    nameMissing: 'Vul uw naam in',
    contactMissing: 'Vul uw e-mailadres of uw telefoonnummer in',
    emailInvalid: 'Vul een e-mailadres in zoals naam@voorbeeld.nl',
    phoneInvalid: 'Vul een telefoonnummer in met alleen cijfers, spaties en streepjes, zoals 06 1234 5678',
    tooLong: (label: string, max: number) => `${label} mag hoogstens ${max.toLocaleString('nl-NL')} tekens lang zijn`,
  },
  thanksTitle: 'Bedankt voor uw melding',
  thanksReference: 'Uw kenmerk',
  thanksNext: 'We bekijken uw melding zo snel mogelijk. Als we vragen hebben, nemen we contact met u op. Noem dit kenmerk als u ons over deze melding spreekt.',
  thanksAgain: 'Nog iets melden',
  limitedTitle: 'Te veel meldingen',
  limited: (minutes: number) => `Vanaf dit adres zijn net veel meldingen verstuurd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
  tooLargeTitle: 'Uw melding is te lang',
  tooLarge: 'Wat u verstuurde is groter dan we kunnen ontvangen. Maak de beschrijving korter en probeer het opnieuw.',
  back: 'Terug naar het formulier',
  otherLanguage: 'English',
  privacy: 'We gebruiken uw gegevens alleen om deze melding te onderzoeken en u daarover te benaderen.',
};

const en: typeof nl = {
  title: 'Report a data breach',
  intro: 'Do you think personal data held by us has got into the wrong hands, or have you come across something that looks like it? Report it here. You do not need to be sure that it is a breach.',
  why: 'We must report a data breach to the Dutch Data Protection Authority within 72 hours. The sooner we know, the better we can protect the people involved.',
  labels: {
    whatHappened: 'What happened',
    noticedAt: 'When did you notice it',
    organisation: 'Your organisation',
    name: 'Your name',
    email: 'Your email address',
    phone: 'Your phone number',
  },
  hints: {
    whatHappened: 'Describe what you saw or noticed. Do not include passwords, PINs or full account numbers.',
    noticedAt: 'For example 1-12-2026 14:30, or "yesterday afternoon".',
    organisation: 'Optional. Leave it empty if you report as a private person.',
    contact: 'Give your email address or your phone number (or both), so that we can reach you with questions.',
  },
  contactLegend: 'How can we reach you?',
  submit: 'Send report',
  errorSummary: 'There is a problem',
  errorPrefix: 'Error',
  errors: {
    whatHappenedMissing: 'Describe what happened',
    noticedAtMissing: 'Enter when you noticed it',
    nameMissing: 'Enter your name',
    contactMissing: 'Enter your email address or your phone number',
    emailInvalid: 'Enter an email address like name@example.com',
    phoneInvalid: 'Enter a phone number using only digits, spaces and dashes, like +31 6 1234 5678',
    tooLong: (label: string, max: number) => `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`,
  },
  thanksTitle: 'Thank you for your report',
  thanksReference: 'Your reference',
  thanksNext: 'We will look at your report as soon as possible. If we have questions, we will contact you. Quote this reference when you talk to us about this report.',
  thanksAgain: 'Report something else',
  limitedTitle: 'Too many reports',
  limited: (minutes: number) => `Many reports were just sent from this address. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  tooLargeTitle: 'Your report is too long',
  tooLarge: 'What you sent is larger than we can receive. Please shorten the description and try again.',
  back: 'Back to the form',
  otherLanguage: 'Nederlands',
  privacy: 'We only use your details to look into this report and to contact you about it.',
};

export const TEXTS: Record<ReportLanguage, typeof nl> = { nl, en };

/** `?lang=` first, then the browser's Accept-Language (first of nl/en by preference), else Dutch. */
export function reportLanguage(query: unknown, acceptLanguage: string | undefined): ReportLanguage {
  if (query === 'en' || query === 'nl') return query;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.lang === 'nl' || x.lang === 'en')
    .sort((a, b) => b.q - a.q)[0];
  return (preferred?.lang as ReportLanguage | undefined) ?? 'nl';
}
