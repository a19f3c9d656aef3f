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
      nl: 'Ook niet aan de bank of ons.',
      en: 'Not even to the bank or us.',
    },
  },
  {
    id: 'hang-up-call-back',
    rule: { core: true },
    relevance: 95,
    title: { nl: 'Twijfel? Hang op en bel zelf terug', en: 'In doubt? Hang up and call back yourself' },
    text: {
      nl: 'Bel een nummer dat u kent.',
      en: 'Use a number you know.',
    },
  },
  {
    id: 'no-unannounced-visits',
    rule: { core: true },
    relevance: 90,
    title: { nl: 'Wij komen nooit zomaar langs', en: 'We never visit without warning' },
    text: {
      nl: 'En sturen nooit een koerier.',
      en: 'Nor do we send a courier.',
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
      nl: 'Oplichters kunnen elk nummer tonen.',
      en: 'Criminals can make any number show.',
    },
  },
  {
    id: 'payment-requests',
    rule: { categories: ['phone'] },
    relevance: 40,
    tierBoost: { photographed: 10 },
    title: { nl: 'Vraagt een app of sms om geld? Pas op', en: 'A WhatsApp or text asks for money? Be careful' },
    text: {
      nl: 'Bel die persoon eerst zelf.',
      en: 'First call that person yourself.',
    },
  },
  {
    id: 'doorstep-tricks',
    rule: { categories: ['address'] },
    relevance: 60,
    tierBoost: { photographed: 20, viewed: 10 },
    title: { nl: 'Pas op voor mensen aan de deur', en: 'Watch out for people at your door' },
    text: {
      nl: 'Twijfelt u? Laat niemand binnen.',
      en: 'Unsure? Let no one in.',
    },
  },
  {
    id: 'check-bank-statements',
    rule: { categories: ['iban'] },
    relevance: 50,
    tierBoost: { photographed: 15 },
    title: { nl: 'Kijk uw afschriften na', en: 'Check your bank statements' },
    text: {
      nl: 'Onbekende betaling? Een incasso kunt u terugdraaien.',
      en: 'A payment you do not know? It can be reversed.',
    },
  },
  {
    id: 'phishing-real-details',
    rule: { categories: ['email'] },
    relevance: 45,
    tierBoost: { photographed: 10 },
    title: { nl: 'Een mail met uw naam kan nep zijn', en: 'An e-mail with your name can be fake' },
    text: {
      nl: 'Klik nooit op een link die om bankgegevens vraagt.',
      en: 'Never click a link that asks for bank details.',
    },
  },
  {
    id: 'known-details-prove-nothing',
    rule: { categories: ['birthDate', 'customerNumber'] },
    relevance: 40,
    tierBoost: { photographed: 10 },
    title: { nl: 'Wie uw gegevens kent, bewijst niets', en: 'Knowing your details proves nothing' },
    text: {
      nl: 'Ook oplichters kunnen ze kennen.',
      en: 'Criminals may know them too.',
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
      nl: 'Laat uw pas blokkeren en doe aangifte.',
      en: 'Have your card blocked and tell the police.',
    },
  },

  // Age 80+: the fraud this product was designed from targeted people of 80 and older.
  {
    id: 'fake-police',
    rule: { minAge: 80 },
    relevance: 75,
    title: { nl: 'De politie haalt nooit uw bankpas of geld op', en: 'The police never collect your bank card or money' },
    text: {
      nl: 'Twijfel? Bel 0900-8844, bij gevaar 112.',
      en: 'In doubt? Call 0900-8844, in danger 112.',
    },
  },
  {
    id: 'involve-someone-you-trust',
    rule: { minAge: 80 },
    relevance: 72,
    title: { nl: 'Overleg eerst met iemand', en: 'First talk to someone you trust' },
    text: {
      nl: 'Bijvoorbeeld met familie of een buur.',
      en: 'Such as family or a neighbour.',
    },
  },
  {
    id: 'door-chain',
    rule: { minAge: 80 },
    relevance: 55,
    title: { nl: 'Gebruik een deurketting', en: 'Use a door chain' },
    text: {
      nl: 'Verwacht u niemand? Doe niet open.',
      en: 'Not expecting anyone? Do not open.',
    },
  },
];
