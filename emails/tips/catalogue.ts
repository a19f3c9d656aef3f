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
      nl: 'Geef uw pincode, codes of bankpas nooit aan iemand anders. Ook niet aan de bank, de politie of aan ons. Niemand hoort daar ooit om te vragen.',
      en: 'Never give your PIN, codes or bank card to anyone. Not to the bank, not to the police and not to us. No one should ever ask you for them.',
    },
  },
  {
    id: 'hang-up-call-back',
    rule: { core: true },
    relevance: 95,
    title: { nl: 'Twijfel? Hang op en bel zelf terug', en: 'In doubt? Hang up and call back yourself' },
    text: {
      nl: 'Vertrouwt u een telefoontje niet? Hang dan op. Bel daarna zelf de bank of het bedrijf. Gebruik een nummer dat u zelf kent, bijvoorbeeld van uw bankpas of uit onze brief. Bel nooit het nummer dat de beller u geeft.',
      en: 'Do you not trust a phone call? Then hang up. Call the bank or the company yourself. Use a number you know, for example from your bank card or our letter. Never call a number the caller gives you.',
    },
  },
  {
    id: 'no-unannounced-visits',
    rule: { core: true },
    relevance: 90,
    title: { nl: 'Wij komen nooit onaangekondigd langs', en: 'We never visit without warning' },
    text: {
      nl: 'Wij komen nooit zomaar bij u aan de deur. Wij sturen ook nooit een koerier om uw bankpas op te halen. Belt er onverwacht iemand aan namens ons? Doe dan niet open.',
      en: 'We never come to your door unannounced. We never send a courier to collect your bank card. Does someone you did not expect say we sent them? Then do not open the door.',
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
      nl: 'Oplichters kunnen elk nummer op uw scherm laten zien. Ook het nummer van uw bank, de politie of van ons. Het nummer zegt dus niets over wie er echt belt.',
      en: 'Criminals can make any number appear on your screen. Even the number of your bank, the police or us. So the number tells you nothing about who is really calling.',
    },
  },
  {
    id: 'payment-requests',
    rule: { categories: ['phone'] },
    relevance: 40,
    tierBoost: { photographed: 10 },
    title: { nl: 'Pas op met betaalverzoeken via WhatsApp of sms', en: 'Be careful with payment requests by WhatsApp or text' },
    text: {
      nl: 'Krijgt u een bericht met de vraag om geld over te maken? Ook als het van een familielid lijkt te komen? Bel die persoon eerst zelf op het nummer dat u al kent. Betaal pas als u het zeker weet.',
      en: 'Do you get a message asking you to send money? Even if it seems to come from a family member? First call that person yourself on the number you already know. Only pay when you are sure.',
    },
  },
  {
    id: 'doorstep-tricks',
    rule: { categories: ['address'] },
    relevance: 60,
    tierBoost: { photographed: 20, viewed: 10 },
    title: { nl: 'Pas op voor mensen aan de deur', en: 'Watch out for people at your door' },
    text: {
      nl: 'Oplichters kunnen bij u aanbellen. Ze zeggen bijvoorbeeld dat ze uw bankpas komen ophalen of uw meter komen controleren. Vraag altijd om een pasje. Bel zelf het bedrijf op een nummer dat u kent. Laat niemand binnen zolang u twijfelt.',
      en: 'Criminals may ring your doorbell. They may say they have come to collect your bank card or to check your meter. Always ask to see their ID. Call the company yourself on a number you know. Do not let anyone in while you are unsure.',
    },
  },
  {
    id: 'check-bank-statements',
    rule: { categories: ['iban'] },
    relevance: 50,
    tierBoost: { photographed: 15 },
    title: { nl: 'Kijk uw bankafschriften goed na', en: 'Check your bank statements' },
    text: {
      nl: 'Kijk de komende tijd goed naar uw afschrijvingen. Ziet u een afschrijving die u niet kent? Neem dan contact op met uw bank. Een incasso waarvoor u toestemming gaf, kunt u binnen 8 weken terugdraaien. Een incasso zonder uw toestemming kunt u tot 13 maanden terugdraaien.',
      en: 'Look closely at the payments from your account in the coming months. Do you see a payment you do not know? Then contact your bank. A direct debit you agreed to can be reversed within 8 weeks. One you never agreed to can be reversed for up to 13 months.',
    },
  },
  {
    id: 'phishing-real-details',
    rule: { categories: ['email'] },
    relevance: 45,
    tierBoost: { photographed: 10 },
    title: { nl: 'Een mail met uw gegevens is nog niet echt', en: 'An e-mail with your details is not always real' },
    text: {
      nl: 'Oplichters kunnen u mails sturen met uw echte naam, adres of klantnummer. Dat maakt zo’n mail nog niet echt. Klik nooit op een link die vraagt om uw bankgegevens.',
      en: 'Criminals can send you e-mails with your real name, address or customer number. That does not make such an e-mail genuine. Never click a link that asks for your bank details.',
    },
  },
  {
    id: 'known-details-prove-nothing',
    rule: { categories: ['birthDate', 'customerNumber'] },
    relevance: 40,
    tierBoost: { photographed: 10 },
    title: { nl: 'Wie uw gegevens kent, bewijst daarmee niets', en: 'Knowing your details proves nothing' },
    text: {
      nl: 'Noemt iemand uw geboortedatum of klantnummer? Dat bewijst niet wie die persoon is. Oplichters kunnen deze gegevens ook hebben.',
      en: 'Does someone know your date of birth or customer number? That does not prove who they are. Criminals may have these details too.',
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
      nl: 'Heeft u toch uw pincode, een code of uw bankpas gegeven? Bel dan meteen uw bank en laat uw pas blokkeren. Doe daarna aangifte bij de politie. Laat het ons ook weten.',
      en: 'Did you give away your PIN, a code or your bank card after all? Call your bank at once and have your card blocked. Then report it to the police. Please let us know too.',
    },
  },

  // Age 80+: the fraud this product was designed from targeted people of 80 and older.
  {
    id: 'fake-police',
    rule: { minAge: 80 },
    relevance: 75,
    title: { nl: 'De politie haalt nooit uw bankpas of geld op', en: 'The police never collect your bank card or money' },
    text: {
      nl: 'Zegt iemand dat hij van de politie is en wil hij uw bankpas of geld? Dan is het een oplichter. Hang op of doe de deur dicht. Bel bij direct gevaar 112. Anders belt u de politie op 0900-8844.',
      en: 'Does someone say they are from the police and want your bank card or money? Then they are a criminal. Hang up or close the door. In an emergency, call 112. Otherwise call the police on 0900-8844.',
    },
  },
  {
    id: 'involve-someone-you-trust',
    rule: { minAge: 80 },
    relevance: 72,
    title: { nl: 'Overleg eerst met iemand die u vertrouwt', en: 'First talk to someone you trust' },
    text: {
      nl: 'Vraagt iemand u iets over geld of over uw bank? Doe dan nog niets. Bespreek het eerst met iemand die u vertrouwt, zoals een familielid of een buur.',
      en: 'Does someone ask you something about money or your bank? Then do nothing yet. First talk it over with someone you trust, such as a family member or a neighbour.',
    },
  },
  {
    id: 'door-chain',
    rule: { minAge: 80 },
    relevance: 55,
    title: { nl: 'Gebruik een deurketting', en: 'Use a door chain' },
    text: {
      nl: 'Doe de deur alleen open met de ketting erop. Zo kunt u eerst vragen wie er is en een pasje bekijken. Verwacht u niemand? Dan hoeft u niet open te doen.',
      en: 'Only open the door with the chain on. That way you can first ask who it is and look at their ID. Not expecting anyone? Then you do not have to open the door.',
    },
  },
];
