import type { Texts } from '../layout/i18n';

export const IMPORTS: Texts<{
  uploadTitle: string;
  uploadIntro: string;
  tier: string;
  tierHint: string;
  chooseTier: string;
  file: string;
  fileHint: string;
  check: string;
  noTier: string;
  noFile: string;
  checkingTitle: string;
  checkingBody: string;
  checkTitle: string;
  checkIntro: string;
  rowsRead: string;
  rowsRejected: string;
  warnings: string;
  encoding: string;
  delimiter: string;
  delimiters: Record<string, string>;
  toImport: string;
  newCustomers: string;
  updatedCustomers: string;
  unchangedCustomers: string;
  problemsCaption: string;
  colLine: string;
  colColumn: string;
  colSeverity: string;
  colReason: string;
  severities: Record<string, string>;
  moreProblems: (shown: string, total: string) => string;
  noProblems: string;
  rejectsLink: string;
  importButton: (n: string) => string;
  rejectedWarning: (n: string) => string;
  nothingToImport: string;
  stagedGone: string;
  uploadAgain: string;
  failedTitle: string;
  importingTitle: string;
  importingBody: string;
  progress: string;
  doneTitle: string;
  donePanel: (n: string) => string;
  backToIncident: string;
  tierLabel: string;
}> = {
  nl: {
    uploadTitle: 'Klanten uploaden',
    uploadIntro: 'Eén CSV-bestand per ernst. Eerst wordt het bestand gecontroleerd; er wordt nog niets opgeslagen.',
    tier: 'Ernst',
    tierHint: 'Wat er met de gegevens van de klanten in dit bestand is gebeurd.',
    chooseTier: 'Kies de ernst',
    file: 'CSV-bestand',
    fileHint: 'Met kopregel; gescheiden door ; , of tab; UTF-8 of Windows-1252.',
    check: 'Bestand controleren',
    noTier: 'Kies de ernst van de klanten in dit bestand',
    noFile: 'Kies het CSV-bestand',
    checkingTitle: 'Bestand wordt gecontroleerd',
    checkingBody: 'Dit duurt bij grote bestanden even. Deze pagina ververst zichzelf.',
    checkTitle: 'Controleer het bestand',
    checkIntro: 'Er is nog niets opgeslagen. Kijk de problemen na; rijen met een fout worden overgeslagen.',
    rowsRead: 'Rijen gelezen',
    rowsRejected: 'Rijen afgewezen',
    warnings: 'Waarschuwingen',
    encoding: 'Tekenset',
    delimiter: 'Scheidingsteken',
    delimiters: { ';': 'puntkomma (;)', ',': 'komma (,)', '\t': 'tab' },
    toImport: 'Klanten te importeren',
    newCustomers: 'nieuw',
    updatedCustomers: 'bijgewerkt',
    unchangedCustomers: 'ongewijzigd',
    problemsCaption: 'Problemen in het bestand',
    colLine: 'Regel',
    colColumn: 'Kolom',
    colSeverity: 'Soort',
    colReason: 'Reden',
    severities: { error: 'Fout: rij overgeslagen', warning: 'Waarschuwing: waarde weggelaten' },
    moreProblems: (shown, total) => `De eerste ${shown} van ${total} problemen staan hierboven; de volledige lijst staat in het CSV-bestand.`,
    noProblems: 'Geen problemen gevonden.',
    rejectsLink: 'Lijst met problemen downloaden (CSV)',
    importButton: (n) => `${n} klanten importeren`,
    rejectedWarning: (n) => `${n} rijen worden niet geïmporteerd. Verbeter ze in het bestand en upload ze later opnieuw.`,
    nothingToImport: 'Er is niets te importeren: elke rij heeft een fout. Verbeter het bestand en upload het opnieuw.',
    stagedGone: 'Het gecontroleerde bestand is niet meer bewaard (na 24 uur, of het is al geïmporteerd). Upload het opnieuw.',
    uploadAgain: 'Een ander bestand uploaden',
    failedTitle: 'Het bestand kan niet worden gelezen',
    importingTitle: 'Klanten worden geïmporteerd',
    importingBody: 'Deze pagina ververst zichzelf. U kunt hem ook sluiten: de import gaat door.',
    progress: 'Voortgang',
    doneTitle: 'Import klaar',
    donePanel: (n) => `${n} klanten geïmporteerd`,
    backToIncident: 'Terug naar het datalek',
    tierLabel: 'Ernst',
  },
  en: {
    uploadTitle: 'Upload customers',
    uploadIntro: 'One CSV file per tier. The file is checked first; nothing is stored yet.',
    tier: 'Tier',
    tierHint: 'What happened to the data of the customers in this file.',
    chooseTier: 'Choose the tier',
    file: 'CSV file',
    fileHint: 'With a header row; separated by ; , or tab; UTF-8 or Windows-1252.',
    check: 'Check file',
    noTier: 'Choose the tier of the customers in this file',
    noFile: 'Select the CSV file',
    checkingTitle: 'Checking the file',
    checkingBody: 'Large files take a moment. This page updates itself.',
    checkTitle: 'Check the file',
    checkIntro: 'Nothing has been stored yet. Look through the problems; rows with an error are skipped.',
    rowsRead: 'Rows read',
    rowsRejected: 'Rows rejected',
    warnings: 'Warnings',
    encoding: 'Encoding',
    delimiter: 'Delimiter',
    delimiters: { ';': 'semicolon (;)', ',': 'comma (,)', '\t': 'tab' },
    toImport: 'Customers to import',
    newCustomers: 'new',
    updatedCustomers: 'updated',
    unchangedCustomers: 'unchanged',
    problemsCaption: 'Problems in the file',
    colLine: 'Line',
    colColumn: 'Column',
    colSeverity: 'Kind',
    colReason: 'Reason',
    severities: { error: 'Error: row skipped', warning: 'Warning: value left out' },
    moreProblems: (shown, total) => `The first ${shown} of ${total} problems are shown above; the full list is in the CSV file.`,
    noProblems: 'No problems found.',
    rejectsLink: 'Download the list of problems (CSV)',
    importButton: (n) => `Import ${n} customers`,
    rejectedWarning: (n) => `${n} rows will not be imported. Fix them in the file and upload them again later.`,
    nothingToImport: 'There is nothing to import: every row has an error. Fix the file and upload it again.',
    stagedGone: 'The checked file is no longer kept (after 24 hours, or it was imported already). Upload it again.',
    uploadAgain: 'Upload another file',
    failedTitle: 'The file cannot be read',
    importingTitle: 'Importing customers',
    importingBody: 'This page updates itself. You may also close it: the import carries on.',
    progress: 'Progress',
    doneTitle: 'Import finished',
    donePanel: (n) => `${n} customers imported`,
    backToIncident: 'Back to the incident',
    tierLabel: 'Tier',
  },
};
