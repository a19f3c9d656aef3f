import type { Category, Tier } from '../../customers/tiers';
import type { ContactOutcome } from '../../hotline/contact.entity';
import type { Texts } from '../layout/i18n';
import type { LookupForm, LookupProblem } from './lookup-form';

export const HOTLINE: Texts<{
  title: string;
  intro: string;
  incident: string;
  reason: string;
  reasonHint: string;
  byNumber: string;
  customerNumber: string;
  customerNumberHint: string;
  byAddress: string;
  postcode: string;
  houseNumber: string;
  addition: string;
  birthDate: string;
  birthDateHint: string;
  lookUp: string;
  problems: Partial<Record<keyof LookupForm, Partial<Record<LookupProblem, string>>>>;
  noIncidents: string;
  missTitle: string;
  missBody: string;
  missAsk: string[];
  askBirthDate: string;
  suspendedTitle: string;
  saved: string;
  resultHeading: (name: string) => string;
  tierHeading: string;
  tierPlain: Record<Tier, string>;
  exposedHeading: string;
  categories: Record<Category, string>;
  contactHeading: string;
  email: string;
  phone: string;
  address: string;
  noneKnown: string;
  lettersHeading: string;
  noLetters: string;
  letterLine: (campaignId: number, channel: string) => string;
  steps: { sent: string; delivered: string; bounced: string; clicked: string; acknowledged: string; printed: string; posted: string; returned: string; notYet: string };
  channels: Record<string, string>;
  contactsHeading: string;
  noContacts: string;
  tipsHeading: string;
  tipsIntro: string;
  noTips: string;
  logHeading: string;
  outcome: string;
  outcomes: Record<ContactOutcome, string>;
  notes: string;
  notesHint: string;
  save: string;
  outcomeRequired: string;
  notesTooLong: string;
  newCaller: string;
}> = {
  nl: {
    title: 'Beller opzoeken',
    intro: 'Zoek alleen op met gegevens die de beller u nu geeft: het klantnummer uit de brief, of postcode en huisnummer.',
    incident: 'Datalek',
    reason: 'Reden',
    reasonHint: 'Waarom zoekt u deze klant op? Bijvoorbeeld: beller vraagt of zijn gegevens zijn gelekt.',
    byNumber: 'Met het klantnummer',
    customerNumber: 'Klantnummer',
    customerNumberHint: 'Staat bovenaan de brief, bijvoorbeeld K0012345.',
    byAddress: 'Of met het adres',
    postcode: 'Postcode',
    houseNumber: 'Huisnummer',
    addition: 'Toevoeging',
    birthDate: 'Geboortedatum',
    birthDateHint: 'Alleen nodig als meer mensen op dit adres wonen, bijvoorbeeld 07-03-1950.',
    lookUp: 'Opzoeken',
    problems: {
      incidentId: { required: 'Kies het datalek waarover de beller belt' },
      reason: { required: 'Vul de reden in: waarom zoekt u deze klant op?' },
      customerNumber: { both: 'Vul het klantnummer of het adres in, niet allebei', neither: 'Vul het klantnummer in, of postcode en huisnummer' },
      postcode: { 'address-incomplete': 'Vul de postcode in' },
      houseNumber: { 'address-incomplete': 'Vul het huisnummer in' },
    },
    noIncidents: 'Er is nog geen datalek vastgelegd, dus er is niemand op te zoeken.',
    missTitle: 'Niets gevonden',
    missBody: 'Er is geen getroffen klant van dit datalek met deze gegevens.',
    missAsk: ['Vraag naar het klantnummer bovenaan de brief.', 'Of vraag postcode en huisnummer (met toevoeging) van het adres waar de brief kwam.'],
    askBirthDate: 'Op dit adres wonen meer klanten. Vraag de beller naar de geboortedatum en zoek opnieuw.',
    suspendedTitle: 'Opzoeken is gepauzeerd',
    saved: 'Het gesprek is vastgelegd. U kunt de volgende beller opzoeken.',
    resultHeading: (name) => `Beller: ${name}`,
    tierHeading: 'Wat er met de gegevens gebeurde',
    tierPlain: {
      photographed: 'Uw gegevens zijn gefotografeerd en waarschijnlijk doorgegeven aan criminelen. Dit is het ernstigst.',
      viewed: 'Uw klantgegevens zijn bekeken door iemand die dat niet mocht.',
      searched: 'U kwam voor in zoekresultaten; uw gegevens zijn waarschijnlijk niet geopend.',
    },
    exposedHeading: 'Welke gegevens',
    categories: { name: 'naam', email: 'e-mailadres', address: 'adres', phone: 'telefoonnummer', birthDate: 'geboortedatum', customerNumber: 'klantnummer', iban: 'rekeningnummer (IBAN)' },
    contactHeading: 'Contactgegevens (afgeschermd)',
    email: 'E-mail',
    phone: 'Telefoon',
    address: 'Adres',
    noneKnown: 'niet bekend',
    lettersHeading: 'Brieven',
    noLetters: 'Er is nog geen brief aan deze klant verstuurd.',
    letterLine: (id, channel) => `Campagne ${id} (${channel})`,
    steps: { sent: 'verstuurd', delivered: 'afgeleverd', bounced: 'kwam terug (bounce)', clicked: 'link geopend', acknowledged: 'gelezen bevestigd', printed: 'gedrukt', posted: 'op de post', returned: 'retour ontvangen (komt niet aan)', notYet: 'nog niet verstuurd' },
    channels: { email: 'e-mail', post: 'post' },
    contactsHeading: 'Eerdere gesprekken',
    noContacts: 'Nog geen eerdere gesprekken.',
    tipsHeading: 'Tips om voor te lezen, in deze volgorde',
    tipsIntro: 'Lees ze rustig voor en vraag of de beller ze begrijpt.',
    noTips: 'Er staan geen tips in de brief; geef de algemene waarschuwing: nooit pincode of pas afgeven.',
    logHeading: 'Gesprek vastleggen',
    outcome: 'Uitkomst',
    outcomes: {
      informed: 'Geïnformeerd',
      worried: 'Ongerust',
      'fraud-attempt': 'Benaderd door een oplichter',
      'fraud-victim': 'Opgelicht',
      'callback-requested': 'Wil teruggebeld worden',
      other: 'Anders',
    },
    notes: 'Notities',
    notesHint: 'Wat is er besproken of afgesproken? Geen rekeningnummers of pincodes.',
    save: 'Gesprek opslaan',
    outcomeRequired: 'Kies de uitkomst van het gesprek',
    notesTooLong: 'De notities zijn langer dan 2000 tekens',
    newCaller: 'Volgende beller',
  },
  en: {
    title: 'Look up a caller',
    intro: 'Look up only with what the caller tells you now: the customer number on the letter, or the postcode and house number.',
    incident: 'Incident',
    reason: 'Reason',
    reasonHint: 'Why do you look this customer up? For example: caller asks whether his data leaked.',
    byNumber: 'By customer number',
    customerNumber: 'Customer number',
    customerNumberHint: 'Printed at the top of the letter, for example K0012345.',
    byAddress: 'Or by address',
    postcode: 'Postcode',
    houseNumber: 'House number',
    addition: 'Addition',
    birthDate: 'Date of birth',
    birthDateHint: 'Only needed when several people live at this address, for example 07-03-1950.',
    lookUp: 'Look up',
    problems: {
      incidentId: { required: 'Choose the incident the caller is calling about' },
      reason: { required: 'Enter the reason: why do you look this customer up?' },
      customerNumber: { both: 'Enter the customer number or the address, not both', neither: 'Enter the customer number, or the postcode and house number' },
      postcode: { 'address-incomplete': 'Enter the postcode' },
      houseNumber: { 'address-incomplete': 'Enter the house number' },
    },
    noIncidents: 'No incident has been recorded yet, so there is nobody to look up.',
    missTitle: 'Nothing found',
    missBody: 'No affected customer of this incident matches these details.',
    missAsk: ['Ask for the customer number printed at the top of the letter.', 'Or ask for the postcode and house number (with any addition) of the address the letter came to.'],
    askBirthDate: 'Several customers live at this address. Ask the caller for their date of birth and look up again.',
    suspendedTitle: 'Lookups are paused',
    saved: 'The call has been logged. You can look up the next caller.',
    resultHeading: (name) => `Caller: ${name}`,
    tierHeading: 'What happened to the data',
    tierPlain: {
      photographed: 'Your data was photographed and probably passed on to criminals. This is the most serious case.',
      viewed: 'Your customer record was looked at by someone who was not allowed to.',
      searched: 'You appeared in search results; your record was probably not opened.',
    },
    exposedHeading: 'Which data',
    categories: { name: 'name', email: 'e-mail address', address: 'address', phone: 'phone number', birthDate: 'date of birth', customerNumber: 'customer number', iban: 'bank account (IBAN)' },
    contactHeading: 'Contact details (masked)',
    email: 'E-mail',
    phone: 'Phone',
    address: 'Address',
    noneKnown: 'not known',
    lettersHeading: 'Letters',
    noLetters: 'No letter has been sent to this customer yet.',
    letterLine: (id, channel) => `Campaign ${id} (${channel})`,
    steps: { sent: 'sent', delivered: 'delivered', bounced: 'bounced', clicked: 'link opened', acknowledged: 'read confirmed', printed: 'printed', posted: 'posted', returned: 'returned to us (undeliverable)', notYet: 'not sent yet' },
    channels: { email: 'e-mail', post: 'post' },
    contactsHeading: 'Earlier contacts',
    noContacts: 'No earlier contacts.',
    tipsHeading: 'Tips to read out, in this order',
    tipsIntro: 'Read them calmly and ask whether the caller understands them.',
    noTips: 'The letter had no tips; give the general warning: never hand over a PIN or bank card.',
    logHeading: 'Log this call',
    outcome: 'Outcome',
    outcomes: {
      informed: 'Informed',
      worried: 'Worried',
      'fraud-attempt': 'Approached by a fraudster',
      'fraud-victim': 'Defrauded',
      'callback-requested': 'Wants a call back',
      other: 'Other',
    },
    notes: 'Notes',
    notesHint: 'What was said or agreed? No bank account numbers or PINs.',
    save: 'Save contact',
    outcomeRequired: 'Choose the outcome of the call',
    notesTooLong: 'The notes are longer than 2,000 characters',
    newCaller: 'Next caller',
  },
};
