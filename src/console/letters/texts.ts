import type { Texts } from '../layout/i18n';

export const LETTERS: Texts<{
  title: string;
  intro: string;
  customerNumber: string;
  customerNumberHint: string;
  show: string;
  missing: string;
  notFound: string;
  resultTitle: string;
  resultIntro: string;
  frameTitle: string;
  samplesHeading: string;
  samplesIntro: string;
  sampleLink: (tier: string, language: string) => string;
  sampleTitle: (tier: string, language: string) => string;
  sampleIntro: string;
  languages: Record<string, string>;
  another: string;
}> = {
  nl: {
    title: 'Brief bekijken',
    intro: 'Bekijk de brief precies zoals een klant hem krijgt. Elke keer dat u de brief van een klant bekijkt, wordt vastgelegd.',
    customerNumber: 'Klantnummer',
    customerNumberHint: 'Zoals in het geüploade bestand.',
    show: 'Brief tonen',
    missing: 'Vul een klantnummer in',
    notFound: 'Dit datalek heeft geen klant met dat klantnummer. Controleer het nummer.',
    resultTitle: 'Brief van een klant',
    resultIntro: 'De link in deze voorbeeldweergave is een plaatshouder; in de echte brief staat de persoonlijke link van de klant.',
    frameTitle: 'De brief zoals hij wordt verzonden',
    samplesHeading: 'Voorbeeldbrieven',
    samplesIntro: 'Met een verzonnen klant, per ernst en taal. Hiervoor worden geen klantgegevens bekeken.',
    sampleLink: (tier, language) => `${tier}, ${language}`,
    sampleTitle: (tier, language) => `Voorbeeldbrief: ${tier}, ${language}`,
    sampleIntro: 'Met een verzonnen klant; de gegevens van het datalek zijn echt.',
    languages: { nl: 'Nederlands', en: 'Engels' },
    another: 'Een andere brief bekijken',
  },
  en: {
    title: 'Preview letter',
    intro: 'See the letter exactly as a customer gets it. Every time you look at a customer’s letter, it is recorded.',
    customerNumber: 'Customer number',
    customerNumberHint: 'As in the uploaded file.',
    show: 'Show letter',
    missing: 'Enter a customer number',
    notFound: 'This incident has no customer with that customer number. Check the number.',
    resultTitle: 'A customer’s letter',
    resultIntro: 'The link in this preview is a placeholder; the real letter carries the customer’s own link.',
    frameTitle: 'The letter as it is sent',
    samplesHeading: 'Sample letters',
    samplesIntro: 'With a made-up customer, per tier and language. No customer data is looked at for these.',
    sampleLink: (tier, language) => `${tier}, ${language}`,
    sampleTitle: (tier, language) => `Sample letter: ${tier}, ${language}`,
    sampleIntro: 'With a made-up customer; the incident’s facts are real.',
    languages: { nl: 'Dutch', en: 'English' },
    another: 'Preview another letter',
  },
};
