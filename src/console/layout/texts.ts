import type { Texts } from './i18n';

/** Texts of the page shell and the shared components. */
export const SHELL: Texts<{
  service: string;
  skip: string;
  signOut: string;
  signedInAs: (name: string, role: string) => string;
  otherLang: string;
  otherLangCode: 'nl' | 'en';
  navLabel: string;
  nav: { incidents: string; home: string };
  errorSummary: string;
  errorPrefix: string;
  back: string;
  forbidden: string;
  forbiddenBody: string;
  notFound: string;
  notFoundBody: string;
  broken: string;
  brokenBody: string;
  refresh: string;
  roles: Record<string, string>;
}> = {
  nl: {
    service: 'Datalek-waarschuwingen',
    skip: 'Naar de inhoud',
    signOut: 'Afmelden',
    signedInAs: (name, role) => `Aangemeld als ${name} (${role})`,
    otherLang: 'English',
    otherLangCode: 'en',
    navLabel: 'Hoofdmenu',
    nav: { incidents: 'Datalekken', home: 'Start' },
    errorSummary: 'Er is een probleem',
    errorPrefix: 'Fout:',
    back: 'Terug',
    forbidden: 'Geen toegang',
    forbiddenBody: 'Deze pagina is niet voor uw rol. Vraag een beheerder als u denkt dat dit niet klopt.',
    notFound: 'Pagina niet gevonden',
    notFoundBody: 'Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de start.',
    broken: 'Er ging iets mis',
    brokenBody: 'Er ging aan onze kant iets mis. Het is vastgelegd; probeer het opnieuw of neem contact op met de beheerder.',
    refresh: 'Ververs deze pagina',
    roles: { comms: 'communicatie', hotline: 'hotline', admin: 'beheer' },
  },
  en: {
    service: 'Fraud-warning console',
    skip: 'Skip to main content',
    signOut: 'Sign out',
    signedInAs: (name, role) => `Signed in as ${name} (${role})`,
    otherLang: 'Nederlands',
    otherLangCode: 'nl',
    navLabel: 'Main menu',
    nav: { incidents: 'Incidents', home: 'Home' },
    errorSummary: 'There is a problem',
    errorPrefix: 'Error:',
    back: 'Back',
    forbidden: 'No access',
    forbiddenBody: 'This page is not for your role. Ask an administrator if you think this is wrong.',
    notFound: 'Page not found',
    notFoundBody: 'This page does not exist (any more). Check the address or go back to the start.',
    broken: 'Something went wrong',
    brokenBody: 'Something went wrong on our side. It has been logged; try again or contact the administrator.',
    refresh: 'Refresh this page',
    roles: { comms: 'communications', hotline: 'hotline', admin: 'admin' },
  },
};
