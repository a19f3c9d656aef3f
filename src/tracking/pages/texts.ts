import type { Tier } from '../../customers/tiers';

export type PageLanguage = 'nl' | 'en';

/** The words of the customer pages. Plain sentences for older readers; no personal data anywhere. */
export interface PageTexts {
  htmlTitle: (company: string) => string;
  heading: string;
  intro: string;
  whatHappened: string;
  tierHappened: Record<Tier, string>;
  discovered: (date: string) => string;
  measures: string;
  whatItMeans: string;
  tierMeans: Record<Tier, (company: string) => string>;
  promiseHeading: string;
  promise: string;
  whatToDo: string;
  generalTips: string[];
  contact: string;
  contactIntro: (company: string) => string;
  phoneLabel: string;
  emailLabel: string;
  onlyThisNumber: string;
  confirm: string;
  confirmText: string;
  button: string;
  thanksTitle: string;
  thanksHeading: string;
  thanksText: string;
  notFoundTitle: string;
  notFoundHeading: string;
  notFoundText: string;
  notFoundNoHotline: string;
  unavailableHeading: string;
  unavailableText: string;
  safePage: string;
}

export const TEXTS: Record<PageLanguage, PageTexts> = {
  nl: {
    htmlTitle: (company) => `Datalek bij ${company}: wat u moet weten`,
    heading: 'Uw gegevens en het datalek: wat u moet weten',
    intro: 'U komt hier via de link in onze brief. Op deze pagina staat wat er is gebeurd en wat u kunt doen. Uw naam en andere gegevens staan er niet op.',
    whatHappened: 'Wat is er gebeurd?',
    tierHappened: {
      photographed: 'Uw gegevens zaten bij de gegevens die zijn gekopieerd (gefotografeerd) en doorgegeven aan criminelen.',
      viewed: 'Iemand die daar geen reden voor had, heeft uw gegevens bekeken. We hebben geen bewijs dat ze zijn gekopieerd, maar we kunnen het niet uitsluiten.',
      searched: 'Uw gegevens kwamen voor in zoekopdrachten van iemand die daar geen reden voor had. We weten niet of uw gegevens zijn bekeken. We laten het u voor de zekerheid weten.',
    },
    discovered: (date) => `We hebben dit ontdekt op ${date}.`,
    measures: 'Wat wij hebben gedaan',
    whatItMeans: 'Wat betekent dit voor u?',
    tierMeans: {
      photographed: (company) =>
        `Criminelen kunnen uw gegevens hebben. Ze kunnen u bellen, een bericht sturen of aan de deur komen. Ze doen zich dan voor als medewerker van ${company}, van uw bank of van de politie. Omdat ze dingen over u weten, klinken ze betrouwbaar. Ze willen uw bankpas, uw pincode of uw geld.`,
      viewed: (company) =>
        `Iemand die uw gegevens misbruikt, kan u bellen, een bericht sturen of aan de deur komen en zich voordoen als medewerker van ${company}, van uw bank of van de politie. Wees voorzichtig als iemand vraagt om uw bankpas, pincode of geld.`,
      searched: () => 'De kans op misbruik is klein. Let wel goed op bij telefoontjes, berichten of bezoek waarbij iemand vraagt om uw bankpas, pincode of geld.',
    },
    promiseHeading: 'Dit vragen wij nooit',
    promise: 'Wij vragen u nooit om uw pincode, uw bankpas, inlogcodes of geld. Niet aan de telefoon, niet per e-mail of sms en niet aan de deur. Uw bank en de politie doen dat ook nooit. Vraagt iemand erom? Dan is het een oplichter.',
    whatToDo: 'Wat kunt u doen?',
    generalTips: [
      'Vertrouwt u een telefoontje niet? Hang dan meteen op.',
      'Bel zelf de bank of het bedrijf waar de beller zegt vandaan te komen. Gebruik een nummer dat u zelf opzoekt, niet een nummer dat de beller geeft.',
      'Verwacht u geen bezoek? Doe dan de deur niet open.',
      'Let op betaalverzoeken via WhatsApp of sms, ook als ze van iemand lijken te komen die u kent.',
      'Twijfelt u? Bel de politie op 0900 8844. Bij direct gevaar belt u 112.',
    ],
    contact: 'Vragen? Bel of mail ons',
    contactIntro: (company) => `Een speciaal team van ${company} helpt u graag.`,
    phoneLabel: 'Telefoon',
    emailLabel: 'E-mail',
    onlyThisNumber: 'Gebruik alleen dit nummer, of het nummer op onze website of uw rekening. Nooit een nummer dat een beller of een bericht u geeft.',
    confirm: 'Hebt u dit gelezen?',
    confirmText: 'Laat het ons weten met de knop hieronder. Dan weten we dat onze waarschuwing u heeft bereikt.',
    button: 'Ik heb dit gelezen',
    thanksTitle: 'Bedankt',
    thanksHeading: 'Bedankt, we hebben het genoteerd',
    thanksText: 'We weten nu dat u onze waarschuwing hebt gelezen. U hoeft verder niets te doen.',
    notFoundTitle: 'Deze link werkt niet',
    notFoundHeading: 'Deze link werkt niet',
    notFoundText: 'De link is misschien niet helemaal overgenomen. Open hem opnieuw vanuit de brief, of typ hem precies over zoals hij in de brief staat.',
    notFoundNoHotline: 'Bel het bedrijf dat u de brief stuurde op het nummer van hun website of van uw rekening. Nooit op een nummer dat een beller of een bericht u geeft.',
    unavailableHeading: 'Deze pagina is even niet beschikbaar',
    unavailableText: 'Er gaat bij ons iets mis. Probeer het over een paar minuten opnieuw met dezelfde link.',
    safePage: 'Deze pagina is van ons eigen domein en laadt niets van anderen.',
  },
  en: {
    htmlTitle: (company) => `Data breach at ${company}: what you need to know`,
    heading: 'Your details and the data breach: what you need to know',
    intro: 'You came here through the link in our letter. This page tells you what happened and what you can do. It does not show your name or any of your details.',
    whatHappened: 'What happened?',
    tierHappened: {
      photographed: 'Your details were among those that were copied (photographed) and passed on to criminals.',
      viewed: 'Someone who had no reason to do so looked at your details. We have no proof that they were copied, but we cannot rule it out.',
      searched: 'Your details came up in searches by someone who had no reason to make them. We do not know whether your details were looked at. We are telling you to be safe.',
    },
    discovered: (date) => `We discovered this on ${date}.`,
    measures: 'What we have done',
    whatItMeans: 'What does this mean for you?',
    tierMeans: {
      photographed: (company) =>
        `Criminals may have your details. They may phone you, send you a message or come to your door, pretending to be from ${company}, your bank or the police. Because they know things about you, they can sound convincing. They want your bank card, your PIN or your money.`,
      viewed: (company) =>
        `Someone who misuses your details could phone you, send you a message or come to your door, pretending to be from ${company}, your bank or the police. Be careful if anyone asks for your bank card, PIN or money.`,
      searched: () => 'The risk of misuse is small. Still, be careful with calls, messages or visitors asking for your bank card, PIN or money.',
    },
    promiseHeading: 'What we will never ask',
    promise: 'We will never ask for your PIN, your bank card, login codes or money. Not by phone, not by e-mail or text message, and not at your door. Your bank and the police never do either. Anyone who asks is a fraudster.',
    whatToDo: 'What can you do?',
    generalTips: [
      'If you do not trust a phone call, hang up straight away.',
      'Call the bank or company the caller says they are from yourself. Use a number you look up, not one the caller gives you.',
      'If you are not expecting a visitor, do not open the door.',
      'Be careful with payment requests by WhatsApp or text message, even if they seem to come from someone you know.',
      'In doubt? Call the police on 0900 8844. In an emergency, call 112.',
    ],
    contact: 'Questions? Call or e-mail us',
    contactIntro: (company) => `A special team at ${company} is there to help you.`,
    phoneLabel: 'Phone',
    emailLabel: 'E-mail',
    onlyThisNumber: 'Only use this number, or the one on our website or your bill. Never a number that a caller or a message gives you.',
    confirm: 'Have you read this?',
    confirmText: 'Let us know with the button below. Then we know our warning has reached you.',
    button: 'I have read this',
    thanksTitle: 'Thank you',
    thanksHeading: 'Thank you, we have noted it',
    thanksText: 'We now know that you have read our warning. You do not need to do anything else.',
    notFoundTitle: 'This link does not work',
    notFoundHeading: 'This link does not work',
    notFoundText: 'The link may not have been copied completely. Open it again from the letter, or type it exactly as it is written in the letter.',
    notFoundNoHotline: 'Call the company that sent you the letter on the number from their website or your bill. Never on a number that a caller or a message gives you.',
    unavailableHeading: 'This page is not available right now',
    unavailableText: 'Something is wrong on our side. Please try the same link again in a few minutes.',
    safePage: 'This page is on our own domain and loads nothing from anyone else.',
  },
};
