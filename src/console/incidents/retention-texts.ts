import type { IncidentStatus } from '../../incidents/retention-rules';
import type { Texts } from '../layout/i18n';

/** The incident page's retention parts and the Close incident check page. */
export const RETENTION: Texts<{
  heading: string;
  status: string;
  statuses: Record<IncidentStatus, string>;
  closedAt: string;
  purgeAt: string;
  purgedAt: string;
  openNote: string;
  closedNote: (when: string) => string;
  duePurgeNote: string;
  purgedNote: (when: string) => string;
  closeButton: string;
  closeTitle: string;
  /** `when` null: RETENTION_DAYS is 0, the purge follows at once. */
  warning: (when: string | null) => string;
  deletedHeading: string;
  deleted: string[];
  keptHeading: string;
  kept: string[];
  afterClosing: string[];
  blockedTitle: string;
  blocked: { sending: (id: number) => string; approved: (id: number) => string; import: (id: number) => string; printBatch: (id: number) => string };
  cancel: string;
  colStatus: string;
}> = {
  nl: {
    heading: 'Bewaren van persoonsgegevens',
    status: 'Status',
    statuses: { open: 'Open', closed: 'Gesloten', purged: 'Gegevens verwijderd' },
    closedAt: 'Gesloten op',
    purgeAt: 'Persoonsgegevens worden verwijderd op',
    purgedAt: 'Persoonsgegevens verwijderd op',
    openNote: 'De persoonsgegevens van de klanten blijven bewaard zolang het datalek open is. Een beheerder sluit het datalek als het is afgehandeld.',
    closedNote: (when) => `Het datalek is gesloten. Op ${when} worden de persoonsgegevens van de klanten verwijderd; tot dan helpt de hotline bellers nog.`,
    duePurgeNote: 'De persoonsgegevens worden nu verwijderd. De hotline vindt deze klanten niet meer.',
    purgedNote: (when) => `De persoonsgegevens van de klanten zijn op ${when} verwijderd. De aantallen en het register blijven bestaan.`,
    closeButton: 'Datalek sluiten',
    closeTitle: 'Datalek sluiten',
    warning: (when) =>
      `${when ? `Op ${when}` : 'Direct na het sluiten (binnen enkele minuten)'} worden de persoonsgegevens van alle klanten van dit datalek verwijderd. Dat kan niet ongedaan worden gemaakt.`,
    deletedHeading: 'Wat wordt verwijderd',
    deleted: [
      'Namen, e-mailadressen, telefoonnummers, adressen, geboortedatums en klantnummers van de klanten',
      'De notities bij hotline-gesprekken',
      'De geüploade klantbestanden en de printbestanden (pdf en manifest)',
    ],
    keptHeading: 'Wat blijft bewaard',
    kept: ['Aantallen per ernst en per soort gegevens', 'De brieven met hun status en datums, en de uitkomsten van hotline-gesprekken', 'Het register, het concept voor de melding en het auditlog'],
    afterClosing: ['Er kunnen geen klanten meer worden geüpload en geen verzendingen worden gemaakt, goedgekeurd of gestart.', 'Tot het verwijderen kan de hotline bellers nog opzoeken; daarna niet meer.'],
    blockedTitle: 'U kunt dit datalek nog niet sluiten',
    blocked: {
      sending: (id) => `Verzending ${id} is nog bezig: pauzeer hem of wacht tot hij klaar is.`,
      approved: (id) => `Verzending ${id} is goedgekeurd maar niet gestart: start hem en laat hem afmaken, of pauzeer hem na het starten.`,
      import: (id) => `Import ${id} loopt nog: wacht tot hij klaar is.`,
      printBatch: (id) => `Printopdracht ${id} wordt nog gemaakt: wacht tot hij klaar is.`,
    },
    cancel: 'Terug naar het datalek',
    colStatus: 'Status',
  },
  en: {
    heading: 'Keeping personal data',
    status: 'Status',
    statuses: { open: 'Open', closed: 'Closed', purged: 'Personal data removed' },
    closedAt: 'Closed at',
    purgeAt: 'Personal data will be removed on',
    purgedAt: 'Personal data removed on',
    openNote: "The customers' personal data is kept while the incident is open. An admin closes the incident once it has been dealt with.",
    closedNote: (when) => `The incident is closed. On ${when} the customers' personal data will be removed; until then the hotline can still help callers.`,
    duePurgeNote: 'The personal data is being removed now. The hotline no longer finds these customers.',
    purgedNote: (when) => `The customers' personal data was removed on ${when}. The counts and the register remain.`,
    closeButton: 'Close incident',
    closeTitle: 'Close incident',
    warning: (when) => `${when ? `On ${when}` : 'Straight after closing (within a few minutes)'} the personal data of every customer of this incident will be removed. This cannot be undone.`,
    deletedHeading: 'What will be removed',
    deleted: [
      "The customers' names, email addresses, phone numbers, addresses, dates of birth and customer numbers",
      'The notes of hotline calls',
      'The uploaded customer files and the print files (PDFs and manifest)',
    ],
    keptHeading: 'What is kept',
    kept: ['Counts per tier and per kind of data', 'The letters with their states and dates, and the outcomes of hotline calls', 'The register, the authority report draft and the audit log'],
    afterClosing: ['No more customers can be uploaded, and no campaigns can be created, approved or started.', 'Until the removal the hotline can still look callers up; after it, no longer.'],
    blockedTitle: 'You cannot close this incident yet',
    blocked: {
      sending: (id) => `Campaign ${id} is still sending: pause it or wait until it has completed.`,
      approved: (id) => `Campaign ${id} is approved but not started: start it and let it complete, or pause it once started.`,
      import: (id) => `Import ${id} is still running: wait until it has finished.`,
      printBatch: (id) => `Print batch ${id} is still being built: wait until it is ready.`,
    },
    cancel: 'Back to the incident',
    colStatus: 'Status',
  },
};
