import type { Category, Tier } from '../../src/customers/tiers';

export type TipLanguage = 'nl' | 'en';

/**
 * When a tip applies. A core tip applies to everyone. Any other tip applies only when every
 * condition it names holds: one of `categories` was exposed, the customer's tier is at least
 * `minTier`, the customer is at least `minAge` on the send date.
 */
export type TipRule =
  | { core: true }
  | { core?: false; categories?: readonly Category[]; minTier?: Tier; minAge?: number };

export interface Tip {
  /** Stable: stored on every letter (the hotline and landing page look the text up by it). */
  id: string;
  title: Record<TipLanguage, string>;
  text: Record<TipLanguage, string>;
  rule: TipRule;
  /** Higher comes first among the tips that apply (core tips always come before the rest). */
  relevance: number;
  /** Added to `relevance` for customers of that tier: where criminals hold the data, its tips are most urgent. */
  tierBoost?: Partial<Record<Tier, number>>;
}

/*
 * Every sentence here is read by people who may be 85 and worried: short sentences, plain words,
 * "u" in Dutch, no links (a letter must never look like phishing). The tests enforce the lengths.
 */
export const TIP_CATALOGUE: readonly Tip[] = [
  // Core: in every letter, in this order.
  {
    id: 'never-share-pin',
    rule: { core: true },
    relevance: 100,
    title: { nl: 'Geef nooit uw pincode of bankpas', en: 'Never give your PIN or bank card' },
    text: {
      nl: 'Ook niet aan de bank, de politie of aan ons.',
      en: 'Not to the bank, the police or us.',
    },
  },
  {
    id: 'hang-up-call-back',
    rule: { core: true },
    relevance: 95,
    title: { nl: 'Twijfel? Hang op en bel zelf terug', en: 'In doubt? Hang up and call back yourself' },
    text: {
      nl: 'Bel zelf, op een nummer dat u kent. Nooit op een nummer van de beller.',
      en: 'Call yourself, on a number you know. Never on a number the caller gives.',
    },
  },
  {
    id: 'no-unannounced-visits',
    rule: { core: true },
    relevance: 90,
    title: { nl: 'Wij komen nooit onaangekondigd langs', en: 'We never visit without warning' },
    text: {
      nl: 'Wij sturen ook nooit een koerier voor uw bankpas. Belt iemand onverwacht aan namens ons? Doe niet open.',
      en: 'Nor do we send a courier for your bank card. Someone unexpected says we sent them? Do not open the door.',
    },
  },

  // By exposed data category: what criminals can do with exactly this data.
  {
    id: 'spoofed-caller-id',
    rule: { categories: ['phone'] },
    relevance: 60,
    tierBoost: { photographed: 20, viewed: 10 },
    title: { nl: 'Vertrouw het nummer op uw scherm niet', en: 'Do not trust the number on your screen' },
    text: {
      nl: 'Oplichters kunnen elk nummer laten zien, ook dat van uw bank of van ons.',
      en: 'Criminals can show any number, even that of your bank or of us.',
    },
  },
  {
    id: 'payment-requests',
    rule: { categories: ['phone'] },
    relevance: 40,
    tierBoost: { photographed: 10 },
    title: { nl: 'Pas op met betaalverzoeken via WhatsApp of sms', en: 'Be careful with payment requests by WhatsApp or text' },
    text: {
      nl: 'Vraagt een bericht om geld, ook van ‘familie’? Bel die persoon eerst op het nummer dat u kent.',
      en: 'A message asks for money, even from ‘family’? First call that person on the number you know.',
    },
  },
  {
    id: 'doorstep-tricks',
    rule: { categories: ['address'] },
    relevance: 60,
    tierBoost: { photographed: 20, viewed: 10 },
    title: { nl: 'Pas op voor mensen aan de deur', en: 'Watch out for people at your door' },
    text: {
      nl: 'Vraag altijd om een pasje en bel zelf het bedrijf. Laat niemand binnen zolang u twijfelt.',
      en: 'Always ask for ID and call the company yourself. Let no one in while you are unsure.',
    },
  },
  {
    id: 'check-bank-statements',
    rule: { categories: ['iban'] },
    relevance: 50,
    tierBoost: { photographed: 15 },
    title: { nl: 'Kijk uw bankafschriften goed na', en: 'Check your bank statements' },
    text: {
      nl: 'Ziet u een afschrijving die u niet kent? Bel uw bank. Een incasso kunt u meestal terugdraaien.',
      en: 'See a payment you do not know? Call your bank. A direct debit can usually be reversed.',
    },
  },
  {
    id: 'phishing-real-details',
    rule: { categories: ['email'] },
    relevance: 45,
    tierBoost: { photographed: 10 },
    title: { nl: 'Een mail met uw gegevens is nog niet echt', en: 'An e-mail with your details is not always real' },
    text: {
      nl: 'Een mail met uw echte naam is daarom nog niet echt. Klik nooit op een link die om bankgegevens vraagt.',
      en: 'An e-mail with your real name is not genuine for that. Never click a link that asks for bank details.',
    },
  },
  {
    id: 'known-details-prove-nothing',
    rule: { categories: ['birthDate', 'customerNumber'] },
    relevance: 40,
    tierBoost: { photographed: 10 },
    title: { nl: 'Wie uw gegevens kent, bewijst daarmee niets', en: 'Knowing your details proves nothing' },
    text: {
      nl: 'Noemt iemand uw geboortedatum of klantnummer? Oplichters kunnen die ook hebben.',
      en: 'Someone knows your date of birth or customer number? Criminals may have them too.',
    },
  },

  // By tier: the data is (or may be) in criminals' hands.
  {
    id: 'act-fast-if-tricked',
    rule: { minTier: 'viewed' },
    relevance: 50,
    tierBoost: { photographed: 15 },
    title: { nl: 'Iets afgegeven? Bel meteen uw bank', en: 'Gave something away? Call your bank at once' },
    text: {
      nl: 'Laat uw pas blokkeren, doe aangifte bij de politie en laat het ons weten.',
      en: 'Have your card blocked, report it to the police and let us know.',
    },
  },

  // Age 80+: the fraud this product was designed from targeted people of 80 and older.
  {
    id: 'fake-police',
    rule: { minAge: 80 },
    relevance: 75,
    title: { nl: 'De politie haalt nooit uw bankpas of geld op', en: 'The police never collect your bank card or money' },
    text: {
      nl: 'Wil ‘de politie’ uw pas of geld? Dan is het een oplichter. Bel bij gevaar 112, anders 0900-8844.',
      en: '‘The police’ want your card or money? Then it is a criminal. In danger call 112, otherwise 0900-8844.',
    },
  },
  {
    id: 'involve-someone-you-trust',
    rule: { minAge: 80 },
    relevance: 72,
    title: { nl: 'Overleg eerst met iemand die u vertrouwt', en: 'First talk to someone you trust' },
    text: {
      nl: 'Gaat het om geld of uw bank? Doe nog niets en bespreek het eerst met familie of een buur.',
      en: 'Is it about money or your bank? Do nothing yet; first talk it over with family or a neighbour.',
    },
  },
  {
    id: 'door-chain',
    rule: { minAge: 80 },
    relevance: 55,
    title: { nl: 'Gebruik een deurketting', en: 'Use a door chain' },
    text: {
      nl: 'Open de deur alleen met de ketting erop. Verwacht u niemand? Dan hoeft u niet open te doen.',
      en: 'Only open the door with the chain on. Not expecting anyone? You do not have to open it.',
    },
  },
];
