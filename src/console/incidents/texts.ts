import type { Texts } from '../layout/i18n';
import type { IncidentFormProblem } from './incident-form';

export const INCIDENTS: Texts<{
  listTitle: string;
  newIncident: string;
  none: string;
  tableCaption: string;
  colTitle: string;
  colCompany: string;
  colDiscovered: string;
  newTitle: string;
  title: string;
  titleHint: string;
  company: string;
  companyHint: string;
  hotlinePhone: string;
  hotlineEmail: string;
  hotlineHint: string;
  discoveredAt: string;
  discoveredAtHint: string;
  create: string;
  problems: Record<string, Record<IncidentFormProblem, string>>;
  customersHeading: string;
  countsCaption: string;
  colTier: string;
  colCustomers: string;
  total: string;
  whatNext: string;
  upload: string;
  preview: string;
  newCampaign: string;
  campaignsHeading: string;
  noCampaigns: string;
  campaignLink: (id: number) => string;
  facts: string;
  hotline: string;
  created: string;
}> = {
  nl: {
    listTitle: 'Datalekken',
    newIncident: 'Nieuw datalek',
    none: 'Er zijn nog geen datalekken vastgelegd.',
    tableCaption: 'Alle datalekken, nieuwste eerst',
    colTitle: 'Titel',
    colCompany: 'Bedrijf',
    colDiscovered: 'Ontdekt op',
    newTitle: 'Nieuw datalek',
    title: 'Titel',
    titleHint: 'Kort en feitelijk, zonder persoonsgegevens. Klanten zien dit niet.',
    company: 'Bedrijf',
    companyHint: 'De naam die klanten kennen; de brieven komen van deze naam.',
    hotlinePhone: 'Telefoonnummer hotline',
    hotlineEmail: 'E-mailadres hotline',
    hotlineHint: 'Staat in elke brief. Alleen dit nummer en adres mogen in de brief voorkomen.',
    discoveredAt: 'Ontdekt op',
    discoveredAtHint: 'Datum en tijd (Nederlandse tijd), bijvoorbeeld 20-11-2026 09:30',
    create: 'Datalek aanmaken',
    problems: {
      title: { required: 'Vul een titel in', 'too-long': 'De titel mag hoogstens 200 tekens hebben', phone: '', email: '', date: '', future: '' },
      company: { required: 'Vul de naam van het bedrijf in', 'too-long': 'De naam mag hoogstens 200 tekens hebben', phone: '', email: '', date: '', future: '' },
      hotlinePhone: { required: 'Vul het telefoonnummer van de hotline in', 'too-long': '', phone: 'Vul een telefoonnummer in met alleen cijfers, spaties en streepjes, zoals 0800 123 4567', email: '', date: '', future: '' },
      hotlineEmail: { required: 'Vul het e-mailadres van de hotline in', 'too-long': '', phone: '', email: 'Vul een e-mailadres in zoals datalek@bedrijf.nl', date: '', future: '' },
      discoveredAt: { required: 'Vul in wanneer het datalek is ontdekt', 'too-long': '', phone: '', email: '', date: 'Vul een datum en tijd in zoals 20-11-2026 09:30', future: 'Het moment van ontdekken ligt in de toekomst; vul in wanneer het is ontdekt' },
    },
    customersHeading: 'Betrokken klanten',
    countsCaption: 'Klanten per ernst',
    colTier: 'Ernst',
    colCustomers: 'Klanten',
    total: 'Totaal',
    whatNext: 'Wat wilt u doen?',
    upload: 'Klanten uploaden',
    preview: 'Brief bekijken',
    newCampaign: 'Nieuwe verzending',
    campaignsHeading: 'Verzendingen',
    noCampaigns: 'Nog geen verzendingen.',
    campaignLink: (id) => `Verzending ${id}`,
    facts: 'Gegevens van het datalek',
    hotline: 'Hotline',
    created: 'Vastgelegd op',
  },
  en: {
    listTitle: 'Incidents',
    newIncident: 'New incident',
    none: 'No incidents have been recorded yet.',
    tableCaption: 'All incidents, newest first',
    colTitle: 'Title',
    colCompany: 'Company',
    colDiscovered: 'Discovered at',
    newTitle: 'New incident',
    title: 'Title',
    titleHint: 'Short and factual, without personal data. Customers do not see this.',
    company: 'Company',
    companyHint: 'The name customers know; the letters come from this name.',
    hotlinePhone: 'Hotline phone',
    hotlineEmail: 'Hotline email',
    hotlineHint: 'Printed in every letter. Only this number and address may appear in the letter.',
    discoveredAt: 'Discovered at',
    discoveredAtHint: 'Date and time (Dutch time), for example 20-11-2026 09:30',
    create: 'Create incident',
    problems: {
      title: { required: 'Enter a title', 'too-long': 'The title must be 200 characters or fewer', phone: '', email: '', date: '', future: '' },
      company: { required: 'Enter the company name', 'too-long': 'The name must be 200 characters or fewer', phone: '', email: '', date: '', future: '' },
      hotlinePhone: { required: 'Enter the hotline phone number', 'too-long': '', phone: 'Enter a phone number of digits, spaces and dashes only, like 0800 123 4567', email: '', date: '', future: '' },
      hotlineEmail: { required: 'Enter the hotline email address', 'too-long': '', phone: '', email: 'Enter an email address like datalek@company.nl', date: '', future: '' },
      discoveredAt: { required: 'Enter when the breach was discovered', 'too-long': '', phone: '', email: '', date: 'Enter a date and time like 20-11-2026 09:30', future: 'The discovery lies in the future; enter when it was discovered' },
    },
    customersHeading: 'Affected customers',
    countsCaption: 'Customers per tier',
    colTier: 'Tier',
    colCustomers: 'Customers',
    total: 'Total',
    whatNext: 'What do you want to do?',
    upload: 'Upload customers',
    preview: 'Preview letter',
    newCampaign: 'New campaign',
    campaignsHeading: 'Campaigns',
    noCampaigns: 'No campaigns yet.',
    campaignLink: (id) => `Campaign ${id}`,
    facts: 'About this incident',
    hotline: 'Hotline',
    created: 'Recorded at',
  },
};
